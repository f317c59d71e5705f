// The producer configuration's types, shared by the Java (./config.ts) and librdkafka
// (./librdkafka-config.ts) validators.
import type { LibrdkafkaPartitionerName } from "./partitioner/key-partitioning";

export type ProducerClient = "java" | "librdkafka";
export const PRODUCER_CLIENTS: readonly ProducerClient[] = ["java", "librdkafka"];

export const COMPRESSION_TYPES = ["none", "gzip", "snappy", "lz4", "zstd"] as const;
export type CompressionType = (typeof COMPRESSION_TYPES)[number];

export interface ProducerConfig {
  acks: "all" | "-1" | "0" | "1";
  "linger.ms": number;
  "batch.size": number;
  "enable.idempotence": boolean;
  "max.in.flight.requests.per.connection": number;
  "delivery.timeout.ms": number;
  "request.timeout.ms": number;
  retries: number;
  "retry.backoff.ms": number;
  "retry.backoff.max.ms": number;
  "buffer.memory": number;
  "compression.type": CompressionType;
  "max.request.size": number;
  /** Java only: null is the built-in partitioner (no partitioner.class set). */
  "partitioner.class": string | null;
  "partitioner.adaptive.partitioning.enable": boolean;
  "partitioner.availability.timeout.ms": number;
  "partitioner.ignore.keys": boolean;
  /** librdkafka only (and the three below). */
  partitioner: LibrdkafkaPartitionerName;
  "sticky.partitioning.linger.ms": number;
  "batch.num.messages": number;
  "queue.buffering.max.messages": number;
  "queue.buffering.max.kbytes": number;
}

export type ProducerConfigKey = keyof ProducerConfig;
export type ConfigValue = ProducerConfig[ProducerConfigKey];

export interface ProducerConfigIssue {
  /** The property the message is about, or null for the config as a whole. */
  readonly key: string | null;
  readonly message: string;
}
