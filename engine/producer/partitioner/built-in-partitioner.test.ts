// Protects the Java built-in sticky partitioner: when it switches (batch.size with enableSwitch, 2× regardless), how it picks the next partition, and the adaptive CFT from BuiltInPartitionerTest.

import { describe, expect, it } from "vitest";
import {
  type CollectedQueueSizes,
  collectQueueSizes,
  computeLoadStats,
  type PartitionQueueEntry,
} from "./adaptive-load-stats.ts";
import {
  completeDeferredSwitch,
  createBuiltInPartitionerState,
  isPartitionChanged,
  nextStickyPartition,
  peekCurrentPartitionInfo,
  updatePartitionInfo,
  updatePartitionLoadStats,
} from "./built-in-partitioner.ts";
import type { NextInt, TopicMetadataView } from "./types.ts";

/** Kafka's tests mock the random source with a plain sequential integer. */
function sequential(start = 0): NextInt {
  let next = start;
  return () => next++;
}

const allAvailable = (partitionCount: number): TopicMetadataView => ({
  partitionCount,
  availablePartitions: Array.from({ length: partitionCount }, (_, p) => p),
});

describe("sticky switching (updatePartitionInfo)", () => {
  it("stays until batch.size bytes are produced, then switches (testStickyPartitioning)", () => {
    const state = createBuiltInPartitionerState(3);
    const topic = allAvailable(3);
    const nextInt = sequential();
    const first = peekCurrentPartitionInfo(state, topic, nextInt);
    for (let i = 0; i < 2; i++) {
      const ref = peekCurrentPartitionInfo(state, topic, nextInt);
      expect(ref.partition).toBe(first.partition);
      expect(updatePartitionInfo(state, ref, 1, topic, nextInt)).toBe(false);
    }
    expect(
      updatePartitionInfo(state, peekCurrentPartitionInfo(state, topic, nextInt), 1, topic, nextInt),
    ).toBe(true);
    expect(peekCurrentPartitionInfo(state, topic, nextInt).partition).not.toBe(first.partition);
  });

  it("does not switch at batch.size while the last batch is incomplete (enableSwitch=false)", () => {
    const state = createBuiltInPartitionerState(16384);
    const topic = allAvailable(6);
    const nextInt = sequential();
    const ref = peekCurrentPartitionInfo(state, topic, nextInt);
    expect(updatePartitionInfo(state, ref, 16384, topic, nextInt, false)).toBe(false);
    expect(updatePartitionInfo(state, ref, 16383, topic, nextInt, false)).toBe(false);
    expect(state.sticky?.producedBytes).toBe(32767);
  });

  it("switches at 2 × batch.size regardless of enableSwitch", () => {
    const state = createBuiltInPartitionerState(16384);
    const topic = allAvailable(6);
    const nextInt = sequential();
    const ref = peekCurrentPartitionInfo(state, topic, nextInt);
    updatePartitionInfo(state, ref, 16384, topic, nextInt, false);
    expect(updatePartitionInfo(state, ref, 16384, topic, nextInt, false)).toBe(true);
    expect(isPartitionChanged(state, ref)).toBe(true);
    expect(state.sticky?.producedBytes).toBe(0);
  });

  it("completes a deferred switch once the partition's batches are all full (partitionChanged)", () => {
    const state = createBuiltInPartitionerState(100);
    const topic = allAvailable(4);
    const nextInt = sequential();
    const ref = peekCurrentPartitionInfo(state, topic, nextInt);
    updatePartitionInfo(state, ref, 150, topic, nextInt, false);
    expect(completeDeferredSwitch(state, ref, false, topic, nextInt)).toBe(false);
    expect(completeDeferredSwitch(state, ref, true, topic, nextInt)).toBe(true);
    const fresh = peekCurrentPartitionInfo(state, topic, nextInt);
    expect(completeDeferredSwitch(state, fresh, true, topic, nextInt)).toBe(false);
  });

  it("refuses an update for a sticky partition that has since changed", () => {
    const state = createBuiltInPartitionerState(1);
    const topic = allAvailable(2);
    const nextInt = sequential();
    const ref = peekCurrentPartitionInfo(state, topic, nextInt);
    updatePartitionInfo(state, ref, 1, topic, nextInt);
    expect(() => updatePartitionInfo(state, ref, 1, topic, nextInt)).toThrow(/stale/);
  });

  it("keeps switching on a single-partition topic and rejects batch.size < 1", () => {
    const state = createBuiltInPartitionerState(1);
    const topic = allAvailable(1);
    const nextInt = sequential();
    for (let i = 0; i < 10; i++) {
      const ref = peekCurrentPartitionInfo(state, topic, nextInt);
      expect(ref.partition).toBe(0);
      updatePartitionInfo(state, ref, 1, topic, nextInt);
    }
    expect(() => createBuiltInPartitionerState(0)).toThrow(RangeError);
  });
});

