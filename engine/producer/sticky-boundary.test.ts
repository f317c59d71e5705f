// Protects the built-in sticky partitioner's switch at the batch boundary (RecordAccumulator.append):
// a keyless record that does not fit closes the full batch, the switch completes before a new batch
// is allocated, and the record starts the next partition's batch instead of waiting linger.ms alone.
import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../events";
import { createSimulation } from "../simulation";
import { decodeOrThrow } from "../test-support/scenarios";

type Of<T extends DomainEvent["type"]> = Extract<DomainEvent, { type: T }>;

function keylessRun(producer: Record<string, unknown>, durationMs: number, partitions = 3) {
  const scenario = decodeOrThrow({
    version: 2,
    title: "keyless",
    seed: 1,
    durationMs,
    network: { latencyMs: 2, jitterMs: 0 },
    cluster: { brokers: [{ id: 1 }, { id: 2 }, { id: 3 }], topics: [{ name: "t", partitions }] },
    producers: [{ id: "p", topic: "t", keys: { kind: "none" }, ...producer }],
    consumers: [],
  });
  const events: DomainEvent[] = [];
  const sim = createSimulation(scenario, { checkInvariants: true, onEvent: (e) => void events.push(e) });
  sim.runUntil(durationMs * 1000);
  const of = <T extends DomainEvent["type"]>(type: T) => events.filter((e): e is Of<T> => e.type === type);
  return { events, of };
}

describe("the sticky partitioner at the batch boundary", () => {
  it("sends the record that closed a partition's second full batch to the next partition", () => {
    // 200-byte values are 220-byte records: 61 + 4 × 220 = 941 bytes, a fifth would pass 1024.
    // After one batch 941 < batch.size bytes went to the partition, so it stays; after the second
    // (1882 bytes) the ninth record closes the batch, the switch completes, and the record leads
    // the next partition's batch.
    const { events, of } = keylessRun(
      { recordsPerSec: 8, valueBytes: 200, config: { "linger.ms": 1000, "batch.size": 1024 } },
      1500,
    );
    const accumulated = of("recordAccumulated");
    const first = accumulated[0]!.partition;
    expect(accumulated.slice(0, 8).map((r) => r.partition)).toEqual(Array(8).fill(first));
    const ninth = accumulated[8]!;
    expect(ninth.partition).not.toBe(first);
    expect(ninth.newBatch).toBe(true);
    const switched = of("partitionerSwitched")[0]!;
    expect(switched).toMatchObject({
      fromPartition: first,
      toPartition: ninth.partition,
      producedBytes: 1882,
    });
    // The order Kafka does it in: close the full batch, switch, then append to the new partition.
    const closedAt = events.findIndex(
      (e) => e.type === "batchSealed" && e.recordCount === 4 && e.batchId === 2,
    );
    expect(closedAt).toBeGreaterThan(-1);
    expect(events.indexOf(switched)).toBeGreaterThan(closedAt);
    expect(events.indexOf(ninth)).toBeGreaterThan(events.indexOf(switched));
    // No straggler: every batch the first partition got is full (4 records).
    const firstPartitionBatches = of("batchSealed").filter((b) => b.partition === first);
    expect(firstPartitionBatches.map((b) => b.recordCount)).toEqual([4, 4]);
  });

  it("leaves few one-record batches in a keyless run of 20,000 records/s of 1 KB", () => {
    // The run: Java defaults (batch.size 16384, linger.ms 5), 1000-byte values. Before the
    // fix the record that closed each partition's second batch waited alone: 21.9 % of appended
    // batches held one record. What is left comes from the sender draining every partition a ready
    // leader has, a newly started batch included.
    const { of } = keylessRun({ recordsPerSec: 20_000, valueBytes: 1000 }, 1500, 6);
    const appended = of("batchAppended");
    const oneRecord = appended.filter((b) => b.recordCount === 1).length;
    expect(appended.length).toBeGreaterThan(1500);
    expect(oneRecord / appended.length).toBeLessThan(0.12);
    // Every switch happens at a batch boundary: the record after the switch opens a new batch.
    for (const switched of of("partitionerSwitched"))
      expect(switched.producedBytes).toBeGreaterThanOrEqual(16384);
  });
});
