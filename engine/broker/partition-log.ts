// A partition's log on its leader: offsets are assigned on append, the log end offset (LEO) is the
// next offset to write. Without replication (a later issue) the high watermark equals the LEO.
// The log is a list of segments, rolled like UnifiedLog.maybeRoll: before an append that would push
// the active segment past segment.bytes, or once segment.ms has passed since its first batch's
// timestamp. Segments are summaries (offsets, bytes, timestamps); record contents are kept only for
// a bounded window of recent offsets.
import type { ProduceBatch } from "../protocol";
import { type LogSegment, type PartitionLogState, RECORDS_RETAINED_PER_PARTITION } from "../state";
import type { TopicConfig } from "./topic-config";

/** Segment summaries kept per partition; past this the two oldest merge (see engine/README.md). */
export const SEGMENTS_PER_PARTITION_MAX = 10_000;

function newSegment(baseOffset: number, nowUs: number): LogSegment {
  return {
    baseOffset,
    sizeBytes: 0,
    recordCount: 0,
    createdAtUs: nowUs,
    rollingBasedTimestampUs: null,
    largestTimestampUs: -1,
  };
}

/** `replicas`: the brokers holding the partition, its leader first (replica-placement.ts). */
export function createPartitionLog(
  topic: string,
  partition: number,
  replicas: readonly number[],
  config: TopicConfig,
): PartitionLogState {
  return {
    topic,
    partition,
    leaderBrokerId: replicas[0]!,
    replicas: [...replicas],
    logStartOffset: 0,
    logEndOffset: 0,
    highWatermark: 0,
    retained: [],
    batches: [],
    config,
    segments: [newSegment(0, 0)],
    producerStates: new Map(),
  };
}

export function activeSegment(log: PartitionLogState): LogSegment {
  return log.segments[log.segments.length - 1]!;
}

/** Starts a new empty active segment at the log end offset. */
export function rollSegment(log: PartitionLogState, nowUs: number): void {
  log.segments.push(newSegment(log.logEndOffset, nowUs));
  if (log.segments.length > SEGMENTS_PER_PARTITION_MAX) {
    const [oldest, next] = log.segments.splice(0, 2) as [LogSegment, LogSegment];
    log.segments.unshift({
      ...oldest,
      sizeBytes: oldest.sizeBytes + next.sizeBytes,
      recordCount: oldest.recordCount + next.recordCount,
      largestTimestampUs: Math.max(oldest.largestTimestampUs, next.largestTimestampUs),
    });
  }
}

/** LogSegment.shouldRoll for an append of `sizeBytes` whose newest record has `maxTimestampUs`. */
function rollReason(
  log: PartitionLogState,
  sizeBytes: number,
  maxTimestampUs: number,
  nowUs: number,
): "segmentBytes" | "segmentMs" | null {
  const active = activeSegment(log);
  if (active.sizeBytes === 0) return null;
  if (active.sizeBytes + sizeBytes > log.config["segment.bytes"]) return "segmentBytes";
  const waitedUs =
    active.rollingBasedTimestampUs === null
      ? nowUs - active.createdAtUs
      : maxTimestampUs - active.rollingBasedTimestampUs;
  return waitedUs > log.config["segment.ms"] * 1000 ? "segmentMs" : null;
}

export interface AppendResult {
  baseOffset: number;
  /** Set when the append rolled a new segment first. */
  rolled: { reason: "segmentBytes" | "segmentMs"; closedSegmentBytes: number } | null;
}

export function appendBatch(log: PartitionLogState, batch: ProduceBatch, nowUs: number): AppendResult {
  const records = batch.records;
  let maxTimestampUs = -1;
  for (let i = 0; i < records.length; i++) maxTimestampUs = Math.max(maxTimestampUs, records[i]!.timestampUs);
  const reason = rollReason(log, batch.wireBytes, maxTimestampUs, nowUs);
  const closedSegmentBytes = activeSegment(log).sizeBytes;
  if (reason) rollSegment(log, nowUs);
  const baseOffset = log.logEndOffset;
  for (let i = 0; i < records.length; i++) {
    const { key, valueBytes, timestampUs, producerId } = records[i]!;
    // The fields in the producer's order, then the offset (as a spread would lay them out).
    log.retained.push({ key, valueBytes, timestampUs, producerId, offset: baseOffset + i });
  }
  log.batches.push({ baseOffset, recordCount: records.length, sizeBytes: batch.wireBytes });
  log.logEndOffset += records.length;
  log.highWatermark = log.logEndOffset;
  const active = activeSegment(log);
  active.sizeBytes += batch.wireBytes;
  active.recordCount += records.length;
  active.rollingBasedTimestampUs ??= maxTimestampUs;
  active.largestTimestampUs = Math.max(active.largestTimestampUs, maxTimestampUs);
  trimRetained(log);
  return { baseOffset, rolled: reason ? { reason, closedSegmentBytes } : null };
}

/**
 * Keeps the newest RECORDS_RETAINED_PER_PARTITION records in memory and the batches that hold them.
 * shift() drops the oldest in constant time (the engine trims the array's start); splice(0, n)
 * would move all 5,000 retained records on every append.
 */
function trimRetained(log: PartitionLogState): void {
  for (let excess = log.retained.length - RECORDS_RETAINED_PER_PARTITION; excess > 0; excess--) {
    log.retained.shift();
  }
  const firstRetained = log.retained[0]?.offset ?? log.logEndOffset;
  while (
    log.batches.length > 0 &&
    log.batches[0]!.baseOffset + log.batches[0]!.recordCount <= firstRetained
  ) {
    log.batches.shift();
  }
}
