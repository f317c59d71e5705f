// Protects the liveness rules: processing slower than max.poll.interval.ms makes a dynamic member
// send LeaveGroup and the group rebalance, while a static member bouncing within its session
// timeout gets its old assignment back with no rebalance.
import { describe, expect, it } from "vitest";
import { commandSchema } from "../commands";
import { createSimulation } from "../simulation";
import { groupScenario, ofType, recordEvents, runMs } from "../test-support/group-scenarios";

describe("liveness", () => {
  it("leaves the group when processing outlasts max.poll.interval.ms, and the group rebalances", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(
      groupScenario({ consumers: 2, config: { "max.poll.interval.ms": 8_000, "max.poll.records": 10 } }),
      { checkInvariants: true, onEvent },
    );
    runMs(sim, 8_000);
    const mark = events.length;
    // 10 records × 1.5 s: the next poll() comes 15 s later.
    sim.apply(commandSchema.parse({ type: "setProcessingTime", consumerId: "c1", processingTimeMs: 1_500 }));
    runMs(sim, 25_000);
    const after = events.slice(mark);
    const expired = ofType(after, "pollTimeoutExpired");
    expect(expired.map((e) => e.consumerId)).toContain("c1");
    const leave = ofType(after, "leaveGroupSent").find((e) => e.consumerId === "c1")!;
    expect(leave.reason).toBe("consumer poll timeout has expired.");
    expect(
      ofType(after, "memberRemoved").some((e) => e.clientId === "c1" && e.reason === "pollTimeout"),
    ).toBe(true);
    expect(ofType(after, "rebalanceStarted").length).toBeGreaterThan(0);
    // Its next poll() rejoins with a fresh member id; what it owned is lost, not revoked.
    expect(ofType(after, "partitionsRevoked").some((e) => e.consumerId === "c1" && e.kind === "lost")).toBe(
      true,
    );
    expect(ofType(after, "joinGroupSent").some((e) => e.consumerId === "c1" && e.memberId === "")).toBe(true);
  });

  it("lets a static member bounce within session.timeout.ms without a rebalance", () => {
    const { events, onEvent } = recordEvents();
    const scenario = groupScenario({ consumers: 3, config: { "session.timeout.ms": 30_000 } });
    scenario.consumers.forEach((c, i) => {
      if (c.mode === "subscribe") c.config["group.instance.id"] = `instance-${i + 1}`;
    });
    const sim = createSimulation(scenario, { checkInvariants: true, onEvent });
    runMs(sim, 10_000);
    const before = sim.view();
    const generation = before.groups[0]!.generationId;
    const partitions = before.consumers.find((c) => c.id === "c2")!.assignedPartitions;
    const oldMemberId = before.consumers.find((c) => c.id === "c2")!.memberId;
    sim.apply(commandSchema.parse({ type: "crashConsumer", consumerId: "c2" }));
    runMs(sim, 5_000);
    sim.apply(commandSchema.parse({ type: "restartConsumer", consumerId: "c2" }));
    runMs(sim, 40_000);
    const after = sim.view();
    expect(after.groups[0]!.generationId).toBe(generation);
    expect(after.groups[0]!.state).toBe("Stable");
    const c2 = after.consumers.find((c) => c.id === "c2")!;
    expect(c2.assignedPartitions).toEqual(partitions);
    expect(c2.memberId).not.toBe(oldMemberId);
    const replaced = ofType(events, "staticMemberReplaced");
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatchObject({ groupInstanceId: "instance-2", oldMemberId, rebalance: false });
    expect(ofType(events, "rebalanceStarted").filter((e) => e.atUs > 10_000_000)).toHaveLength(0);
  });
});
