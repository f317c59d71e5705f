// Protects the classic rebalance protocol end to end: eager rebalances revoke everything, cooperative
// ones revoke only what moves and follow up, a crash is noticed one session timeout later, extra
// consumers idle, new members go through MEMBER_ID_REQUIRED, and the group walks Kafka's states.
import { describe, expect, it } from "vitest";
import { commandSchema } from "../commands";
import { createSimulation } from "../simulation";
import { groupScenario, ofType, recordEvents, runMs, subscribeSpec } from "../test-support/group-scenarios";

const addConsumer = (id: string, config: Record<string, unknown> = {}) =>
  commandSchema.parse({ type: "addConsumer", consumer: subscribeSpec(id, config) });

function fourthConsumerJoins(config: Record<string, unknown>) {
  const { events, onEvent } = recordEvents();
  const sim = createSimulation(groupScenario({ config }), { checkInvariants: true, onEvent });
  runMs(sim, 10_000);
  const before = new Map(
    sim.view().consumers.map((c) => [c.id, c.assignedPartitions.map((p) => p.partition)]),
  );
  const mark = events.length;
  sim.apply(addConsumer("c4", config));
  runMs(sim, 20_000);
  return { sim, before, after: events.slice(mark) };
}

describe("a 4th consumer joins 3 consumers on 6 partitions", () => {
  it("with the default [range, cooperative-sticky] runs ONE eager rebalance in which every member revokes everything", () => {
    const { sim, before, after } = fourthConsumerJoins({});
    expect(ofType(after, "rebalanceCompleted")).toHaveLength(1);
    const revoked = ofType(after, "partitionsRevoked");
    expect(revoked.map((e) => e.consumerId).sort()).toEqual(["c1", "c2", "c3"]);
    for (const e of revoked) {
      expect(e.protocol).toBe("EAGER");
      expect(e.partitions.map((p) => p.partition).sort()).toEqual(before.get(e.consumerId)!.sort());
    }
    const group = sim.view().groups[0]!;
    expect(group.protocolName).toBe("range");
    expect(group.members.map((m) => m.assignedPartitions.length).sort()).toEqual([1, 1, 2, 2]);
  });

  it("with cooperative-sticky alone runs TWO rebalances; only the moved partition is revoked", () => {
    const { sim, before, after } = fourthConsumerJoins({
      "partition.assignment.strategy": ["cooperative-sticky"],
    });
    expect(ofType(after, "rebalanceCompleted")).toHaveLength(2);
    const revoked = ofType(after, "partitionsRevoked");
    // Balanced is 2/2/1/1: the sticky assignor moves the one partition the newcomer needs, no more.
    expect(revoked).toHaveLength(1);
    expect(revoked[0]!.protocol).toBe("COOPERATIVE");
    expect(revoked[0]!.partitions).toHaveLength(1);
    const moved = revoked[0]!.partitions[0]!;
    const final = new Map(
      sim.view().consumers.map((c) => [c.id, c.assignedPartitions.map((p) => p.partition)]),
    );
    expect(final.get("c4")).toEqual([moved.partition]);
    let kept = 0;
    for (const [id, partitions] of before)
      kept += partitions.filter((p) => final.get(id)!.includes(p)).length;
    expect(kept).toBe(5);
    // The follow-up rebalance is the revoking member rejoining at once.
    expect(
      ofType(after, "joinGroupSent").some((e) => e.reason === "need to revoke partitions and re-join"),
    ).toBe(true);
  });
});

describe("failures and membership", () => {
  it("notices a crashed consumer one session.timeout.ms after its last heartbeat", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(groupScenario({ config: { "session.timeout.ms": 10_000 } }), {
      checkInvariants: true,
      onEvent,
    });
    runMs(sim, 10_000);
    const memberId = sim.view().consumers.find((c) => c.id === "c2")!.memberId!;
    const lastHeartbeatUs = ofType(events, "heartbeatResponded")
      .filter((e) => e.memberId === memberId)
      .at(-1)!.atUs;
    const crashUs = sim.nowUs();
    sim.apply(commandSchema.parse({ type: "crashConsumer", consumerId: "c2" }));
    runMs(sim, 20_000);
    const removed = ofType(events, "memberRemoved").find((e) => e.memberId === memberId)!;
    expect(removed.reason).toBe("sessionTimeout");
    const started = ofType(events, "rebalanceStarted").find((e) => e.atUs > crashUs)!;
    expect(started.atUs).toBe(removed.atUs);
    // The coordinator's session timer restarts at the last heartbeat it received.
    expect(removed.atUs - lastHeartbeatUs).toBeGreaterThanOrEqual(10_000_000 - 3_000);
    expect(removed.atUs - lastHeartbeatUs).toBeLessThanOrEqual(10_000_000 + 3_000);
    expect(removed.atUs - crashUs).toBeGreaterThan(10_000_000 - 3_000_000);
    const group = sim.view().groups[0]!;
    expect(group.members.map((m) => m.clientId).sort()).toEqual(["c1", "c3"]);
  });

  it("leaves consumers beyond the partition count idle with an empty assignment", () => {
    const sim = createSimulation(groupScenario({ consumers: 4, partitions: 2 }), { checkInvariants: true });
    runMs(sim, 10_000);
    const sizes = sim.view().consumers.map((c) => c.assignedPartitions.length);
    expect(sizes.sort()).toEqual([0, 0, 1, 1]);
    const group = sim.view().groups[0]!;
    expect(group.state).toBe("Stable");
    expect(group.members).toHaveLength(4);
    // The describe table lists only members that own partitions.
    expect(group.describe.rows).toHaveLength(2);
  });

  it("gives a new dynamic member its id with MEMBER_ID_REQUIRED, and it rejoins with it", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(groupScenario({ consumers: 1 }), { onEvent });
    runMs(sim, 5_000);
    const joins = ofType(events, "joinGroupSent");
    const answers = ofType(events, "joinGroupResponded");
    expect(joins[0]!.memberId).toBe("");
    expect(answers[0]!.error).toBe("MEMBER_ID_REQUIRED");
    expect(answers[0]!.memberId).toMatch(
      /^c1-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(joins[1]!.memberId).toBe(answers[0]!.memberId);
    expect(answers[1]).toMatchObject({
      error: "NONE",
      generationId: 1,
      isLeader: true,
      protocolName: "range",
    });
  });

  it("walks Empty → PreparingRebalance → CompletingRebalance → Stable, the first join delayed 3 s", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(groupScenario({ consumers: 2 }), { onEvent });
    runMs(sim, 8_000);
    const states = ofType(events, "groupStateChanged").map((e) => [e.from, e.to]);
    expect(states).toEqual([
      ["Empty", "PreparingRebalance"],
      ["PreparingRebalance", "CompletingRebalance"],
      ["CompletingRebalance", "Stable"],
    ]);
    const [preparing, completing] = ofType(events, "groupStateChanged");
    // group.initial.rebalance.delay.ms, extended once because the second member joined during it.
    expect(completing!.atUs - preparing!.atUs).toBe(6_000_000);
    sim.apply(commandSchema.parse({ type: "closeConsumer", consumerId: "c1" }));
    sim.apply(commandSchema.parse({ type: "closeConsumer", consumerId: "c2" }));
    runMs(sim, 2_000);
    expect(sim.view().groups[0]!.state).toBe("Empty");
    expect(ofType(events, "leaveGroupSent")).toHaveLength(2);
  });
});
