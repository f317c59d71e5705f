// Where a record goes before the accumulator sees it, as KafkaProducer.partition() and
// rd_kafka_msg_partitioner() decide it: keyed records hash (murmur2 for Java; crc32, murmur2 or
// fnv1a for librdkafka), RoundRobinPartitioner counts, librdkafka's sticky partition is re-drawn by
// time, and a keyless record with Java's built-in partitioner is UNKNOWN_PARTITION: the
// accumulator then asks the built-in sticky partitioner under the deque lock (./accumulator.ts).
import type { SimContext } from "../context";
import type { PartitionMethod } from "../events";
import type { ProducerState } from "../state";
import {
  crc32,
  fnv1a,
  javaDefaultPick,
  type KeyPartitionPick,
  type LibrdkafkaPartitionerName,
  librdkafkaPick,
  murmur2,
  partitionOnSend,
  rdMurmur2,
  roundRobinPartition,
  type TopicMetadataView,
} from "./partitioner";

/** The producer's metadata view of its topic: every partition whose leader it knows is available. */
export function topicMetadataOf(producer: ProducerState): TopicMetadataView {
  const leaders = producer.leaders ?? [];
  const availablePartitions: number[] = [];
  for (let p = 0; p < leaders.length; p++) if (leaders[p] !== undefined) availablePartitions.push(p);
  return { partitionCount: leaders.length, availablePartitions };
}

function hashMethod(name: LibrdkafkaPartitionerName): PartitionMethod {
  if (name.startsWith("murmur2")) return "murmur2";
  if (name.startsWith("fnv1a")) return "fnv1a";
  return name === "random" ? "random" : "crc32";
}

function librdkafkaHash(method: PartitionMethod, key: Uint8Array | null): number | null {
  if (method === "murmur2") return rdMurmur2(key);
  if (method === "fnv1a") return fnv1a(key);
  if (method === "crc32") return crc32(key);
  return null;
}

export interface PartitionChoice {
  /** null: Java's UNKNOWN_PARTITION, the built-in sticky partitioner decides inside append. */
  partition: number | null;
  method: PartitionMethod;
  hash: number | null;
}

function librdkafkaChoice(ctx: SimContext, producer: ProducerState, key: Uint8Array | null): PartitionChoice {
  const state = producer.partitioner;
  if (state.kind !== "librdkafka") throw new Error("not a librdkafka partitioner");
  const { partitioner, stickyLingerMs } = state.config;
  const topic = topicMetadataOf(producer);
  const pick: KeyPartitionPick = librdkafkaPick(partitioner, key, topic.partitionCount, stickyLingerMs);
  const before = state.sticky.stickyPartition;
  const nextInt = ctx.random.stream("partitioner").nextInt32;
  const sent = partitionOnSend(state, { key, topic, nowUs: ctx.state.nowUs, nextInt });
  const partition = sent.kind === "partition" ? sent.partition : 0;
  if (pick.kind === "sticky" && state.sticky.stickyPartition !== before) {
    ctx.emit({
      type: "partitionerSwitched",
      producerId: producer.id,
      topic: producer.topic,
      fromPartition: before < 0 ? null : before,
      toPartition: state.sticky.stickyPartition,
      producedBytes: null,
      reason: "stickyLingerElapsed",
    });
  }
  if (pick.kind === "sticky") return { partition, method: "sticky", hash: null };
  if (pick.kind === "random") return { partition, method: "random", hash: null };
  const method = hashMethod(partitioner);
  return { partition, method, hash: librdkafkaHash(method, key) };
}

/** KafkaProducer.partition() / rd_kafka_msg_partitioner(): where a record goes before the accumulator. */
export function choosePartition(
  ctx: SimContext,
  producer: ProducerState,
  key: Uint8Array | null,
  explicit: number | undefined,
): PartitionChoice {
  if (explicit !== undefined) return { partition: explicit, method: "explicit", hash: null };
  const state = producer.partitioner;
  switch (state.kind) {
    case "java-built-in": {
      const pick = javaDefaultPick(key, topicMetadataOf(producer).partitionCount, state.config.ignoreKeys);
      if (pick.kind !== "partition") return { partition: null, method: "sticky", hash: null };
      return { partition: pick.partition, method: "murmur2", hash: murmur2(key!) };
    }
    case "java-round-robin": {
      const partition = roundRobinPartition(state.roundRobin, topicMetadataOf(producer));
      return { partition, method: "round-robin", hash: null };
    }
    case "librdkafka":
      return librdkafkaChoice(ctx, producer, key);
    default: {
      const unreachable: never = state;
      throw new Error(`unknown partitioner ${JSON.stringify(unreachable)}`);
    }
  }
}
