// KIP-794 adaptive partitioning: the producer favours partitions with shorter batch queues. This is
// the part of `RecordAccumulator.partitionReady()` that collects queue sizes on every sender
// `ready()` pass, and `BuiltInPartitioner.updatePartitionLoadStats()`, which turns them into a
// cumulative frequency table (CFT) for weighted random choice.

import { toPositive } from "../../core/java-hash.ts";

/** Weighted-choice table over the partitions that are not excluded. */
export interface PartitionLoadStats {
  /** Running sum of weights `max(queueSize) + 1 − queueSize`; strictly increasing. */
  readonly cumulativeFrequencyTable: readonly number[];
  /** `partitionIds[i]` is the partition that CFT slot `i` stands for. */
  readonly partitionIds: readonly number[];
}

/** One entry of the accumulator's per-topic batches map, as `partitionReady()` sees it. */
export interface PartitionQueueEntry {
  readonly partition: number;
  /** `cluster.leaderFor(partition) != null`. */
  readonly leaderKnown: boolean;
  /** Number of batches queued in the partition's deque. */
  readonly queuedBatches: number;
  /**
   * Latency stats of the leader node (`nodeStats`), or null if the sender has none yet.
   * `readyTimeMs` is the last time the node had data ready, `drainTimeMs` the last drain.
   */
  readonly leaderLatency: { readonly readyTimeMs: number; readonly drainTimeMs: number } | null;
}

/** Input for `updatePartitionLoadStats`: queue sizes with a logical length (excluded partitions dropped). */
export interface CollectedQueueSizes {
  readonly queueSizes: number[];
  readonly partitionIds: number[];
  readonly length: number;
}

/**
 * Port of the queue-size collection in `RecordAccumulator.partitionReady()`. Returns null (no stats:
 * uniform choice) when adaptive partitioning is off or when the batches map does not yet have an
 * entry for every partition of the topic.
 *
 * `entries` is the batches map in iteration order; the map is keyed by small integers, so that is
 * ascending partition order once every partition has an entry. Entries are never removed from the
 * map, so a partition that ever had a batch keeps its (possibly empty) entry.
 *
 * Two Kafka quirks are kept on purpose: an empty deque skips the availability-timeout check, and
 * because it also skips writing its queue size, an empty deque right after an excluded partition
 * inherits that partition's queue size in the reused array slot.
 */
export function collectQueueSizes(
  entries: readonly PartitionQueueEntry[],
  partitionCount: number,
  adaptivePartitioningEnable: boolean,
  availabilityTimeoutMs: number,
): CollectedQueueSizes | null {
  if (!adaptivePartitioningEnable || entries.length < partitionCount) return null;
  const queueSizes = new Array<number>(entries.length).fill(0);
  const partitionIds = new Array<number>(entries.length).fill(0);
  let index = -1;
  for (const entry of entries) {
    if (!entry.leaderKnown) continue;
    index++;
    partitionIds[index] = entry.partition;
    if (entry.queuedBatches === 0) continue;
    queueSizes[index] = entry.queuedBatches;
    const latency = entry.leaderLatency;
    if (availabilityTimeoutMs > 0 && latency !== null) {
      // A leader that has had data ready but not drained for longer than the timeout is treated
      // as unavailable: its slot is reused by the next partition.
      if (latency.readyTimeMs - latency.drainTimeMs > availabilityTimeoutMs) index--;
    }
  }
  return { queueSizes, partitionIds, length: index + 1 };
}

/**
 * `BuiltInPartitioner.updatePartitionLoadStats()`. `queueSizes.length` is the number of entries in
 * the batches map (all partitions); `length` counts the partitions that were not excluded.
 * Returns null (uniform choice) when there is nothing to weigh.
 */
export function computeLoadStats(collected: CollectedQueueSizes | null): PartitionLoadStats | null {
  if (collected === null) return null;
  const { queueSizes, partitionIds, length } = collected;
  // Fewer than 2 partitions: nothing to balance. But if some partitions were excluded, adaptive
  // logic still runs, even over a single remaining partition.
  if (length < 1 || queueSizes.length < 2) return null;
  let maxSizePlus1 = queueSizes[0]!;
  let allEqual = true;
  for (let i = 1; i < length; i++) {
    if (queueSizes[i] !== maxSizePlus1) allEqual = false;
    if (queueSizes[i]! > maxSizePlus1) maxSizePlus1 = queueSizes[i]!;
  }
  maxSizePlus1++;
  if (allEqual && length === queueSizes.length) return null;
  const cumulativeFrequencyTable: number[] = [];
  let runningSum = 0;
  for (let i = 0; i < length; i++) {
    runningSum = (runningSum + maxSizePlus1 - queueSizes[i]!) | 0;
    cumulativeFrequencyTable.push(runningSum);
  }
  return { cumulativeFrequencyTable, partitionIds: partitionIds.slice(0, length) };
}

/**
 * Weighted pick: `random % CFT[last]`, then the first slot whose CFT value is strictly greater
 * (Java does this with `Arrays.binarySearch` and `abs(result + 1)`). `random` is already
 * non-negative (`toPositive` of a random int).
 */
export function pickByLoad(stats: PartitionLoadStats, random: number): number {
  const cft = stats.cumulativeFrequencyTable;
  const weightedRandom = toPositive(random) % cft[cft.length - 1]!;
  let low = 0;
  let high = cft.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cft[mid]! > weightedRandom) high = mid;
    else low = mid + 1;
  }
  return stats.partitionIds[low]!;
}
