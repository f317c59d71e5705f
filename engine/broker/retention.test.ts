// Protects the log's segment lessons: segments roll on segment.bytes and segment.ms, and retention
// deletes whole segments (never single records), only below the high watermark, moving the log
// start offset; a consumer left below it gets OFFSET_OUT_OF_RANGE and resets per auto.offset.reset.
import { describe, expect, it } from "vitest";
import type { SimContext } from "../context";
import type { DomainEvent } from "../events";
import type { ProduceBatch } from "../protocol";
import { createSimulation } from "../simulation";
import type { PartitionLogState } from "../state";
import { producerScenario } from "../test-support/scenarios";
import { appendBatch, createPartitionLog } from "./partition-log";
import { deleteOldSegments } from "./retention";
import { TOPIC_CONFIG_DEFAULTS } from "./topic-config";

const MiB = 1_048_576;

function batchAt(timestampUs: number, wireBytes: number): ProduceBatch {
  const record = { key: null, valueBytes: 10, timestampUs, producerId: "p" };
  return { topic: "t", partition: 0, records: [record, record], baseSequence: -1, wireBytes };
}

function fakeContext(nowUs: number): { ctx: SimContext; events: DomainEvent[] } {
  const events: DomainEvent[] = [];
  const ctx = { state: { nowUs }, emit: (e: DomainEvent) => events.push(e) } as unknown as SimContext;
  return { ctx, events };
}

function logWith(config: Partial<typeof TOPIC_CONFIG_DEFAULTS>): PartitionLogState {
  return createPartitionLog("t", 0, [1], { ...TOPIC_CONFIG_DEFAULTS, ...config });
}

describe("segments and retention", () => {
  it("rolls a segment before an append that would pass segment.bytes", () => {
    const log = logWith({ "segment.bytes": MiB });
    const rolls = [0, 1, 2, 3, 4].map((i) => appendBatch(log, batchAt(i, 400_000), i).rolled);
    expect(rolls.map((r) => r?.reason ?? null)).toEqual([null, null, "segmentBytes", null, "segmentBytes"]);
    expect(log.segments.map((s) => s.baseOffset)).toEqual([0, 4, 8]);
  });

  it("rolls on segment.ms measured from the first batch's timestamp", () => {
    const log = logWith({ "segment.ms": 1000 });
    appendBatch(log, batchAt(0, 100), 0);
    expect(appendBatch(log, batchAt(1_000_000, 100), 1_000_000).rolled).toBeNull();
    expect(appendBatch(log, batchAt(1_000_001, 100), 1_000_001).rolled?.reason).toBe("segmentMs");
  });

  it("retention.bytes deletes whole oldest segments while the rest still exceeds it", () => {
    const log = logWith({ "segment.bytes": MiB, "retention.bytes": 900_000 });
    for (let i = 0; i < 5; i++) appendBatch(log, batchAt(i, 400_000), i);
    // Segments: [0,4) 800 kB, [4,8) 800 kB, [8,10) 400 kB (active). 2 MB − 800 kB ≥ 900 kB? yes; − 1.6 MB? no.
    const { ctx, events } = fakeContext(10);
    deleteOldSegments(ctx, log);
    expect(log.segments.map((s) => s.baseOffset)).toEqual([4, 8]);
    expect(log.logStartOffset).toBe(4);
    expect(events).toMatchObject([
      { type: "segmentsDeleted", reason: "retentionBytes", segmentCount: 1, logStartOffset: 4 },
    ]);
  });

  it("never deletes a segment that is not entirely below the high watermark", () => {
    const log = logWith({ "segment.bytes": MiB, "retention.ms": 0 });
    for (let i = 0; i < 3; i++) appendBatch(log, batchAt(i, 400_000), i);
    log.highWatermark = 3; // as if replication lagged: offsets 3..5 are not committed
    const { ctx } = fakeContext(10_000_000);
    deleteOldSegments(ctx, log);
    expect(log.logStartOffset).toBe(0);
    log.highWatermark = log.logEndOffset;
    deleteOldSegments(ctx, log);
    // Everything was old enough: even the active segment went, and a fresh empty one took its place.
    expect(log.logStartOffset).toBe(6);
    expect(log.segments).toHaveLength(1);
    expect(log.segments[0]).toMatchObject({ baseOffset: 6, sizeBytes: 0 });
    expect(log.retained).toHaveLength(0);
  });

  it("runs every log.retention.check.interval.ms, deleting old segments, and a consumer below resets", () => {
    const events: DomainEvent[] = [];
    const sim = createSimulation(
      producerScenario({
        topic: { partitions: 1, config: { "segment.ms": 10_000, "retention.ms": 60_000 } },
        producer: { recordsPerSec: 10 },
        consumers: [{ id: "c", mode: "assign", topic: "t", config: { "auto.offset.reset": "earliest" } }],
        durationMs: 400_000,
      }),
      { checkInvariants: true, onEvent: (e) => void events.push(e) },
    );
    sim.runUntil(310_000_000);
    const deleted = events.filter((e) => e.type === "segmentsDeleted");
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.atUs).toBe(300_000_000);
    const rolledAt = events.filter((e) => e.type === "segmentRolled").map((e) => e.baseOffset);
    const partition = sim.view().topics[0]!.partitions[0]!;
    expect(rolledAt).toContain(partition.logStartOffset);
    expect(partition.segments[0]!.baseOffset).toBe(partition.logStartOffset);
    expect(partition.logStartOffset).toBeGreaterThan(2000);
    expect(partition.records[0]!.offset).toBeGreaterThanOrEqual(partition.logStartOffset);

    sim.apply({ type: "seekConsumer", consumerId: "c", topic: "t", partition: 0, offset: 0 });
    sim.runUntil(312_000_000);
    const outOfRange = events.filter((e) => e.type === "offsetOutOfRange");
    expect(outOfRange).toMatchObject([{ position: 0, logStartOffset: partition.logStartOffset }]);
    const reset = events.filter((e) => e.type === "offsetReset" && e.atUs > outOfRange[0]!.atUs);
    expect(reset[0]).toMatchObject({ strategy: "earliest", offset: partition.logStartOffset });
  });
});
