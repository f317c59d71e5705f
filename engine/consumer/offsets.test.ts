// Protects committed offsets: two groups read one topic independently, auto-commit plus a crash
// redelivers records (at-least-once, none lost), and OffsetCommit's generation checks follow Kafka
// (a previous generation fails after a completed rebalance, succeeds during PreparingRebalance).
import { describe, expect, it } from "vitest";
import { commandSchema } from "../commands";
import type { ClassicGroupState } from "../group/coordinator/types";
import { validateOffsetCommit } from "../group/offsets/offsets";
import { createSimulation } from "../simulation";
import { groupScenario, ofType, recordEvents, runMs, subscribeSpec } from "../test-support/group-scenarios";

describe("committed offsets", () => {
  it("keeps separate committed offsets for two groups on one topic", () => {
    const scenario = groupScenario({
      consumers: 1,
      groupId: "billing",
      extraConsumers: [{ ...subscribeSpec("audit-1"), groupId: "audit", processingTimeMs: 40 }],
    });
    const sim = createSimulation(scenario, { checkInvariants: true });
    runMs(sim, 20_000);
    const groups = new Map(sim.view().groups.map((g) => [g.groupId, g]));
    expect([...groups.keys()].sort()).toEqual(["audit", "billing"]);
    const total = (id: string) => groups.get(id)!.committedOffsets.reduce((n, o) => n + o.offset, 0);
    // Both read everything from the start; the slow one has committed less.
    expect(groups.get("billing")!.committedOffsets).toHaveLength(6);
    expect(total("audit")).toBeGreaterThan(0);
    expect(total("audit")).toBeLessThan(total("billing"));
    for (const g of groups.values()) expect(g.members).toHaveLength(1);
  });

  it("redelivers records after a crash with auto-commit (at-least-once): duplicates, nothing lost", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(groupScenario({ consumers: 2, processingTimeMs: 5 }), {
      checkInvariants: true,
      onEvent,
    });
    runMs(sim, 12_500);
    sim.apply(commandSchema.parse({ type: "crashConsumer", consumerId: "c1" }));
    runMs(sim, 50_000);
    sim.apply(commandSchema.parse({ type: "setProducerRate", producerId: "p1", recordsPerSec: 0 }));
    runMs(sim, 10_000);
    const delivered = new Map<string, number>();
    for (const e of ofType(events, "recordsPolled")) {
      for (const r of e.ranges) {
        for (let o = r.fromOffset; o < r.toOffset; o++) {
          const key = `${r.partition}@${o}`;
          delivered.set(key, (delivered.get(key) ?? 0) + 1);
        }
      }
    }
    const duplicates = [...delivered.values()].filter((n) => n > 1).length;
    expect(duplicates).toBeGreaterThan(0);
    for (const p of sim.view().topics[0]!.partitions) {
      for (let o = 0; o < p.highWatermark; o++) expect(delivered.has(`${p.partition}@${o}`)).toBe(true);
    }
  });
});

describe("OffsetCommit generation checks (ClassicGroup.validateOffsetCommit)", () => {
  const group = (state: ClassicGroupState["state"], generationId = 3) =>
    ({
      state,
      generationId,
      members: new Map([["m-1", { memberId: "m-1", groupInstanceId: null }]]),
    }) as unknown as ClassicGroupState;
  const commit = (generationId: number, memberId = "m-1") => ({
    api: "OffsetCommitRequest" as const,
    requestId: 1,
    groupId: "g",
    generationId,
    memberId,
    groupInstanceId: null,
    offsets: [],
  });

  it("accepts the current generation in Stable and in PreparingRebalance (not bumped yet)", () => {
    expect(validateOffsetCommit(group("Stable"), commit(3))).toBe("NONE");
    expect(validateOffsetCommit(group("PreparingRebalance"), commit(3))).toBe("NONE");
  });

  it("refuses a previous generation, unknown members, CompletingRebalance and Dead", () => {
    expect(validateOffsetCommit(group("Stable", 4), commit(3))).toBe("ILLEGAL_GENERATION");
    expect(validateOffsetCommit(group("Stable"), commit(3, "m-2"))).toBe("UNKNOWN_MEMBER_ID");
    expect(validateOffsetCommit(group("CompletingRebalance"), commit(3))).toBe("REBALANCE_IN_PROGRESS");
    expect(validateOffsetCommit(group("Dead"), commit(3))).toBe("COORDINATOR_NOT_AVAILABLE");
  });

  it("takes commits from outside the group only while it is Empty", () => {
    expect(validateOffsetCommit(group("Empty"), commit(-1, ""))).toBe("NONE");
    expect(validateOffsetCommit(group("Stable"), commit(-1, ""))).toBe("UNKNOWN_MEMBER_ID");
  });

  it("in a running group, a commit from the previous generation fails once the rebalance completed", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(groupScenario({ consumers: 2, commit: "sync-after-processing" }), {
      onEvent,
    });
    runMs(sim, 8_000);
    sim.apply(commandSchema.parse({ type: "addConsumer", consumer: subscribeSpec("c3") }));
    runMs(sim, 10_000);
    const generations = ofType(events, "rebalanceCompleted").map((e) => e.generationId);
    expect(generations).toEqual([1, 2]);
    const committed = ofType(events, "offsetCommitted");
    // Commits during PreparingRebalance still carry generation 1 and succeed.
    const preparingSince = ofType(events, "groupStateChanged").find(
      (e) => e.to === "PreparingRebalance" && e.generationId === 1 && e.atUs > 8_000_000,
    )!.atUs;
    const duringPreparing = committed.filter((e) => e.atUs > preparingSince && e.generationId === 1);
    expect(duringPreparing.every((e) => e.error === "NONE" || e.error === "REBALANCE_IN_PROGRESS")).toBe(
      true,
    );
    expect(committed.filter((e) => e.generationId === 2 && e.error === "NONE").length).toBeGreaterThan(0);
  });
});
