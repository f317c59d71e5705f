// Protects checkpoints: a snapshot shares only what never changes, so running on after taking it
// does not alter it, and a restored snapshot continues exactly as the original run did.
import { describe, expect, it } from "vitest";
import { createSimulation } from "./simulation";
import { busyScenario } from "./test-support/scenarios";

describe("snapshot and restore", () => {
  it("a restored snapshot replays the same future, however long the original ran on", () => {
    const original = createSimulation(busyScenario());
    original.runUntil(3_000_000);
    const snapshot = original.snapshot();
    const frozen = JSON.stringify(original.view({ recordsPerPartition: 50, recentEvents: 200 }));
    original.runUntil(8_000_000);

    const restored = createSimulation(busyScenario());
    restored.restore(snapshot);
    expect(JSON.stringify(restored.view({ recordsPerPartition: 50, recentEvents: 200 }))).toBe(frozen);
    restored.runUntil(8_000_000);
    expect(restored.eventLogHash()).toBe(original.eventLogHash());
    expect(restored.view()).toEqual(original.view());

    // Restoring the same snapshot twice gives two independent runs.
    const again = createSimulation(busyScenario());
    again.restore(snapshot);
    again.runUntil(8_000_000);
    expect(again.eventLogHash()).toBe(original.eventLogHash());
  });
});
