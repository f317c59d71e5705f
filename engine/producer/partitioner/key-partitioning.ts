// Pure key → partition functions for every client type, with each client's exact NULL-key and
// empty-key rules. A NULL key (no key at all) and an empty key (zero bytes) are different things
// to both clients, so keys are `Uint8Array | null` throughout.

import { toPositive } from "../../core/java-hash.ts";
import { crc32, fnv1a, murmur2, rdMurmur2 } from "./hashes.ts";
import { assertPartitionCount, type KeyPartitionPick } from "./types.ts";

/** librdkafka's `partitioner` property values (`rdkafka_conf.c`); the default is `consistent_random`. */
export const LIBRDKAFKA_PARTITIONER_NAMES = [
  "random",
  "consistent",
  "consistent_random",
  "murmur2",
  "murmur2_random",
  "fnv1a",
  "fnv1a_random",
] as const;
export type LibrdkafkaPartitionerName = (typeof LIBRDKAFKA_PARTITIONER_NAMES)[number];
export const LIBRDKAFKA_DEFAULT_PARTITIONER: LibrdkafkaPartitionerName = "consistent_random";

/** librdkafka `sticky.partitioning.linger.ms` default (range 0..900000; 0 disables stickiness). */
export const LIBRDKAFKA_DEFAULT_STICKY_LINGER_MS = 10;

/**
 * `BuiltInPartitioner.partitionForKey`: `toPositive(murmur2(key)) % numPartitions`, where the count
 * includes partitions without a leader. An empty key is hashed like any other key.
 */
export function javaPartitionForKey(key: Uint8Array, partitionCount: number): number {
  assertPartitionCount(partitionCount);
  return toPositive(murmur2(key)) % partitionCount;
}

/**
 * The Java client with no `partitioner.class` (`KafkaProducer.partition`): a non-NULL key is hashed
 * unless `partitioner.ignore.keys=true`; otherwise the partition is UNKNOWN and the accumulator's
 * built-in sticky partitioner picks it.
 */
export function javaDefaultPick(
  key: Uint8Array | null,
  partitionCount: number,
  ignoreKeys = false,
): KeyPartitionPick {
  if (key === null || ignoreKeys) return { kind: "sticky" };
  return { kind: "partition", partition: javaPartitionForKey(key, partitionCount) };
}

/**
 * librdkafka's `consistent`, `murmur2` and `fnv1a` never use the sticky path (`rdkafka_topic.c`
 * sets `random_partitioner` for them), so their NULL keys are hashed as zero bytes.
 */
const NEVER_STICKY: ReadonlySet<LibrdkafkaPartitionerName> = new Set(["consistent", "murmur2", "fnv1a"]);

/**
 * Whether `rd_kafka_msg_partitioner()` routes this record to `rd_kafka_msg_sticky_partition()`
 * instead of calling the partitioner: only when sticky partitioning is on for this partitioner
 * (`sticky.partitioning.linger.ms > 0`, and not one of the three above) and the key is NULL, or
 * zero-length with `consistent_random`. Note that `random` itself qualifies: its NULL keys go sticky.
 */
export function librdkafkaUsesStickyPath(
  partitioner: LibrdkafkaPartitionerName,
  key: Uint8Array | null,
  stickyLingerMs: number,
): boolean {
  if (stickyLingerMs <= 0 || NEVER_STICKY.has(partitioner)) return false;
  return key === null || (key.length === 0 && partitioner === "consistent_random");
}

/**
 * The partitioner function itself (`rd_kafka_msg_partitioner_*` in `rdkafka_msg.c`), as called
 * when the sticky path is not taken. `random` means a per-record `rd_jitter` draw.
 */
export function librdkafkaPartitionerFunction(
  partitioner: LibrdkafkaPartitionerName,
  key: Uint8Array | null,
  partitionCount: number,
): KeyPartitionPick {
  assertPartitionCount(partitionCount);
  const fixed = (partition: number): KeyPartitionPick => ({ kind: "partition", partition });
  switch (partitioner) {
    case "random":
      return { kind: "random" };
    case "consistent":
      return fixed(crc32(key) % partitionCount);
    case "consistent_random":
      // Tests the length, not the pointer: NULL and "" both count as "no key" here.
      return key === null || key.length === 0 ? { kind: "random" } : fixed(crc32(key) % partitionCount);
    case "murmur2":
      return fixed((rdMurmur2(key) & 0x7fffffff) % partitionCount);
    case "murmur2_random":
      // Tests the pointer: an empty non-NULL key is hashed, exactly like the Java client.
      return key === null ? { kind: "random" } : fixed((rdMurmur2(key) & 0x7fffffff) % partitionCount);
    case "fnv1a":
      return fixed(fnv1a(key) % partitionCount);
    case "fnv1a_random":
      return key === null ? { kind: "random" } : fixed(fnv1a(key) % partitionCount);
    default: {
      const unreachable: never = partitioner;
      throw new Error(`unknown librdkafka partitioner ${String(unreachable)}`);
    }
  }
}

/**
 * What librdkafka decides for one record with no explicit partition: the sticky path, or the
 * configured partitioner function.
 */
export function librdkafkaPick(
  partitioner: LibrdkafkaPartitionerName,
  key: Uint8Array | null,
  partitionCount: number,
  stickyLingerMs: number = LIBRDKAFKA_DEFAULT_STICKY_LINGER_MS,
): KeyPartitionPick {
  assertPartitionCount(partitionCount);
  if (librdkafkaUsesStickyPath(partitioner, key, stickyLingerMs)) return { kind: "sticky" };
  return librdkafkaPartitionerFunction(partitioner, key, partitionCount);
}
