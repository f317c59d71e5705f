// librdkafka's producer-side partitioning for one topic (`rd_kafka_msg_partitioner()` in
// rdkafka_msg.c): records routed to the sticky path share one random partition per topic that is
// re-drawn by time, every `sticky.partitioning.linger.ms`, or at once if it has no leader; other
// records go through the configured partitioner function, whose `random` result is a fresh draw.
// State is plain data; time comes in as simulated microseconds and randomness as `nextInt`.

import { toPositive } from "../../core/java-hash.ts";
import { type LibrdkafkaPartitionerName, librdkafkaPick } from "./key-partitioning.ts";
import type { NextInt, TopicMetadataView } from "./types.ts";

export interface LibrdkafkaStickyState {
  /** `rkt_sticky_partition`; -1 (RD_KAFKA_PARTITION_UA) until the first draw. */
  stickyPartition: number;
  /** When the sticky partition was last drawn (`rkt_sticky_intvl.ri_ts_last`), or null: draw now. */
  lastDrawUs: number | null;
}

export function createLibrdkafkaStickyState(): LibrdkafkaStickyState {
  return { stickyPartition: -1, lastDrawUs: null };
}

/**
 * `rd_kafka_msg_partitioner_random()`: `rd_jitter(0, cnt - 1)`; if that partition has no leader,
 * one more draw that is used whatever it is.
 */
export function librdkafkaRandomPartition(topic: TopicMetadataView, nextInt: NextInt): number {
  const first = toPositive(nextInt()) % topic.partitionCount;
  if (topic.availablePartitions.includes(first)) return first;
  return toPositive(nextInt()) % topic.partitionCount;
}

/**
 * `rd_kafka_msg_sticky_partition()`. librdkafka's `rd_interval()` fires when
 * `now − last > interval` (strictly), and an unavailable sticky partition expedites the interval
 * so the next call always re-draws.
 */
export function librdkafkaStickyPartition(
  state: LibrdkafkaStickyState,
  topic: TopicMetadataView,
  stickyLingerMs: number,
  nowUs: number,
  nextInt: NextInt,
): number {
  if (!topic.availablePartitions.includes(state.stickyPartition)) state.lastDrawUs = null;
  const intervalUs = stickyLingerMs * 1000;
  if (state.lastDrawUs === null || nowUs - state.lastDrawUs > intervalUs) {
    state.stickyPartition = librdkafkaRandomPartition(topic, nextInt);
    state.lastDrawUs = nowUs;
  }
  return state.stickyPartition;
}

/** The partition librdkafka assigns to a record produced with RD_KAFKA_PARTITION_UA. */
export function librdkafkaPartition(
  state: LibrdkafkaStickyState,
  partitioner: LibrdkafkaPartitionerName,
  stickyLingerMs: number,
  key: Uint8Array | null,
  topic: TopicMetadataView,
  nowUs: number,
  nextInt: NextInt,
): number {
  const pick = librdkafkaPick(partitioner, key, topic.partitionCount, stickyLingerMs);
  switch (pick.kind) {
    case "partition":
      return pick.partition;
    case "sticky":
      return librdkafkaStickyPartition(state, topic, stickyLingerMs, nowUs, nextInt);
    case "random":
      return librdkafkaRandomPartition(topic, nextInt);
    case "round-robin":
      throw new Error("librdkafka has no round-robin partitioner");
    default: {
      const unreachable: never = pick;
      throw new Error(`unexpected pick ${JSON.stringify(unreachable)}`);
    }
  }
}
