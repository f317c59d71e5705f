// Protects the engine's core promises: a run is a pure function of scenario + commands (same hash),
// step() processes exactly one scheduled event, snapshot/restore resumes identically, and the
// first Kafka slice actually moves records from producer to consumer.
import { describe, expect, it } from "vitest";
import { createSimulation } from "./simulation";
import { busyScenario, helloScenario } from "./test-support/scenarios";

describe("simulation", () => {
  it("produces the same event-log hash twice for the same scenario", () => {
    const a = createSimulation(busyScenario(), { checkInvariants: true });
    const b = createSimulation(busyScenario(), { checkInvariants: true });
    a.runUntil(3_000_000);
    b.runUntil(3_000_000);
    expect(a.view().eventCount).toBeGreaterThan(1000);
    expect(a.eventLogHash()).toBe(b.eventLogHash());
  });

  it("changes the run when the seed changes", () => {
    const a = createSimulation(busyScenario(1));
    const b = createSimulation(busyScenario(2));
    a.runUntil(1_000_000);
    b.runUntil(1_000_000);
    expect(a.eventLogHash()).not.toBe(b.eventLogHash());
  });

  it("step() processes exactly one scheduled event and moves the clock to it", () => {
    const sim = createSimulation(helloScenario(), { checkInvariants: true });
    sim.runUntil(500_000);
    const before = sim.view();
    const next = before.nextEventAtUs!;
    sim.step();
    const after = sim.view();
    expect(after.stepCount).toBe(before.stepCount + 1);
    expect(after.nowUs).toBe(next);
  });

  it("resumes identically after snapshot and restore", () => {
    const sim = createSimulation(busyScenario(), { checkInvariants: true });
    sim.runUntil(1_000_000);
    const snapshot = sim.snapshot();
    sim.runUntil(2_000_000);
    const straight = sim.eventLogHash();
    sim.restore(snapshot);
    sim.runUntil(2_000_000);
    expect(sim.eventLogHash()).toBe(straight);
  });

  it("moves records from the producer through the partitions to the consumer", () => {
    const sim = createSimulation(helloScenario(), { checkInvariants: true });
    sim.runUntil(10_000_000);
    const view = sim.view();
    const partitions = view.topics[0]!.partitions;
    const produced = partitions.reduce((n, p) => n + p.logEndOffset, 0);
    expect(produced).toBe(view.producers[0]!.acknowledgedRecords);
    expect(produced).toBeGreaterThan(30);
    // Every partition is read; the consumer's position trails the high watermark by at most what is in flight.
    for (const p of view.consumers[0]!.partitions) {
      const hw = partitions[p.partition]!.highWatermark;
      expect(p.position).not.toBeNull();
      expect(hw - p.position!).toBeLessThanOrEqual(2);
    }
  });

  it("drops messages to a stopped broker, and the producer retries after request.timeout.ms", () => {
    const seen = new Map<string, number>();
    const sim = createSimulation(busyScenario(), {
      checkInvariants: true,
      onEvent: (e) => void seen.set(e.type, (seen.get(e.type) ?? 0) + 1),
    });
    sim.runUntil(500_000);
    sim.apply({ type: "stopBroker", brokerId: 2 });
    sim.runUntil(1_000_000);
    expect(seen.get("messageDropped")).toBeGreaterThan(0);
    sim.apply({ type: "startBroker", brokerId: 2 });
    sim.runUntil(32_000_000);
    expect(seen.get("produceRequestTimedOut")).toBeGreaterThan(0);
  });

  it("rejects a command for an unknown client without recording it", () => {
    const sim = createSimulation(helloScenario());
    const hash = sim.eventLogHash();
    expect(() => sim.apply({ type: "pauseProducer", producerId: "ghost" })).toThrow(/no producer "ghost"/);
    expect(sim.eventLogHash()).toBe(hash);
  });
});
