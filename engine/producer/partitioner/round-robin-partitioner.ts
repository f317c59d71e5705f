// org.apache.kafka.clients.producer.RoundRobinPartitioner, one state per topic. Keys are ignored;
// a counter steps through the available partitions.
//
// Because it is a custom partitioner, KafkaProducer appends with abortOnNewBatch=true: when the
// record needs a new batch, the append is aborted, `onNewBatch(prevPartition)` is called and
// `partition()` runs a second time for the same record. Before KAFKA-17632 (fixed in 4.0 and
// 3.9.1) the counter advanced again, so records that opened a batch skipped a partition; with
// linger.ms=0 and an even partition count only half the partitions got data. The fix makes
// onNewBatch remember the previous partition, and the second call returns it.

import { toPositive } from "../../core/java-hash.ts";
import type { TopicMetadataView } from "./types.ts";

export interface RoundRobinState {
  /** Java `AtomicInteger`, starts at 0 and wraps at 2^31. */
  counter: number;
  /** Partition remembered by `onNewBatch` (4.x fix), consumed by the next `partition()` call. */
  pendingPartition: number | null;
  /** Model the pre-4.0 bug: `onNewBatch` does nothing, so the retry advances the counter again. */
  readonly legacyDoubleAdvance: boolean;
}

export function createRoundRobinState(legacyDoubleAdvance = false): RoundRobinState {
  return { counter: 0, pendingPartition: null, legacyDoubleAdvance };
}

/** `partition()`: the next partition in round-robin order over available partitions. */
export function roundRobinPartition(state: RoundRobinState, topic: TopicMetadataView): number {
  if (state.pendingPartition !== null) {
    const partition = state.pendingPartition;
    state.pendingPartition = null;
    return partition;
  }
  const value = state.counter;
  state.counter = (state.counter + 1) | 0;
  const available = topic.availablePartitions;
  if (available.length > 0) return available[toPositive(value) % available.length]!;
  // No partition has a leader: pick among all partitions anyway.
  return toPositive(value) % topic.partitionCount;
}

/** `onNewBatch()`: called by KafkaProducer before re-running `partition()` for a record that needs a new batch. */
export function roundRobinOnNewBatch(state: RoundRobinState, prevPartition: number): void {
  if (state.legacyDoubleAdvance) return;
  state.pendingPartition = prevPartition;
}
