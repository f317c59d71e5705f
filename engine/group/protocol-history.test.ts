// Protects the sequence diagram's data: a 4th consumer joining shows, per member, the classic
// protocol's messages in Kafka's order; the history survives seeks exactly (a seek back equals a
// straight run); it is only computed when asked for, and stays bounded.
import { describe, expect, it } from "vitest";
import { commandSchema } from "../commands";
import { decodePreset } from "../scenario/presets/catalog";
import { createSimulation } from "../simulation";
import { groupScenario, runMs, subscribeSpec } from "../test-support/group-scenarios";
import { advanceTo, applyAtCursor, createTimeline, seekTo } from "../timeline";
import { PROTOCOL_MESSAGES_PER_GROUP_MAX, type ProtocolMessageRecord } from "./protocol-history";

const WINDOW_ALL = { groupId: null, windowUs: 1e12 };

/** The group-protocol messages a consumer sent or received, after `fromUs`, without heartbeats. */
function sequenceOf(messages: readonly ProtocolMessageRecord[], consumerId: string, fromUs: number) {
  return messages
    .filter((m) => m.consumerId === consumerId && m.sentAtUs >= fromUs && !m.api.startsWith("Heartbeat"))
    .map((m) => (m.error && m.error !== "NONE" ? `${m.api}:${m.error}` : m.api));
}

describe("the protocol history of a 4th consumer joining 3 (eager, range)", () => {
  const sim = createSimulation(decodePreset("fourth-consumer-joins")!, { checkInvariants: true });
  sim.runUntil(14_000_000);
  const history = sim.view({ protocolHistory: WINDOW_ALL }).protocolHistory!;

  it("the newcomer finds the coordinator, is told MEMBER_ID_REQUIRED, rejoins, syncs and fetches offsets", () => {
    expect(sequenceOf(history.messages, "consumer-4", 12_000_000)).toEqual([
      "FindCoordinatorRequest",
      "FindCoordinatorResponse",
      "JoinGroupRequest",
      "JoinGroupResponse:MEMBER_ID_REQUIRED",
      "JoinGroupRequest",
      "JoinGroupResponse",
      "SyncGroupRequest",
      "SyncGroupResponse",
      "OffsetFetchRequest",
      "OffsetFetchResponse",
    ]);
  });

  it("each old member learns of the rebalance from a heartbeat, commits, rejoins and syncs", () => {
    for (const id of ["consumer-1", "consumer-2", "consumer-3"]) {
      const after = history.messages.filter((m) => m.consumerId === id && m.sentAtUs >= 12_000_000);
      const firstResponse = after.find((m) => m.api === "HeartbeatResponse");
      expect(firstResponse?.error).toBe("REBALANCE_IN_PROGRESS");
      expect(sequenceOf(history.messages, id, 12_000_000)).toEqual([
        "OffsetCommitRequest",
        "OffsetCommitResponse",
        "JoinGroupRequest",
        "JoinGroupResponse",
        "SyncGroupRequest",
        "SyncGroupResponse",
        "OffsetFetchRequest",
        "OffsetFetchResponse",
      ]);
    }
  });

  it("exactly one JoinGroup response of generation 2 names its member the leader, whose SyncGroup carries the assignment", () => {
    const gen2 = history.messages.filter((m) => m.api === "JoinGroupResponse" && m.generationId === 2);
    expect(gen2).toHaveLength(4);
    const leaders = gen2.filter((m) => m.leader);
    expect(leaders).toHaveLength(1);
    const leaderSync = history.messages.find(
      (m) => m.api === "SyncGroupRequest" && m.generationId === 2 && m.leader,
    );
    expect(leaderSync?.consumerId).toBe(leaders[0]!.consumerId);
    expect(leaderSync?.detail).toBe("assignment for 4 members");
    expect(history.consumers.filter((c) => c.leader).map((c) => c.id)).toEqual([leaders[0]!.consumerId]);
  });

  it("the coordinator walks Stable → PreparingRebalance → CompletingRebalance → Stable, into generation 2", () => {
    const states = history.marks.flatMap((m) =>
      m.kind === "state" && m.atUs >= 12_000_000 ? [`${m.to}@${m.generationId}`] : [],
    );
    expect(states).toEqual(["PreparingRebalance@1", "CompletingRebalance@2", "Stable@2"]);
    expect(history.latestRebalanceAtUs).toBeGreaterThan(12_000_000);
    expect(history.coordinatorBrokerId).toBe(3);
    expect(history.marks.some((m) => m.kind === "consumerAdded" && m.consumerId === "consumer-4")).toBe(true);
  });

  it("every message is delivered and goes between a member and a broker", () => {
    for (const m of history.messages) {
      expect(m.status).toBe("delivered");
      expect([m.from, m.to]).toContain(m.consumerId);
      expect(m.deliverAtUs).toBeGreaterThan(m.sentAtUs);
    }
  });
});

