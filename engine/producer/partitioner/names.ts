// The partitioner names a user can select, spelled exactly as the clients spell them.

import { LIBRDKAFKA_PARTITIONER_NAMES, type LibrdkafkaPartitionerName } from "./key-partitioning.ts";

/** No `partitioner.class`: keyed records hash with murmur2, others use the built-in sticky partitioner. */
export const JAVA_DEFAULT_PARTITIONER = "default (built-in)";
/** The only partitioner class left in the 4.x Java client (DefaultPartitioner and UniformStickyPartitioner were removed). */
export const JAVA_ROUND_ROBIN_PARTITIONER = "org.apache.kafka.clients.producer.RoundRobinPartitioner";

export const JAVA_PARTITIONER_NAMES = [JAVA_DEFAULT_PARTITIONER, JAVA_ROUND_ROBIN_PARTITIONER] as const;
export type JavaPartitionerName = (typeof JAVA_PARTITIONER_NAMES)[number];

export type SelectablePartitioner =
  | { readonly client: "java"; readonly name: JavaPartitionerName }
  | { readonly client: "librdkafka"; readonly name: LibrdkafkaPartitionerName };

/** Every selectable partitioner: Java first, then librdkafka in its documentation order. */
export const SELECTABLE_PARTITIONERS: readonly SelectablePartitioner[] = [
  ...JAVA_PARTITIONER_NAMES.map((name) => ({ client: "java", name }) as const),
  ...LIBRDKAFKA_PARTITIONER_NAMES.map((name) => ({ client: "librdkafka", name }) as const),
];
