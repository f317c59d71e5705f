// Protects the factory: each selectable partitioner gets its client's defaults and sends records where that client would.

import { describe, expect, it } from "vitest";
import { peekCurrentPartitionInfo } from "./built-in-partitioner.ts";
import { utf8Key } from "./key-bytes.ts";
import { SELECTABLE_PARTITIONERS } from "./names.ts";
import { createPartitioner, defaultPartitionerConfig, partitionOnSend } from "./partitioner.ts";
import type { TopicMetadataView } from "./types.ts";

const topic: TopicMetadataView = { partitionCount: 6, availablePartitions: [0, 1, 2, 3, 4, 5] };
const context = (key: Uint8Array | null, nowUs = 0) => ({ key, topic, nowUs, nextInt: () => 7 });

describe("createPartitioner", () => {
  it("offers both Java choices and all seven librdkafka partitioners under their exact names", () => {
    expect(SELECTABLE_PARTITIONERS.map((p) => `${p.client}:${p.name}`)).toEqual([
      "java:default (built-in)",
      "java:org.apache.kafka.clients.producer.RoundRobinPartitioner",
      "librdkafka:random",
      "librdkafka:consistent",
      "librdkafka:consistent_random",
      "librdkafka:murmur2",
      "librdkafka:murmur2_random",
      "librdkafka:fnv1a",
      "librdkafka:fnv1a_random",
    ]);
  });

  it("Java default: keyed records hash, NULL keys are left to the accumulator's built-in sticky partitioner", () => {
    const config = defaultPartitionerConfig({ client: "java", name: "default (built-in)" });
    expect(config).toEqual({
      kind: "java-built-in",
      batchSizeBytes: 16384,
      adaptivePartitioningEnable: true,
      availabilityTimeoutMs: 0,
      ignoreKeys: false,
    });
    const state = createPartitioner(config);
    expect(partitionOnSend(state, context(utf8Key("key1")))).toEqual({ kind: "partition", partition: 2 });
    expect(partitionOnSend(state, context(null))).toEqual({ kind: "built-in-sticky" });
    if (state.kind !== "java-built-in") throw new Error("expected the built-in partitioner");
    expect(peekCurrentPartitionInfo(state.builtIn, topic, () => 7).partition).toBe(1);
  });

  it("Java round robin ignores keys", () => {
    const state = createPartitioner(
      defaultPartitionerConfig({
        client: "java",
        name: "org.apache.kafka.clients.producer.RoundRobinPartitioner",
      }),
    );
    const picks = ["a", "a", "a"].map((k) => partitionOnSend(state, context(utf8Key(k))));
    expect(picks).toEqual([0, 1, 2].map((partition) => ({ kind: "partition", partition })));
  });

  it("librdkafka default consistent_random: CRC-32 for keys, 10 ms sticky partition for NULL keys", () => {
    const config = defaultPartitionerConfig({ client: "librdkafka", name: "consistent_random" });
    expect(config).toEqual({ kind: "librdkafka", partitioner: "consistent_random", stickyLingerMs: 10 });
    const state = createPartitioner(config);
    expect(partitionOnSend(state, context(utf8Key("key1")))).toEqual({ kind: "partition", partition: 4 });
    expect(partitionOnSend(state, context(null))).toEqual({ kind: "partition", partition: 7 % 6 });
  });
});
