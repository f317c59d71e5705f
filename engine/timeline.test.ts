// Protects time travel: seeking to any time (through checkpoints and replay) and stepping back one
// step land on exactly the state a straight run reaches, commands included; a past intervention
// forks and drops the recorded future.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSimulation } from "./simulation";
import { busyScenario } from "./test-support/scenarios";
import {
  advanceTo,
  applyAtCursor,
  CHECKPOINT_INTERVAL_STEPS,
  createTimeline,
  seekTo,
  stepBack,
  stepForward,
} from "./timeline";

const fresh = () => createTimeline({ scenario: busyScenario(), commands: [] });

describe("timeline", () => {
  it("takes checkpoints while it runs, and keeps them bounded", () => {
    const tl = fresh();
    advanceTo(tl, 25_000_000);
    expect(tl.sim.stepCount()).toBeGreaterThan(3 * CHECKPOINT_INTERVAL_STEPS);
    expect(tl.checkpoints.length).toBeGreaterThanOrEqual(3);
  });

  it("seeking forward again after going back restores a later checkpoint instead of replaying, with the same state", () => {
    const tl = fresh();
    advanceTo(tl, 25_000_000);
    const straight = tl.sim.eventLogHash();
    seekTo(tl, 1_000_000);
    const back = tl.sim;
    seekTo(tl, 25_000_000);
    // A later checkpoint was restored into a new simulation (the one at 1 s was not stepped on).
    expect(tl.sim).not.toBe(back);
    expect(back.nowUs()).toBeLessThan(2_000_000);
    expect(tl.sim.eventLogHash()).toBe(straight);
  });

  it("seeking back and forth 100 times at random gives the same state as playing straight through", () => {
    const tl = fresh();
    advanceTo(tl, 2_000_000);
    applyAtCursor(tl, { type: "setProducerRate", producerId: "p1", recordsPerSec: 900 });
    advanceTo(tl, 7_000_000);
    applyAtCursor(tl, { type: "stopBroker", brokerId: 3 });
    advanceTo(tl, 25_000_000);
    expect(tl.checkpoints.length).toBeGreaterThanOrEqual(3);
    const straight = new Map<number, string>();
    const reference = createTimeline(structuredClone(tl.record));
    const times = fc.sample(fc.integer({ min: 0, max: 25_000_000 }), { numRuns: 100, seed: 42 });
    for (const t of [...times].sort((a, b) => a - b)) {
      advanceTo(reference, t);
      straight.set(t, reference.sim.eventLogHash());
    }
    for (const t of times) {
      seekTo(tl, t);
      expect(tl.sim.nowUs()).toBe(t);
      expect(tl.sim.eventLogHash()).toBe(straight.get(t));
    }
    seekTo(tl, 25_000_000);
    advanceTo(reference, 25_000_000);
    expect(tl.sim.eventLogHash()).toBe(reference.sim.eventLogHash());
  });

  it("steps back exactly one step, through a checkpoint if needed", () => {
    const tl = fresh();
    advanceTo(tl, 9_000_000);
    for (let i = 0; i < 3; i++) stepForward(tl);
    const steps = tl.sim.stepCount();
    stepBack(tl);
    expect(tl.sim.stepCount()).toBe(steps - 1);
    const straight = createSimulation(busyScenario());
    while (straight.stepCount() < steps - 1) straight.step();
    expect(tl.sim.eventLogHash()).toBe(straight.eventLogHash());
  });

  it("steps back over a command applied at the current step before stepping back further", () => {
    const tl = fresh();
    advanceTo(tl, 500_000);
    const beforeCommand = tl.sim.eventLogHash();
    const steps = tl.sim.stepCount();
    applyAtCursor(tl, { type: "pauseProducer", producerId: "p1" });
    stepBack(tl);
    expect(tl.sim.stepCount()).toBe(steps);
    expect(tl.sim.eventLogHash()).toBe(beforeCommand);
    stepForward(tl);
    expect(tl.sim.view().producers.find((p) => p.id === "p1")!.paused).toBe(true);
  });

  it("forks on a past intervention: the old future's commands and checkpoints are dropped", () => {
    const tl = fresh();
    advanceTo(tl, 6_000_000);
    applyAtCursor(tl, { type: "pauseProducer", producerId: "p1" });
    advanceTo(tl, 15_000_000);
    seekTo(tl, 1_000_000);
    applyAtCursor(tl, { type: "pauseProducer", producerId: "p2" });
    expect(tl.record.commands.map((c) => c.command)).toEqual([{ type: "pauseProducer", producerId: "p2" }]);
    expect(tl.checkpoints.every((cp) => cp.stepCount <= tl.sim.stepCount())).toBe(true);
    advanceTo(tl, 8_000_000);
    expect(tl.sim.view().producers.find((p) => p.id === "p1")!.paused).toBe(false);
  });
});
