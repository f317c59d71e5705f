// Protects addPartitions: Kafka's rejections, new partitions led round-robin, keyed records hashed over the new count after the metadata refresh, a group rebalancing onto the new partitions, assign() consumers untouched.
import { describe, expect, it } from "vitest";
import { CommandError } from "../core/errors";
import type { DomainEvent } from "../events";
import { javaPartitionForKey, utf8Key } from "../producer/partitioner";
import { createSimulation } from "../simulation";
import { groupScenario } from "../test-support/group-scenarios";
import { METADATA_REFRESH_AFTER_CHANGE_MS } from "./add-partitions";

const ofType = <T extends DomainEvent["type"]>(events: DomainEvent[], type: T) =>
  events.filter((e): e is Extract<DomainEvent, { type: T }> => e.type === type);

function keyedGroupScenario() {
  const scenario = groupScenario({ consumers: 2, partitions: 3, recordsPerSec: 40 });
  return {
    ...scenario,
    producers: scenario.producers.map((p) => ({ ...p, keys: { kind: "uniform" as const, count: 30 } })),
  };
}

/** The group is Stable (generation 1) well before 8 s: group.initial.rebalance.delay.ms is 3 s. */
function run(changeAtMs = 8_000, endMs = 16_000) {
  const events: DomainEvent[] = [];
  const sim = createSimulation(keyedGroupScenario(), {
    checkInvariants: true,
    onEvent: (e) => void events.push(e),
  });
  sim.runUntil(changeAtMs * 1000);
  sim.apply({ type: "addPartitions", topic: "orders", count: 6 });
  sim.runUntil(endMs * 1000);
  return { sim, events, changeAtUs: changeAtMs * 1000 };
}

describe("addPartitions", () => {
  it("rejects a count that is not higher, with Kafka's messages, and leaves no trace", () => {
    const sim = createSimulation(keyedGroupScenario(), { checkInvariants: true });
    sim.runUntil(1_000_000);
    const attempt = (count: number) => () => sim.apply({ type: "addPartitions", topic: "orders", count });
    expect(attempt(2)).toThrow(
      new CommandError("Topic currently has 3 partitions, which is higher than the requested 2."),
    );
    expect(attempt(3)).toThrow(new CommandError("Topic already has 3 partitions."));
    expect(() => sim.apply({ type: "addPartitions", topic: "nope", count: 4 })).toThrow(
      /unknown topic "nope"/,
    );
    expect(sim.view().topics[0]!.partitions).toHaveLength(3);
    expect(sim.view().eventTypeCounts.commandApplied ?? 0).toBe(0);
  });

  it("adds empty partitions whose leaders continue the round-robin placement, and says so", () => {
    const { sim, events } = run(2_000, 2_000);
    const partitions = sim.view().topics[0]!.partitions;
    expect(partitions.map((p) => p.leaderBrokerId)).toEqual([1, 2, 3, 1, 2, 3]);
    expect(partitions.slice(3).every((p) => p.logEndOffset === 0)).toBe(true);
    expect(ofType(events, "partitionsAdded")).toMatchObject([{ topic: "orders", from: 3, to: 6 }]);
  });

  it("keyed records after the refresh go to toPositive(murmur2(key)) % 6, and some keys move", () => {
    const { events, changeAtUs } = run();
    const refreshedUs = changeAtUs + METADATA_REFRESH_AFTER_CHANGE_MS * 1000 + 100_000;
    const accumulated = ofType(events, "recordAccumulated").filter((e) => e.key !== null);
    const before = accumulated.filter((e) => e.atUs < changeAtUs);
    const after = accumulated.filter((e) => e.atUs > refreshedUs);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    for (const e of before) expect(e.partition).toBe(javaPartitionForKey(utf8Key(e.key!), 3));
    for (const e of after) expect(e.partition).toBe(javaPartitionForKey(utf8Key(e.key!), 6));
    const beforeByKey = new Map(before.map((e) => [e.key, e.partition]));
    const moved = after.filter((e) => beforeByKey.has(e.key) && beforeByKey.get(e.key) !== e.partition);
    expect(moved.length).toBeGreaterThan(0);
    expect(after.some((e) => e.partition >= 3)).toBe(true);
  });

  it("the group leader rejoins on its refreshed metadata, and the new partitions get owners", () => {
    const { sim, events, changeAtUs } = run();
    const rejoin = ofType(events, "joinGroupSent").filter((e) => e.atUs > changeAtUs);
    expect(rejoin[0]!.reason).toMatch(/^cached metadata has changed from \{orders: 3\} to \{orders: 6\}/);
    expect(ofType(events, "rebalanceStarted").filter((e) => e.atUs > changeAtUs).length).toBeGreaterThan(0);
    const completed = ofType(events, "rebalanceCompleted").filter((e) => e.atUs > changeAtUs);
    expect(completed.length).toBeGreaterThan(0);
    const owned = sim
      .view()
      .consumers.flatMap((c) => c.assignedPartitions.map((p) => p.partition))
      .sort((a, b) => a - b);
    expect(owned).toEqual([0, 1, 2, 3, 4, 5]);
    // The new partitions are consumed.
    const polled = ofType(events, "recordsPolled").flatMap((e) => e.ranges);
    expect(polled.some((r) => r.partition >= 3)).toBe(true);
  });

  it("assign() consumers keep their explicit partitions and never rebalance", () => {
    const scenario = groupScenario({
      consumers: 1,
      partitions: 3,
      extraConsumers: [
        { id: "fixed", mode: "assign", topic: "orders", partitions: [0, 2], processingTimeMs: 1 },
        { id: "all", mode: "assign", topic: "orders", processingTimeMs: 1 },
      ],
    });
    const events: DomainEvent[] = [];
    const sim = createSimulation(scenario, { checkInvariants: true, onEvent: (e) => void events.push(e) });
    sim.runUntil(8_000_000);
    sim.apply({ type: "addPartitions", topic: "orders", count: 5 });
    sim.runUntil(14_000_000);
    const assigned = (id: string) =>
      sim
        .view()
        .consumers.find((c) => c.id === id)!
        .assignedPartitions.map((p) => p.partition);
    expect(assigned("fixed")).toEqual([0, 2]);
    expect(assigned("all")).toEqual([0, 1, 2]);
    expect(assigned("c1")).toEqual([0, 1, 2, 3, 4]);
    const refreshed = ofType(events, "metadataReceived").filter((e) => e.atUs > 8_000_000);
    expect(refreshed.map((e) => e.clientId).sort()).toEqual(["all", "c1", "fixed", "p1"]);
  });
});
