// Delete retention (UnifiedLog.deleteOldSegments), run by each broker every
// log.retention.check.interval.ms for the partitions it leads. Three passes in Kafka's order: log
// start offset breach, retention.bytes, retention.ms. Each walks segments oldest first and stops at
// the first one it may not delete; a segment is deletable only when everything in it is below the
// high watermark. Whole segments go, never single records, and the log start offset moves to the
// first remaining segment's base offset.
import type { SimContext } from "../context";
import type { LogSegment, PartitionLogState } from "../state";
import { activeSegment, rollSegment } from "./partition-log";

type Pass = "logStartOffsetBreach" | "retentionBytes" | "retentionMs";

/** How many leading segments `predicate` lets go, within Kafka's common rules. */
function deletableCount(
  log: PartitionLogState,
  predicate: (segment: LogSegment, next: LogSegment | undefined) => boolean,
): number {
  let count = 0;
  for (let i = 0; i < log.segments.length; i++) {
    const segment = log.segments[i]!;
    const next = log.segments[i + 1];
    const upperBoundOffset = next ? next.baseOffset : log.logEndOffset;
    const lastAndEmpty = next === undefined && segment.sizeBytes === 0;
    if (!predicate(segment, next) || upperBoundOffset > log.highWatermark || lastAndEmpty) break;
    count++;
  }
  return count;
}

function deleteSegments(ctx: SimContext, log: PartitionLogState, count: number, reason: Pass): void {
  if (count === 0) return;
  // Deleting the active segment too: roll a fresh empty one first so the log is never segment-less.
  if (count === log.segments.length) rollSegment(log, ctx.state.nowUs);
  const deleted = log.segments.splice(0, count);
  log.logStartOffset = Math.max(log.logStartOffset, log.segments[0]!.baseOffset);
  const firstKept = log.retained.findIndex((r) => r.offset >= log.logStartOffset);
  log.retained.splice(0, firstKept === -1 ? log.retained.length : firstKept);
  const firstBatchKept = log.batches.findIndex((b) => b.baseOffset >= log.logStartOffset);
  log.batches.splice(0, firstBatchKept === -1 ? log.batches.length : firstBatchKept);
  ctx.emit({
    type: "segmentsDeleted",
    brokerId: log.leaderBrokerId,
    topic: log.topic,
    partition: log.partition,
    segmentCount: deleted.length,
    deletedBytes: deleted.reduce((n, s) => n + s.sizeBytes, 0),
    reason,
    logStartOffset: log.logStartOffset,
  });
}

export function deleteOldSegments(ctx: SimContext, log: PartitionLogState): void {
  deleteSegments(
    ctx,
    log,
    deletableCount(log, (_segment, next) => next !== undefined && next.baseOffset <= log.logStartOffset),
    "logStartOffsetBreach",
  );
  const retentionBytes = log.config["retention.bytes"];
  if (retentionBytes >= 0) {
    let diffBytes = log.segments.reduce((n, s) => n + s.sizeBytes, 0) - retentionBytes;
    const count = deletableCount(log, (segment) => {
      if (diffBytes - segment.sizeBytes < 0) return false;
      diffBytes -= segment.sizeBytes;
      return true;
    });
    deleteSegments(ctx, log, count, "retentionBytes");
  }
  const retentionMs = log.config["retention.ms"];
  if (retentionMs >= 0) {
    const nowUs = ctx.state.nowUs;
    const count = deletableCount(
      log,
      (segment) => segment.largestTimestampUs >= 0 && nowUs - segment.largestTimestampUs > retentionMs * 1000,
    );
    deleteSegments(ctx, log, count, "retentionMs");
  }
}

/** The log manager's periodic task: every partition whose leader is up. */
export function runRetentionCheck(ctx: SimContext): void {
  for (const log of ctx.state.partitions.values()) {
    if (!ctx.state.brokers.get(log.leaderBrokerId)?.up) continue;
    if (activeSegment(log).sizeBytes === 0 && log.segments.length === 1) continue;
    deleteOldSegments(ctx, log);
  }
}
