// RangeAssignor's per-topic bookkeeping (Kafka's private TopicAssignmentState): the topic's sorted
// subscribers, which partitions are still unassigned, and the range quota of each subscriber.

import { sortMembers } from "./member-order";
import { consumerRack, replicaRacksOfTopic, shouldUseRackAwareAssignment } from "./rack-aware";
import type { AssignmentInput, AssignmentResult, MemberSubscription } from "./types";

export interface RangeConsumer {
  readonly memberId: string;
  /** Non-empty `client.rack`, or null. */
  readonly rack: string | null;
}

export interface TopicAssignmentState {
  readonly topic: string;
  readonly partitionCount: number;
  /** Subscribers in MemberInfo order; indexes into this array identify consumers below. */
  readonly consumers: readonly RangeConsumer[];
  /** Replica racks per partition; empty when no subscriber has a rack, as in Kafka. */
  readonly partitionRacks: readonly ReadonlySet<string>[];
  readonly needsRackAwareAssignment: boolean;
  readonly assigned: Uint8Array;
  unassignedCount: number;
  /** Every partition below this index is assigned; lets "first k unassigned" scans resume. */
  firstMaybeUnassigned: number;
  readonly numAssignedByConsumer: Int32Array;
  readonly numPartitionsPerConsumer: number;
  remainingConsumersWithExtraPartition: number;
}

/**
 * Builds the state for one topic. `subscribers` are in the leader's map order and may repeat a
 * member that listed the topic twice; Kafka sorts them stably and keeps the first of each id.
 */
export function createTopicState(
  input: AssignmentInput,
  topic: string,
  partitionCount: number,
  subscribers: readonly MemberSubscription[],
  preferRackAwareLogic: boolean,
): TopicAssignmentState {
  const seen = new Set<string>();
  const consumers: RangeConsumer[] = [];
  for (const member of sortMembers(subscribers)) {
    if (seen.has(member.memberId)) continue;
    seen.add(member.memberId);
    consumers.push({ memberId: member.memberId, rack: consumerRack(member) });
  }
  const consumerRacks = new Set<string>();
  for (const c of consumers) if (c.rack !== null) consumerRacks.add(c.rack);
  const partitionRacks = consumerRacks.size > 0 ? replicaRacksOfTopic(input, topic, partitionCount) : [];
  const allPartitionRacks = new Set<string>();
  for (const racks of partitionRacks) for (const rack of racks) allPartitionRacks.add(rack);

  const count = consumers.length;
  return {
    topic,
    partitionCount,
    consumers,
    partitionRacks,
    needsRackAwareAssignment: shouldUseRackAwareAssignment(
      consumerRacks,
      allPartitionRacks,
      partitionRacks,
      preferRackAwareLogic,
    ),
    assigned: new Uint8Array(partitionCount),
    unassignedCount: partitionCount,
    firstMaybeUnassigned: 0,
    numAssignedByConsumer: new Int32Array(count),
    numPartitionsPerConsumer: count === 0 ? 0 : Math.floor(partitionCount / count),
    remainingConsumersWithExtraPartition: count === 0 ? 0 : partitionCount % count,
  };
}

/** How many more partitions of this topic consumer `ci` may take: the range quota, extra included while any remain. */
export function maxAssignable(state: TopicAssignmentState, ci: number): number {
  const extra = state.remainingConsumersWithExtraPartition > 0 ? 1 : 0;
  return Math.max(0, state.numPartitionsPerConsumer + extra - state.numAssignedByConsumer[ci]!);
}

/** Kafka's `racksMatch`: a consumer without a rack matches every partition. */
export function racksMatch(state: TopicAssignmentState, ci: number, partition: number): boolean {
  const rack = state.consumers[ci]!.rack;
  return rack === null || (state.partitionRacks[partition]?.has(rack) ?? false);
}

/**
 * Gives `partitions` to consumer `ci` (appended to its list in this order). A consumer pushed past
 * `numPartitionsPerConsumer` uses up one of the topic's extra partitions.
 */
export function assignPartitions(
  state: TopicAssignmentState,
  ci: number,
  partitions: readonly number[],
  result: AssignmentResult,
): void {
  const consumer = state.consumers[ci]!;
  const list = result.get(consumer.memberId)!;
  for (const p of partitions) {
    list.push({ topic: state.topic, partition: p });
    state.assigned[p] = 1;
  }
  state.unassignedCount -= partitions.length;
  const numAssigned = state.numAssignedByConsumer[ci]! + partitions.length;
  state.numAssignedByConsumer[ci] = numAssigned;
  if (numAssigned > state.numPartitionsPerConsumer) state.remainingConsumersWithExtraPartition--;
}

/** The first `limit` unassigned partitions in partition order (does not assign them). */
export function firstUnassigned(state: TopicAssignmentState, limit: number): number[] {
  while (state.firstMaybeUnassigned < state.partitionCount && state.assigned[state.firstMaybeUnassigned]) {
    state.firstMaybeUnassigned++;
  }
  const picked: number[] = [];
  for (let p = state.firstMaybeUnassigned; p < state.partitionCount && picked.length < limit; p++) {
    if (!state.assigned[p]) picked.push(p);
  }
  return picked;
}

/**
 * Kafka's `assignRanges` with no rack filter: each consumer in order takes the next unassigned
 * partitions up to its quota. On a fresh topic this is the classic contiguous split where the first
 * `P % C` consumers get one extra partition.
 */
export function assignRanges(state: TopicAssignmentState, result: AssignmentResult): void {
  for (let ci = 0; ci < state.consumers.length; ci++) {
    if (state.unassignedCount === 0) break;
    const picked = firstUnassigned(state, maxAssignable(state, ci));
    if (picked.length > 0) assignPartitions(state, ci, picked, result);
  }
}
