// A partition's log on its leader: offsets are assigned on append, the log end offset (LEO) is the
// next offset to write. Without replication (a later issue) the high watermark equals the LEO.
import type { ProduceBatch, RecordData } from "../protocol";
import { type PartitionLogState, RECORDS_RETAINED_PER_PARTITION } from "../state";

export function appendBatch(log: PartitionLogState, batch: ProduceBatch): { baseOffset: number } {
  const baseOffset = log.logEndOffset;
  batch.records.forEach((record, i) => {
    log.retained.push({ ...record, offset: baseOffset + i });
  });
  log.logEndOffset += batch.records.length;
  log.highWatermark = log.logEndOffset;
  const excess = log.retained.length - RECORDS_RETAINED_PER_PARTITION;
  if (excess > 0) log.retained.splice(0, excess);
  return { baseOffset };
}

/**
 * Records from `fromOffset` up to the high watermark (consumers never read past it), at most
 * `maxRecords`. Offsets older than what is retained in memory come back as key-less stand-ins: the
 * simulator keeps a bounded window per partition (documented in engine/README.md).
 */
export function readFrom(log: PartitionLogState, fromOffset: number, maxRecords: number): RecordData[] {
  const end = Math.min(log.highWatermark, fromOffset + maxRecords);
  const out: RecordData[] = [];
  const firstRetained = log.retained[0]?.offset ?? log.logEndOffset;
  for (let offset = fromOffset; offset < end; offset++) {
    const record = offset >= firstRetained ? log.retained[offset - firstRetained] : undefined;
    out.push(record ?? { offset, key: null, valueBytes: 0, timestampUs: 0, producerId: "" });
  }
  return out;
}