describe("choosing the next partition without load stats", () => {
  it("draws uniformly over available partitions only (unavailablePartitionsTest)", () => {
    const topic: TopicMetadataView = { partitionCount: 3, availablePartitions: [0, 2] };
    const nextInt = sequential();
    const picks = Array.from({ length: 6 }, () => nextStickyPartition(null, topic, nextInt));
    expect(picks).toEqual([0, 2, 0, 2, 0, 2]);
  });

  it("falls back to random % all partitions when none has a leader", () => {
    const topic: TopicMetadataView = { partitionCount: 1, availablePartitions: [] };
    expect(nextStickyPartition(null, topic, sequential(5))).toBe(0);
    expect(nextStickyPartition(null, { partitionCount: 4, availablePartitions: [] }, sequential(7))).toBe(3);
  });

  it("masks the sign bit of the random int (toPositive), not Math.abs", () => {
    const topic = allAvailable(10);
    expect(nextStickyPartition(null, topic, () => -1)).toBe(2147483647 % 10);
    expect(nextStickyPartition(null, topic, () => -2147483648)).toBe(0);
  });
});

describe("adaptive partitioning (KIP-794)", () => {
  const fiveQueues: CollectedQueueSizes = {
    queueSizes: [5, 0, 3, 0, 1],
    partitionIds: [0, 1, 2, 3, 4],
    length: 5,
  };

  it("turns queue sizes [5,0,3,0,1] into the CFT [1,7,10,16,21]", () => {
    expect(computeLoadStats(fiveQueues)).toEqual({
      cumulativeFrequencyTable: [1, 7, 10, 16, 21],
      partitionIds: [0, 1, 2, 3, 4],
    });
  });

  it("picks each partition exactly 6 − queueSize times per 21 sequential draws (adaptivePartitionsTest)", () => {
    const state = createBuiltInPartitionerState(1);
    updatePartitionLoadStats(state, fiveQueues);
    const topic = allAvailable(5);
    const nextInt = sequential();
    const cycles = 3;
    const frequencies = [0, 0, 0, 0, 0];
    for (let i = 0; i < 21 * cycles; i++) {
      const ref = peekCurrentPartitionInfo(state, topic, nextInt);
      frequencies[ref.partition]!++;
      updatePartitionInfo(state, ref, 1, topic, nextInt);
    }
    expect(frequencies).toEqual([1, 6, 3, 6, 5].map((f) => f * cycles));
  });

  it("uses no stats when all queues are equal, or with fewer than 2 partitions", () => {
    expect(computeLoadStats({ queueSizes: [2, 2, 2], partitionIds: [0, 1, 2], length: 3 })).toBeNull();
    expect(computeLoadStats({ queueSizes: [4], partitionIds: [0], length: 1 })).toBeNull();
    expect(computeLoadStats({ queueSizes: [1, 2], partitionIds: [0, 1], length: 0 })).toBeNull();
    expect(computeLoadStats(null)).toBeNull();
  });

  it("still weighs equal queues when a partition was excluded", () => {
    expect(computeLoadStats({ queueSizes: [2, 2, 9], partitionIds: [0, 2, 1], length: 2 })).toEqual({
      cumulativeFrequencyTable: [1, 2],
      partitionIds: [0, 2],
    });
  });
});

describe("collecting queue sizes on ready() (RecordAccumulator.partitionReady)", () => {
  const entry = (partition: number, queuedBatches: number, extra: Partial<PartitionQueueEntry> = {}) => ({
    partition,
    leaderKnown: true,
    queuedBatches,
    leaderLatency: null,
    ...extra,
  });

  it("waits until every partition has a deque entry, and is off when adaptive is disabled", () => {
    expect(collectQueueSizes([entry(0, 1), entry(1, 2)], 3, true, 0)).toBeNull();
    expect(collectQueueSizes([entry(0, 1), entry(1, 2), entry(2, 0)], 3, false, 0)).toBeNull();
    expect(collectQueueSizes([entry(0, 1), entry(1, 2), entry(2, 0)], 3, true, 0)).toEqual({
      queueSizes: [1, 2, 0],
      partitionIds: [0, 1, 2],
      length: 3,
    });
  });

  it("leaves out partitions without a leader, which keeps adaptive on even for equal queues", () => {
    const collected = collectQueueSizes(
      [entry(0, 1), entry(1, 1, { leaderKnown: false }), entry(2, 1)],
      3,
      true,
      0,
    );
    expect(collected).toEqual({ queueSizes: [1, 1, 0], partitionIds: [0, 2, 0], length: 2 });
    expect(computeLoadStats(collected)).toEqual({ cumulativeFrequencyTable: [1, 2], partitionIds: [0, 2] });
  });

  it("excludes a leader that had data ready but undrained for longer than partitioner.availability.timeout.ms", () => {
    const slow = { readyTimeMs: 5000, drainTimeMs: 1000 };
    const entries = [entry(0, 2), entry(1, 3, { leaderLatency: slow }), entry(2, 1)];
    expect(collectQueueSizes(entries, 3, true, 3000)).toEqual({
      queueSizes: [2, 1, 0],
      partitionIds: [0, 2, 0],
      length: 2,
    });
    expect(collectQueueSizes(entries, 3, true, 0)?.length).toBe(3);
    expect(collectQueueSizes(entries, 3, true, 4000)?.length).toBe(3);
  });

  it("keeps Kafka's quirk: an empty deque after an excluded partition inherits its queue size", () => {
    const slow = { readyTimeMs: 5000, drainTimeMs: 0 };
    const entries = [entry(0, 1), entry(1, 4, { leaderLatency: slow }), entry(2, 0)];
    expect(collectQueueSizes(entries, 3, true, 1000)).toEqual({
      queueSizes: [1, 4, 0],
      partitionIds: [0, 2, 0],
      length: 2,
    });
  });
});
