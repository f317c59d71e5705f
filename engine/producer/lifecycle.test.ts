// Protects "add or remove producers" while a run plays: addProducer creates a client that fetches
// metadata and produces; closeProducer is KafkaProducer.close(): no new records, queued batches go
// out at once (linger.ms no longer waits), and the producer is gone once the last response is in.
import { describe, expect, it } from "vitest";
import type { Command } from "../commands";
import { createSimulation } from "../simulation";
import { ofType, recordEvents, runMs } from "../test-support/group-scenarios";
import { helloScenario } from "../test-support/scenarios";

/** As a link or file would give it: the engine fills in the spec's defaults and validates it. */
const addProducer = (producer: unknown) => ({ type: "addProducer", producer }) as unknown as Command;

const newProducer = (extra: Record<string, unknown> = {}) => ({
  id: "producer-2",
  topic: "orders",
  recordsPerSec: 200,
  keys: { kind: "fixed", keys: ["a", "b", "c"] },
  ...extra,
});

describe("addProducer", () => {
  it("creates a producer that fetches metadata, then produces to the topic", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(helloScenario(), { checkInvariants: true, onEvent });
    runMs(sim, 500);
    sim.apply(addProducer(newProducer()));
    runMs(sim, 2_000);
    const added = sim.view().producers.find((p) => p.id === "producer-2")!;
    expect(added.status).toBe("running");
    expect(added.acknowledgedRecords).toBeGreaterThan(300);
    expect(ofType(events, "producerAdded")).toEqual([
      expect.objectContaining({ producerId: "producer-2", topic: "orders" }),
    ]);
    // Its records are in the logs under its id.
    const records = sim.view({ recordsPerPartition: 40 }).topics[0]!.partitions.flatMap((p) => p.records);
    expect(records.some((r) => r.producerId === "producer-2")).toBe(true);
  });

  it("refuses a duplicate id, an unknown topic and a bad config with a message, leaving the run as it was", () => {
    const sim = createSimulation(helloScenario(), { checkInvariants: true });
    runMs(sim, 500);
    const hash = sim.eventLogHash();
    expect(() => sim.apply(addProducer(newProducer({ id: "producer-1" })))).toThrow(
      'addProducer: a client "producer-1" already exists',
    );
    expect(() => sim.apply(addProducer(newProducer({ topic: "nope" })))).toThrow(
      'addProducer: unknown topic "nope"',
    );
    expect(() => sim.apply(addProducer(newProducer({ config: { acks: "2" } })))).toThrow(
      /Invalid value 2 for configuration acks/,
    );
    expect(sim.eventLogHash()).toBe(hash);
  });
});

describe("closeProducer", () => {
  it("sends what is queued without waiting for linger.ms, then the producer is gone", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(helloScenario(), { checkInvariants: true, onEvent });
    runMs(sim, 300);
    // A long linger: batches wait 5 s unless close() makes them ready.
    sim.apply(addProducer(newProducer({ config: { "linger.ms": 5_000 } })));
    runMs(sim, 1_000);
    const before = sim.view().producers.find((p) => p.id === "producer-2")!;
    expect(before.acknowledgedRecords).toBe(0);
    expect(before.accumulatedRecords).toBeGreaterThan(100);
    sim.apply({ type: "closeProducer", producerId: "producer-2" });
    expect(sim.view().producers.find((p) => p.id === "producer-2")!.status).toBe("closing");
    runMs(sim, 500);
    const closing = ofType(events, "producerClosing")[0]!;
    expect(closing.pendingRecords).toBe(before.accumulatedRecords);
    expect(ofType(events, "batchReady").filter((e) => e.producerId === "producer-2")).not.toHaveLength(0);
    expect(
      ofType(events, "batchReady")
        .filter((e) => e.producerId === "producer-2")
        .every((e) => e.reason === "closing"),
    ).toBe(true);
    const closed = ofType(events, "producerClosed");
    expect(closed).toEqual([expect.objectContaining({ producerId: "producer-2" })]);
    // Every record it had accepted was acknowledged before it closed, and it produces no more.
    const acked = ofType(events, "produceAcknowledged")
      .filter((e) => e.producerId === "producer-2")
      .reduce((n, e) => n + e.recordCount, 0);
    expect(acked).toBe(before.accumulatedRecords);
    expect(sim.view().producers.map((p) => p.id)).toEqual(["producer-1"]);
    const count = sim.view().eventCount;
    runMs(sim, 1_000);
    expect(ofType(events, "recordAccumulated").filter((e) => e.producerId === "producer-2").length).toBe(
      before.accumulatedRecords,
    );
    expect(sim.view().eventCount).toBeGreaterThan(count);
  });

  it("refuses to close, pause or restart a producer that is closing or closed", () => {
    const sim = createSimulation(helloScenario(), { checkInvariants: true });
    runMs(sim, 500);
    sim.apply({ type: "closeProducer", producerId: "producer-1" });
    expect(() => sim.apply({ type: "closeProducer", producerId: "producer-1" })).toThrow(
      "closeProducer: producer-1 is already closing",
    );
    runMs(sim, 1_000);
    expect(() => sim.apply({ type: "pauseProducer", producerId: "producer-1" })).toThrow(
      "pauseProducer: producer-1 is closed",
    );
    expect(() => sim.apply({ type: "restartProducer", producerId: "producer-1", config: {} })).toThrow(
      "restartProducer: producer-1 is closed",
    );
  });
});
