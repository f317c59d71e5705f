// The Java client's built-in partitioner for records without a usable key (KIP-480 sticky +
// KIP-794 adaptive), one state per topic. The accumulator drives it exactly like Kafka's
// RecordAccumulator.append() does:
//   1. `peekCurrentPartitionInfo` to learn which partition to append to;
//   2. (under the deque "lock") `completeDeferredSwitch` — Kafka's partitionChanged() — and, if it
//      reports a switch, go back to 1;
//   3. append, then `updatePartitionInfo(appendedBytes, enableSwitch = allBatchesFull(deque))`.
// On every sender ready() pass the accumulator calls `updatePartitionLoadStats` with
// `collectQueueSizes(...)` from ./adaptive-load-stats.ts.
// State is plain data (checkpointable); randomness comes in as `nextInt`.

import { toPositive } from "../../core/java-hash.ts";
import {
  type CollectedQueueSizes,
  computeLoadStats,
  type PartitionLoadStats,
  pickByLoad,
} from "./adaptive-load-stats.ts";
import type { NextInt, TopicMetadataView } from "./types.ts";

/** Kafka's StickyPartitionInfo: the current sticky partition and the bytes produced to it since the switch. */
export interface StickyPartitionInfo {
  readonly partition: number;
  producedBytes: number;
  /** Increments on every switch; stands in for Java's object identity in `isPartitionChanged`. */
  readonly epoch: number;
}

export interface BuiltInPartitionerState {
  /** `batch.size`: how much to produce to a partition before switching. */
  readonly stickyBatchSizeBytes: number;
  sticky: StickyPartitionInfo | null;
  loadStats: PartitionLoadStats | null;
  switchCount: number;
}

/** What `peekCurrentPartitionInfo` hands to the accumulator. */
export interface StickyPartitionRef {
  readonly partition: number;
  readonly epoch: number;
}

export function createBuiltInPartitionerState(stickyBatchSizeBytes: number): BuiltInPartitionerState {
  if (!Number.isInteger(stickyBatchSizeBytes) || stickyBatchSizeBytes < 1) {
    throw new RangeError(`stickyBatchSize must be >= 1 but got ${stickyBatchSizeBytes}`);
  }
  return { stickyBatchSizeBytes, sticky: null, loadStats: null, switchCount: 0 };
}

/**
 * `nextPartition()`: with load stats, a weighted pick from the CFT; without, uniform over the
 * available partitions, or over all partitions when none has a leader. One `nextInt` draw.
 */
export function nextStickyPartition(
  loadStats: PartitionLoadStats | null,
  topic: TopicMetadataView,
  nextInt: NextInt,
): number {
  const random = toPositive(nextInt());
  if (loadStats !== null) return pickByLoad(loadStats, random);
  const available = topic.availablePartitions;
  if (available.length > 0) return available[random % available.length]!;
  return random % topic.partitionCount;
}

/** `peekCurrentPartitionInfo()`: the current sticky partition, chosen on first use. */
export function peekCurrentPartitionInfo(
  state: BuiltInPartitionerState,
  topic: TopicMetadataView,
  nextInt: NextInt,
): StickyPartitionRef {
  if (state.sticky === null) {
    state.sticky = {
      partition: nextStickyPartition(state.loadStats, topic, nextInt),
      producedBytes: 0,
      epoch: 0,
    };
  }
  return { partition: state.sticky.partition, epoch: state.sticky.epoch };
}

/** `isPartitionChanged()`: the sticky partition moved since `ref` was peeked. */
export function isPartitionChanged(state: BuiltInPartitionerState, ref: StickyPartitionRef): boolean {
  return state.sticky === null || state.sticky.epoch !== ref.epoch;
}

/**
 * `updatePartitionInfo()`: count the appended bytes and maybe switch. It switches once
 * `producedBytes >= batch.size` if `enableSwitch` (the partition's last batch is full or its queue
 * is empty), and at `2 × batch.size` regardless, so with a long linger.ms the switch waits for a
 * batch boundary. Both sums are Java `int`s, so they wrap exactly as in Kafka. Returns whether it
 * switched.
 */
export function updatePartitionInfo(
  state: BuiltInPartitionerState,
  ref: StickyPartitionRef,
  appendedBytes: number,
  topic: TopicMetadataView,
  nextInt: NextInt,
  enableSwitch = true,
): boolean {
  const sticky = state.sticky;
  if (sticky === null || sticky.epoch !== ref.epoch) {
    throw new Error("updatePartitionInfo called with a stale sticky partition; peek again first");
  }
  sticky.producedBytes = (sticky.producedBytes + appendedBytes) | 0;
  const batchSize = state.stickyBatchSizeBytes;
  const hardCap = (batchSize * 2) | 0;
  if ((sticky.producedBytes >= batchSize && enableSwitch) || sticky.producedBytes >= hardCap) {
    state.switchCount++;
    const partition = nextStickyPartition(state.loadStats, topic, nextInt);
    state.sticky = { partition, producedBytes: 0, epoch: state.switchCount };
    return true;
  }
  return false;
}

/**
 * RecordAccumulator's `partitionChanged()`, run after peeking and before appending: a switch that
 * an incomplete batch deferred is completed as soon as the partition's batches are all full.
 * Returns true when the sticky partition changed and the caller must peek again.
 */
export function completeDeferredSwitch(
  state: BuiltInPartitionerState,
  ref: StickyPartitionRef,
  allBatchesFull: boolean,
  topic: TopicMetadataView,
  nextInt: NextInt,
): boolean {
  if (isPartitionChanged(state, ref)) return true;
  if (!allBatchesFull) return false;
  return updatePartitionInfo(state, ref, 0, topic, nextInt, true);
}

/** `updatePartitionLoadStats()`: replace the adaptive stats (null input means uniform choice). */
export function updatePartitionLoadStats(
  state: BuiltInPartitionerState,
  collected: CollectedQueueSizes | null,
): void {
  state.loadStats = computeLoadStats(collected);
}
