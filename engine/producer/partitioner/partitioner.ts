// One entry point for the simulation: build a per-topic partitioner state from a configuration,
// and ask it which partition a record goes to when it is sent.

import { type BuiltInPartitionerState, createBuiltInPartitionerState } from "./built-in-partitioner.ts";
import {
  javaDefaultPick,
  LIBRDKAFKA_DEFAULT_STICKY_LINGER_MS,
  type LibrdkafkaPartitionerName,
} from "./key-partitioning.ts";
import {
  createLibrdkafkaStickyState,
  type LibrdkafkaStickyState,
  librdkafkaPartition,
} from "./librdkafka-partitioner.ts";
import { JAVA_DEFAULT_PARTITIONER, type SelectablePartitioner } from "./names.ts";
import {
  createRoundRobinState,
  type RoundRobinState,
  roundRobinPartition,
} from "./round-robin-partitioner.ts";
import type { NextInt, TopicMetadataView } from "./types.ts";

/** Java `ProducerConfig` defaults that concern partitioning. */
export const JAVA_PARTITIONER_DEFAULTS = {
  batchSizeBytes: 16384,
  adaptivePartitioningEnable: true,
  availabilityTimeoutMs: 0,
  ignoreKeys: false,
} as const;

export type PartitionerConfig =
  | {
      readonly kind: "java-built-in";
      /** `batch.size`: the sticky partition switches after this many bytes (up to twice as many). */
      readonly batchSizeBytes: number;
      /** `partitioner.adaptive.partitioning.enable`. */
      readonly adaptivePartitioningEnable: boolean;
      /** `partitioner.availability.timeout.ms` (0 disables the exclusion of slow leaders). */
      readonly availabilityTimeoutMs: number;
      /** `partitioner.ignore.keys`. */
      readonly ignoreKeys: boolean;
    }
  | {
      readonly kind: "java-round-robin";
      /** Reproduce the pre-4.0 double advance on new batches (KAFKA-17632). */
      readonly legacyDoubleAdvance: boolean;
    }
  | {
      readonly kind: "librdkafka";
      /** librdkafka `partitioner`. */
      readonly partitioner: LibrdkafkaPartitionerName;
      /** `sticky.partitioning.linger.ms` (0 disables stickiness: NULL keys get a random partition each). */
      readonly stickyLingerMs: number;
    };

export type TopicPartitionerState =
  | {
      readonly kind: "java-built-in";
      readonly config: PartitionerConfig & { kind: "java-built-in" };
      readonly builtIn: BuiltInPartitionerState;
    }
  | {
      readonly kind: "java-round-robin";
      readonly config: PartitionerConfig & { kind: "java-round-robin" };
      readonly roundRobin: RoundRobinState;
    }
  | {
      readonly kind: "librdkafka";
      readonly config: PartitionerConfig & { kind: "librdkafka" };
      readonly sticky: LibrdkafkaStickyState;
    };

/** The configuration a user gets by selecting a partitioner and changing nothing else. */
export function defaultPartitionerConfig(selection: SelectablePartitioner): PartitionerConfig {
  if (selection.client === "librdkafka") {
    return {
      kind: "librdkafka",
      partitioner: selection.name,
      stickyLingerMs: LIBRDKAFKA_DEFAULT_STICKY_LINGER_MS,
    };
  }
  if (selection.name === JAVA_DEFAULT_PARTITIONER)
    return { kind: "java-built-in", ...JAVA_PARTITIONER_DEFAULTS };
  return { kind: "java-round-robin", legacyDoubleAdvance: false };
}

/** A fresh partitioner for one topic of one producer (every client keeps this state per topic). */
export function createPartitioner(config: PartitionerConfig): TopicPartitionerState {
  switch (config.kind) {
    case "java-built-in":
      return { kind: config.kind, config, builtIn: createBuiltInPartitionerState(config.batchSizeBytes) };
    case "java-round-robin":
      return { kind: config.kind, config, roundRobin: createRoundRobinState(config.legacyDoubleAdvance) };
    case "librdkafka":
      return { kind: config.kind, config, sticky: createLibrdkafkaStickyState() };
    default: {
      const unreachable: never = config;
      throw new Error(`unknown partitioner kind ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Where a record with no explicit partition goes at send time. `built-in-sticky` is Java's
 * UNKNOWN_PARTITION: the accumulator then drives `state.builtIn` (peek / append / update).
 */
export type SendPartition =
  | { readonly kind: "partition"; readonly partition: number }
  | { readonly kind: "built-in-sticky" };

export interface SendContext {
  readonly key: Uint8Array | null;
  readonly topic: TopicMetadataView;
  readonly nowUs: number;
  readonly nextInt: NextInt;
}

/**
 * `KafkaProducer.partition()` for Java, `rd_kafka_msg_partitioner()` for librdkafka. For Java
 * round robin, a record that then needs a new batch must call `roundRobinOnNewBatch` and ask again.
 */
export function partitionOnSend(state: TopicPartitionerState, context: SendContext): SendPartition {
  switch (state.kind) {
    case "java-built-in": {
      const pick = javaDefaultPick(context.key, context.topic.partitionCount, state.config.ignoreKeys);
      return pick.kind === "partition" ? pick : { kind: "built-in-sticky" };
    }
    case "java-round-robin":
      return { kind: "partition", partition: roundRobinPartition(state.roundRobin, context.topic) };
    case "librdkafka": {
      const { partitioner, stickyLingerMs } = state.config;
      const { key, topic, nowUs, nextInt } = context;
      const partition = librdkafkaPartition(
        state.sticky,
        partitioner,
        stickyLingerMs,
        key,
        topic,
        nowUs,
        nextInt,
      );
      return { kind: "partition", partition };
    }
    default: {
      const unreachable: never = state;
      throw new Error(`unknown partitioner state ${JSON.stringify(unreachable)}`);
    }
  }
}
