// Protects the operations metrics: samples cover the run at a steady interval, stay bounded, and
// show a group's lag rising while its consumer is crashed and falling once the group recovers.
import { describe, expect, it } from "vitest";
import rebalance from "../examples/rebalance.json";
import { SAMPLES_MAX } from "./metrics";
import { createSimulation } from "./simulation";
import { decodeOrThrow } from "./test-support/scenarios";

describe("metrics", () => {
  it("samples lag over time: it rises while a member is down and falls after the rebalance", () => {
    const scenario = decodeOrThrow({
      ...rebalance,
      actions: [{ atMs: 10_000, command: { type: "crashConsumer", consumerId: "consumer-2" } }],
      consumers: rebalance.consumers.map((c) => ({
        ...c,
        config: { ...c.config, "session.timeout.ms": 10_000, "auto.commit.interval.ms": 1000 },
      })),
    });
    const sim = createSimulation(scenario);
    sim.runUntil(9_900_000);
    const owned = sim
      .view()
      .consumers.find((c) => c.id === "consumer-2")!
      .partitions.map((p) => `${p.topic}-${p.partition}`);
    expect(owned.length).toBeGreaterThan(0);
    sim.runUntil(40_000_000);
    const samples = sim.metrics();
    expect(samples.length).toBeGreaterThan(100);
    // Nothing commits consumer-2's partitions from the crash until the session timeout removes it
    // and the rebalance hands them over.
    const maxLag = (fromMs: number, toMs: number) =>
      Math.max(
        ...samples
          .filter((s) => s.atUs >= fromMs * 1000 && s.atUs <= toMs * 1000)
          .flatMap((s) => s.groups[0]!.partitions.filter((p) => owned.includes(p.key)))
          .map((p) => p.lag),
      );
    expect(maxLag(11_000, 21_000)).toBeGreaterThan(maxLag(30_000, 40_000));
    expect(samples.at(-1)!.producedRecords).toBeGreaterThan(samples[10]!.producedRecords);
    expect(samples.some((s) => (s.groups[0]?.lagMs ?? 0) > 1000)).toBe(true);
  });

  it("stays bounded on a long run", () => {
    const sim = createSimulation(decodeOrThrow({ ...rebalance, actions: [] }));
    sim.runUntil(400_000_000);
    expect(sim.metrics().length).toBeLessThanOrEqual(SAMPLES_MAX);
  });
});
