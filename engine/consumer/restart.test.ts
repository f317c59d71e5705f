// Protects the counters of a restarted consumer: the batch it was processing when it crashed died
// with it, so after the restart each "records processed" equals the poll it follows.
import { describe, expect, it } from "vitest";
import rebalance from "../../examples/rebalance.json";
import type { DomainEvent } from "../events";
import { createSimulation } from "../simulation";
import { decodeOrThrow } from "../test-support/scenarios";

describe("a restarted consumer", () => {
  it("does not count the batch lost in the crash as processed", () => {
    const events: DomainEvent[] = [];
    const scenario = decodeOrThrow({
      ...rebalance,
      consumers: rebalance.consumers.map((c) => ({ ...c, processingTimeMs: 60 })),
      actions: [
        { atMs: 9_000, command: { type: "crashConsumer", consumerId: "consumer-1" } },
        { atMs: 9_500, command: { type: "restartConsumer", consumerId: "consumer-1" } },
      ],
    });
    const sim = createSimulation(scenario, { checkInvariants: true, onEvent: (e) => void events.push(e) });
    sim.runUntil(90_000_000);
    const mine = events.filter(
      (e) =>
        (e.type === "recordsPolled" || e.type === "recordsProcessed") &&
        e.consumerId === "consumer-1" &&
        e.atUs > 9_500_000,
    );
    const firstProcessed = mine.findIndex((e) => e.type === "recordsProcessed");
    expect(firstProcessed).toBeGreaterThan(0);
    const processed = mine[firstProcessed]! as Extract<DomainEvent, { type: "recordsProcessed" }>;
    const polled = mine[firstProcessed - 1]! as Extract<DomainEvent, { type: "recordsPolled" }>;
    expect(polled.type).toBe("recordsPolled");
    expect(processed.recordCount).toBe(polled.recordCount);
  });
});
