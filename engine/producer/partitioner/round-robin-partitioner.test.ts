// Protects RoundRobinPartitioner: one step per record over available partitions in 4.x, and the optional pre-4.0 double advance on new batches.

import { describe, expect, it } from "vitest";
import {
  createRoundRobinState,
  roundRobinOnNewBatch,
  roundRobinPartition,
} from "./round-robin-partitioner.ts";
import type { TopicMetadataView } from "./types.ts";

const sixPartitions: TopicMetadataView = { partitionCount: 6, availablePartitions: [0, 1, 2, 3, 4, 5] };

/** KafkaProducer.doSend with abortOnNewBatch: every record here opens a new batch (linger.ms=0). */
function sendOpeningNewBatch(
  state: ReturnType<typeof createRoundRobinState>,
  topic: TopicMetadataView,
): number {
  const first = roundRobinPartition(state, topic);
  roundRobinOnNewBatch(state, first);
  return roundRobinPartition(state, topic);
}

describe("RoundRobinPartitioner", () => {
  it("steps through available partitions, skipping ones without a leader", () => {
    const state = createRoundRobinState();
    const topic: TopicMetadataView = { partitionCount: 4, availablePartitions: [0, 2, 3] };
    expect(Array.from({ length: 6 }, () => roundRobinPartition(state, topic))).toEqual([0, 2, 3, 0, 2, 3]);
  });

  it("uses all partitions when none is available", () => {
    const state = createRoundRobinState();
    const topic: TopicMetadataView = { partitionCount: 3, availablePartitions: [] };
    expect(Array.from({ length: 4 }, () => roundRobinPartition(state, topic))).toEqual([0, 1, 2, 0]);
  });

  it("4.x (KAFKA-17632): a record that opens a new batch keeps its first partition, so all 6 partitions get data", () => {
    const state = createRoundRobinState();
    expect(Array.from({ length: 6 }, () => sendOpeningNewBatch(state, sixPartitions))).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
  });

  it("pre-4.0 bug: the retry advances the counter again, so only odd partitions of 6 get data", () => {
    const state = createRoundRobinState(true);
    expect(Array.from({ length: 6 }, () => sendOpeningNewBatch(state, sixPartitions))).toEqual([
      1, 3, 5, 1, 3, 5,
    ]);
  });

  it("wraps the Java int counter and masks its sign bit", () => {
    const state = createRoundRobinState();
    state.counter = 2147483647;
    expect(roundRobinPartition(state, sixPartitions)).toBe(2147483647 % 6);
    expect(state.counter).toBe(-2147483648);
    expect(roundRobinPartition(state, sixPartitions)).toBe(0);
  });
});
