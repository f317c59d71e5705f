// Protects librdkafka's time-based sticky partition for NULL keys and its random partitioner, driven by simulated microseconds and injected randomness.

import { describe, expect, it } from "vitest";
import { utf8Key } from "./key-bytes.ts";
import {
  createLibrdkafkaStickyState,
  librdkafkaPartition,
  librdkafkaRandomPartition,
  librdkafkaStickyPartition,
} from "./librdkafka-partitioner.ts";
import type { NextInt, TopicMetadataView } from "./types.ts";

function sequential(start = 0): NextInt {
  let next = start;
  return () => next++;
}

const topic: TopicMetadataView = { partitionCount: 4, availablePartitions: [0, 1, 2, 3] };

describe("librdkafka sticky partition (rd_kafka_msg_sticky_partition)", () => {
  it("keeps one partition for sticky.partitioning.linger.ms, re-drawing only once strictly more time has passed", () => {
    const state = createLibrdkafkaStickyState();
    const nextInt = sequential();
    expect(librdkafkaStickyPartition(state, topic, 10, 0, nextInt)).toBe(0);
    expect(librdkafkaStickyPartition(state, topic, 10, 5_000, nextInt)).toBe(0);
    expect(librdkafkaStickyPartition(state, topic, 10, 10_000, nextInt)).toBe(0);
    expect(librdkafkaStickyPartition(state, topic, 10, 10_001, nextInt)).toBe(1);
    expect(state.lastDrawUs).toBe(10_001);
    expect(librdkafkaStickyPartition(state, topic, 10, 20_001, nextInt)).toBe(1);
    expect(librdkafkaStickyPartition(state, topic, 10, 20_002, nextInt)).toBe(2);
  });

  it("re-draws at once when the sticky partition loses its leader", () => {
    const state = createLibrdkafkaStickyState();
    const nextInt = sequential(2);
    expect(librdkafkaStickyPartition(state, topic, 10, 0, nextInt)).toBe(2);
    const withoutTwo: TopicMetadataView = { partitionCount: 4, availablePartitions: [0, 1, 3] };
    expect(librdkafkaStickyPartition(state, withoutTwo, 10, 1, nextInt)).toBe(3);
  });

  it("routes NULL keys of the default consistent_random to the sticky partition, keyed records by CRC-32", () => {
    const state = createLibrdkafkaStickyState();
    const nextInt = sequential(3);
    const send = (key: Uint8Array | null, nowUs: number) =>
      librdkafkaPartition(state, "consistent_random", 10, key, topic, nowUs, nextInt);
    expect([send(null, 0), send(utf8Key(""), 1_000), send(null, 9_000)]).toEqual([3, 3, 3]);
    expect(send(utf8Key("hejsan"), 9_500)).toBe(0xd077037e % 4);
    expect(send(null, 10_001)).toBe(0);
  });

  it("with sticky.partitioning.linger.ms=0, draws a fresh partition per NULL-key record", () => {
    const state = createLibrdkafkaStickyState();
    const nextInt = sequential();
    const picks = [0, 0, 0].map(() =>
      librdkafkaPartition(state, "murmur2_random", 0, null, topic, 0, nextInt),
    );
    expect(picks).toEqual([0, 1, 2]);
  });
});

describe("librdkafka random partitioner (rd_kafka_msg_partitioner_random)", () => {
  it("draws once more if the first draw has no leader, and keeps the second draw whatever it is", () => {
    const partial: TopicMetadataView = { partitionCount: 4, availablePartitions: [0, 2] };
    expect(librdkafkaRandomPartition(partial, sequential(1))).toBe(2);
    expect(librdkafkaRandomPartition(partial, sequential(3))).toBe(0);
    expect(librdkafkaRandomPartition({ partitionCount: 4, availablePartitions: [] }, sequential(1))).toBe(2);
  });

  it("gives keyed records of `random` a fresh draw each, ignoring the key", () => {
    const state = createLibrdkafkaStickyState();
    const nextInt = sequential();
    const key = utf8Key("same");
    const picks = [0, 1, 2].map((nowUs) =>
      librdkafkaPartition(state, "random", 10, key, topic, nowUs, nextInt),
    );
    expect(picks).toEqual([0, 1, 2]);
  });
});
