// Plain-data inputs shared by every partitioner: what the client knows about a topic, the
// injected randomness, and what a key-based decision can return.

/**
 * Draws the next Java-like int32 (any value in [-2^31, 2^31)) from the simulation's seeded PRNG.
 * Partitioners never own randomness, so a run replays exactly from its seed.
 */
export type NextInt = () => number;

/** The producer's metadata view of one topic (Kafka's `Cluster`, restricted to a topic). */
export interface TopicMetadataView {
  /** `partitionsForTopic(topic).size()`: every partition, with or without a leader. */
  readonly partitionCount: number;
  /**
   * `availablePartitionsForTopic(topic)`: partitions whose leader is known, in the order the
   * metadata lists them (ascending partition id).
   */
  readonly availablePartitions: readonly number[];
}

/**
 * What a client does with one key, before any state is consulted:
 * - `partition`: a fixed partition computed from the key (or from the NULL/empty-key rule);
 * - `sticky`: the key does not decide; the per-topic sticky partition does (Java's built-in
 *   partitioner switches by bytes, librdkafka's by time);
 * - `random`: a fresh uniformly random partition for this record only (librdkafka `random`, or
 *   any `*_random` partitioner when `sticky.partitioning.linger.ms=0`);
 * - `round-robin`: the key is ignored and a per-topic counter decides.
 */
export type KeyPartitionPick =
  | { readonly kind: "partition"; readonly partition: number }
  | { readonly kind: "sticky" }
  | { readonly kind: "random" }
  | { readonly kind: "round-robin" };

/** Largest partition count representable by either client (`int` in Java, `int32_t` in C). */
export const MAX_PARTITION_COUNT = 2147483647;

export function assertPartitionCount(partitionCount: number): void {
  if (!Number.isInteger(partitionCount) || partitionCount < 1 || partitionCount > MAX_PARTITION_COUNT) {
    throw new RangeError(
      `partition count must be an integer in [1, ${MAX_PARTITION_COUNT}], got ${partitionCount}`,
    );
  }
}