describe("the protocol history view", () => {
  it("is not computed unless asked for", () => {
    const sim = createSimulation(groupScenario());
    runMs(sim, 3_000);
    expect(sim.view().protocolHistory).toBeNull();
  });

  it("shows a window: what was delivered in it and what is still in flight, with the state at its start", () => {
    const sim = createSimulation(decodePreset("fourth-consumer-joins")!);
    sim.runUntil(12_300_000);
    const view = sim.view({ protocolHistory: { groupId: "orders-service", windowUs: 200_000 } })
      .protocolHistory!;
    expect(view.fromUs).toBe(12_100_000);
    expect(view.stateAtFromUs).toEqual({ state: "Stable", generationId: 1 });
    for (const m of view.messages) expect(m.deliverAtUs >= 12_100_000 || m.status === "inFlight").toBe(true);
    for (const m of view.messages.filter((x) => x.status === "inFlight")) {
      expect(m.deliverAtUs).toBeGreaterThan(12_300_000);
    }
    expect(view.messages.some((m) => m.status === "inFlight")).toBe(true);
  });

  it("lists every group for the selector and picks the first when none is named", () => {
    const sim = createSimulation(decodePreset("two-groups-one-topic")!);
    sim.runUntil(5_000_000);
    const view = sim.view({ protocolHistory: WINDOW_ALL }).protocolHistory!;
    expect(view.groupIds.length).toBe(2);
    expect(view.groupId).toBe(view.groupIds[0]);
    const second = sim.view({ protocolHistory: { groupId: view.groupIds[1]!, windowUs: 1e12 } })
      .protocolHistory!;
    expect(second.groupId).toBe(view.groupIds[1]);
    expect(second.consumers.map((c) => c.id)).not.toEqual(view.consumers.map((c) => c.id));
  });

  it("after a seek back, equals a straight run's", () => {
    // Busy enough that checkpoints (every 20,000 steps) fall inside the rebalance's history.
    const scenario = groupScenario({ recordsPerSec: 2_000 });
    const add = commandSchema.parse({ type: "addConsumer", consumer: subscribeSpec("c4") });
    const tl = createTimeline({ scenario, commands: [] });
    advanceTo(tl, 6_000_000);
    applyAtCursor(tl, add);
    advanceTo(tl, 30_000_000);
    // The seek restores a checkpoint taken before 15 s and replays from it.
    expect(tl.checkpoints.filter((c) => c.nowUs > 0 && c.nowUs < 15_000_000).length).toBeGreaterThan(0);
    seekTo(tl, 15_000_000);
    const sought = tl.sim.view({ protocolHistory: WINDOW_ALL }).protocolHistory;
    const straight = createTimeline(structuredClone(tl.record));
    advanceTo(straight, 15_000_000);
    expect(sought).toEqual(straight.sim.view({ protocolHistory: WINDOW_ALL }).protocolHistory);
    expect(sought!.messages.some((m) => m.consumerId === "c4" && m.api === "SyncGroupResponse")).toBe(true);
  });

  it("keeps at most PROTOCOL_MESSAGES_PER_GROUP_MAX × 1.5 messages per group", () => {
    const sim = createSimulation(
      groupScenario({ config: { "heartbeat.interval.ms": 100, "session.timeout.ms": 6000 } }),
    );
    runMs(sim, 120_000);
    const view = sim.view({ protocolHistory: WINDOW_ALL }).protocolHistory!;
    expect(view.messages.length).toBeGreaterThan(PROTOCOL_MESSAGES_PER_GROUP_MAX / 2);
    expect(view.messages.length).toBeLessThanOrEqual(PROTOCOL_MESSAGES_PER_GROUP_MAX * 1.5);
  });
});
