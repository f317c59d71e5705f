// A consumer's read of a partition log, as LocalLog.read and LogSegment.read serve a Fetch: from
// the batch that holds the fetch offset, whole batches of one segment up to the high watermark,
// at most `maxBytes` of log. The answer is a byte slice, so a batch that does not fit is cut off:
// its bytes count (toward fetch.min.bytes and fetch.max.bytes) but the consumer cannot use it.
// With `minOneMessage` (no partition of the response has data yet) the first batch comes whole
// even past the limits, so the consumer always progresses (KIP-74); without it, a first batch
// larger than the limit returns nothing for the partition.
import { RECORD_BATCH_OVERHEAD_BYTES, type RecordData, recordSizeBytes } from "../protocol";
import type { LogBatch, PartitionLogState } from "../state";

/**
 * Batches one read walks at most. Kafka is bounded by bytes only; with the simulator's stand-in
 * batches for offsets older than its in-memory window, a huge max.partition.fetch.bytes would
 * otherwise walk millions of them.
 */
export const READ_BATCHES_MAX = 20_000;

export interface LogRead {
  records: RecordData[];
  /** Bytes of log the read returns: whole batches plus the cut-off part of the next one. */
  bytes: number;
}

const EMPTY_READ: LogRead = { records: [], bytes: 0 };

function standInRecord(offset: number): RecordData {
  return { offset, key: null, valueBytes: 0, timestampUs: 0, producerId: "" };
}

/**
 * The batch holding `offset`. Offsets older than the batches kept in memory are served as
 * one-record stand-in batches (the simulator keeps a bounded window; engine/README.md).
 */
function batchAt(log: PartitionLogState, offset: number): LogBatch {
  const batches = log.batches;
  if (batches.length === 0 || offset < batches[0]!.baseOffset) {
    return {
      baseOffset: offset,
      recordCount: 1,
      sizeBytes: RECORD_BATCH_OVERHEAD_BYTES + recordSizeBytes(standInRecord(offset)),
    };
  }
  let low = 0;
  let high = batches.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (batches[mid]!.baseOffset <= offset) low = mid;
    else high = mid - 1;
  }
  return batches[low]!;
}

/** Where the segment holding `offset` ends: the next segment's base offset (a read stays in one). */
function segmentEndOffset(log: PartitionLogState, offset: number): number {
  const segments = log.segments;
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (segments[mid]!.baseOffset <= offset) low = mid + 1;
    else high = mid;
  }
  return low < segments.length ? segments[low]!.baseOffset : Number.POSITIVE_INFINITY;
}

function pushRecords(log: PartitionLogState, batch: LogBatch, into: RecordData[]): void {
  const firstRetained = log.retained[0]?.offset ?? log.logEndOffset;
  for (let offset = batch.baseOffset; offset < batch.baseOffset + batch.recordCount; offset++) {
    const retained = offset >= firstRetained ? log.retained[offset - firstRetained] : undefined;
    into.push(retained ?? standInRecord(offset));
  }
}

/** LocalLog.read for a consumer (up to the high watermark) of at most `maxBytes` from `fetchOffset`. */
export function readLog(
  log: PartitionLogState,
  fetchOffset: number,
  maxBytes: number,
  minOneMessage: boolean,
): LogRead {
  const endOffset = Math.min(log.highWatermark, segmentEndOffset(log, fetchOffset));
  if (fetchOffset >= endOffset) return EMPTY_READ;
  const first = batchAt(log, fetchOffset);
  const limitBytes = minOneMessage ? Math.max(maxBytes, first.sizeBytes) : maxBytes;
  // An incomplete first batch is dropped: the consumer could not use it (FetchRequest v3+).
  if (limitBytes === 0 || first.sizeBytes > limitBytes) return EMPTY_READ;
  const records: RecordData[] = [];
  let bytes = 0;
  let batch = first;
  for (let n = 0; n < READ_BATCHES_MAX; n++) {
    if (bytes + batch.sizeBytes > limitBytes) return { records, bytes: limitBytes };
    bytes += batch.sizeBytes;
    pushRecords(log, batch, records);
    const next = batch.baseOffset + batch.recordCount;
    if (next >= endOffset) break;
    batch = batchAt(log, next);
  }
  return { records, bytes };
}

/**
 * UnifiedLog.fetchOffsetByTimestamp below the high watermark: the first offset whose record
 * timestamp (ms, CreateTime) is at least `timestampMs`, or −1 when none is that new. Offsets older
 * than the records kept in memory count as timestamp 0 (the simulation's start).
 */
export function offsetForTimestamp(log: PartitionLogState, timestampMs: number): number {
  const firstRetained = log.retained[0]?.offset ?? log.logEndOffset;
  if (log.logStartOffset < firstRetained && timestampMs <= 0) return log.logStartOffset;
  for (const record of log.retained) {
    if (record.offset >= log.highWatermark) break;
    if (record.offset >= log.logStartOffset && Math.floor(record.timestampUs / 1000) >= timestampMs) {
      return record.offset;
    }
  }
  return -1;
}
