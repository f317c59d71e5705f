// Protects how a leader answers a Fetch (LocalLog.read, ReplicaManager.readFromLog, KIP-74): whole
// batches from the one holding the fetch offset, at most max.partition.fetch.bytes per partition
// but always the first batch of the response, and fetch.min.bytes counted as the log holds the
// data, batch headers included.
import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../events";
import type { ProduceBatch } from "../protocol";
import { createSimulation } from "../simulation";
import { producerScenario } from "../test-support/scenarios";
import { readLog } from "./log-read";
import { appendBatch, createPartitionLog } from "./partition-log";
import { TOPIC_CONFIG_DEFAULTS } from "./topic-config";

/** A batch of `count` keyless 100-byte records: 61 header bytes + count × 120. */
function batchOf(count: number): ProduceBatch {
  const record = { key: null, valueBytes: 100, timestampUs: 0, producerId: "p" };
  return {
    topic: "t",
    partition: 0,
    records: Array(count).fill(record),
    baseSequence: -1,
    wireBytes: 61 + count * 120,
  };
}

function logOf(...counts: number[]) {
  const log = createPartitionLog("t", 0, [1], { ...TOPIC_CONFIG_DEFAULTS });
  for (const count of counts) appendBatch(log, batchOf(count), 0);
  return log;
}

/** An assign() consumer of partition 0 reading from the start while a producer writes to it. */
function consumerRun(recordsPerSec: number, config: Record<string, unknown>, untilMs: number): DomainEvent[] {
  const events: DomainEvent[] = [];
  const scenario = producerScenario({
    producer: { recordsPerSec, partition: 0, config: { "linger.ms": 0 } },
    consumers: [
      {
        id: "c",
        mode: "assign",
        topic: "t",
        partitions: [0],
        config: { "auto.offset.reset": "earliest", ...config },
      },
    ],
  });
  const sim = createSimulation(scenario, { checkInvariants: true, onEvent: (e) => void events.push(e) });
  sim.runUntil(untilMs * 1000);
  return events;
}

describe("a leader's read for a Fetch", () => {
  it("returns whole batches from the one holding the fetch offset, up to the partition's byte limit", () => {
    const log = logOf(3, 3, 3, 3); // batches of 421 bytes at offsets 0, 3, 6 and 9
    const read = readLog(log, 4, 1000, false);
    // The batch holding offset 4 starts at 3; the next one fits (842 bytes), the third does not:
    // its first 158 bytes travel cut off and count, but the consumer gets no record of it.
    expect(read.records.map((r) => r.offset)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(read.bytes).toBe(1000);
  });

  it("returns the first batch whole past the limit only while the response has no data yet", () => {
    const log = logOf(10); // one batch of 1261 bytes
    expect(readLog(log, 0, 500, true)).toMatchObject({ bytes: 1261 });
    expect(readLog(log, 0, 500, true).records).toHaveLength(10);
    expect(readLog(log, 0, 500, false)).toEqual({ records: [], bytes: 0 });
  });

  it("answers a fetch as soon as the batch with its header reaches fetch.min.bytes", () => {
    // One keyless 100-byte record is 120 bytes of record and a 181-byte batch; fetch.min.bytes =
    // 150 is met by the batch the broker holds, so the consumer does not wait fetch.max.wait.ms.
    const events = consumerRun(1, { "fetch.min.bytes": 150, "fetch.max.wait.ms": 5000 }, 3000);
    const appended = events.find((e) => e.type === "batchAppended")!;
    const received = events.find(
      (e): e is Extract<DomainEvent, { type: "fetchResponseReceived" }> =>
        e.type === "fetchResponseReceived" && e.recordCount > 0,
    )!;
    expect(received.atUs - appended.atUs).toBeLessThan(10_000);
  });

  it("limits each partition to max.partition.fetch.bytes, so a consumer far behind catches up in steps", () => {
    const events = consumerRun(200, { "max.partition.fetch.bytes": 400, "max.poll.records": 1000 }, 2000);
    const counts = events
      .filter(
        (e): e is Extract<DomainEvent, { type: "fetchResponseReceived" }> =>
          e.type === "fetchResponseReceived",
      )
      .map((e) => e.recordCount)
      .filter((n) => n > 0);
    // Each record is its own 181-byte batch (linger.ms = 0): two whole batches fit in 400 bytes.
    expect(counts.length).toBeGreaterThan(5);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
  });
});
