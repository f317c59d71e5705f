// Protects the delivery accounting behind "lost" and "duplicated": offsets counted once however
// often they come back, a crash's batch in hand never counted as processed, and lost offsets only
// where the group committed past records it never finished.
import { describe, expect, it } from "vitest";
import type { DomainEvent } from "./events";
import { decodeScenario } from "./scenario/decode";
import { createSimulation } from "./simulation";

function scenario(commit: string, extra: Record<string, unknown> = {}) {
  const decoded = decodeScenario({
    version: 1,
    seed: 5,
    durationMs: 30_000,
    cluster: { brokers: 1, topics: [{ name: "t", partitions: 1 }] },
    producers: [{ id: "p", topic: "t", recordsPerSec: 5 }],
    consumers: [
      {
        id: "c",
        mode: "subscribe",
        groupId: "g",
        topics: ["t"],
        processingTimeMs: 300,
        commit,
        config: {
          "auto.offset.reset": "earliest",
          "enable.auto.commit": commit === "auto",
          "session.timeout.ms": 6000,
          "max.poll.records": 5,
        },
      },
    ],
    actions: [
      { atMs: 12_000, command: { type: "crashConsumer", consumerId: "c" } },
      { atMs: 13_000, command: { type: "restartConsumer", consumerId: "c" } },
    ],
    ...extra,
  });
  if (!decoded.ok) throw new Error(decoded.errors.join("; "));
  return decoded.scenario;
}

function run(commit: string) {
  const events: DomainEvent[] = [];
  const sim = createSimulation(scenario(commit), { onEvent: (e) => void events.push(e) });
  sim.runUntil(30_000_000);
  return { sim, events, tally: sim.view().deliveries.find((d) => d.groupId === "g")! };
}

describe("delivery accounting", () => {
  it("commit before processing: the batch in hand at the crash is lost, nothing is duplicated", () => {
    const { tally, events } = run("sync-before-processing");
    const crashUs = events.find((e) => e.type === "consumerCrashed")!.atUs;
    const inHand = events.filter((e) => e.type === "recordsPolled" && e.atUs < crashUs).at(-1)!;
    expect(tally.lost).toBe((inHand as { recordCount: number }).recordCount);
    expect(tally.duplicated).toBe(0);
    expect(tally.processed + tally.lost!).toBeLessThanOrEqual(tally.delivered);
  });

  it("commit after processing: nothing is lost, the batch in hand comes back", () => {
    const { tally } = run("sync-after-processing");
    expect(tally.lost).toBe(0);
    expect(tally.duplicated).toBeGreaterThan(0);
    expect(tally.processedTwice).toBe(0);
  });

  it("is part of the snapshot: a restored run shows the same counts", () => {
    const sim = createSimulation(scenario("sync-before-processing"));
    sim.runUntil(20_000_000);
    const snap = sim.snapshot();
    sim.runUntil(30_000_000);
    const straight = sim.view().deliveries;
    sim.restore(snap);
    sim.runUntil(30_000_000);
    expect(sim.view().deliveries).toEqual(straight);
  });

  it("counts nothing for a run without consumers", () => {
    const plain = createSimulation(scenario("auto", { consumers: [], actions: [] }));
    plain.runUntil(5_000_000);
    expect(plain.view().deliveries).toEqual([]);
  });
});
