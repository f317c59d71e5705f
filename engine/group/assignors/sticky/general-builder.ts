// AbstractStickyAssignor.GeneralAssignmentBuilder, setup half: the path taken when members subscribe to
// different topics. It keeps every still-valid owned partition (dropping those of unsubscribed topics and,
// when rack-aware, those on the wrong rack), remembers who owned each partition in the newest older
// generation (prevAssignment, the preferred target when a partition must move), and lists the partitions
// still to place in Kafka's order: topics by how few members can take them, then by name, partitions
// ascending. general-balance.ts then places and balances them.

import { javaStringCompare } from "../../../core/java-hash";
import { balance } from "./general-balance";
import type { ConsumerGenerationPair, GeneralState } from "./general-state";
import type { StickySubscription, Tp, TpPool } from "./model";
import { PartitionMovements } from "./partition-movements";
import { type RackInfo, racksMismatch } from "./rack-info";
import { SortedMembers } from "./sorted-members";

export interface GeneralInput {
  readonly pool: TpPool;
  readonly partitionsPerTopic: ReadonlyMap<string, number>;
  readonly rackInfo: RackInfo;
  /** Members in the leader's HashMap order. */
  readonly subscriptions: readonly StickySubscription[];
  /** member → valid owned partitions (from resolveOwnership). */
  readonly consumerToOwnedPartitions: Map<string, Tp[]>;
  readonly maxGeneration: number;
}

export function buildGeneralAssignment(input: GeneralInput): Map<string, Tp[]> {
  const state = createState(input);
  const sortedAllPartitions = sortedPartitions(input, state.topic2AllPotentialConsumers);
  const assigned = assignOwnedPartitions(state);
  const unassigned = unassignedPartitions(state, sortedAllPartitions, assigned);
  for (const member of state.currentAssignment.keys()) state.sortedCurrentSubscriptions.add(member);
  balance(state, sortedAllPartitions, unassigned);
  return state.currentAssignment;
}

function createState(input: GeneralInput): GeneralState {
  const topic2AllPotentialConsumers = new Map<string, string[]>();
  for (const topic of input.partitionsPerTopic.keys()) topic2AllPotentialConsumers.set(topic, []);
  const consumer2AllPotentialTopics = new Map<string, string[]>();
  const consumerTopicSets = new Map<string, Set<string>>();
  const currentAssignment = input.consumerToOwnedPartitions;
  for (const subscription of input.subscriptions) {
    const topics = subscription.topics.filter((topic) => input.partitionsPerTopic.has(topic));
    consumer2AllPotentialTopics.set(subscription.memberId, topics);
    consumerTopicSets.set(subscription.memberId, new Set(topics));
    for (const topic of topics) topic2AllPotentialConsumers.get(topic)!.push(subscription.memberId);
    if (!currentAssignment.has(subscription.memberId)) currentAssignment.set(subscription.memberId, []);
  }
  const currentPartitionConsumer = new Map<string, string>();
  for (const [member, partitions] of currentAssignment) {
    for (const tp of partitions) currentPartitionConsumer.set(tp.key, member);
  }
  let totalPartitions = 0;
  for (const count of input.partitionsPerTopic.values()) totalPartitions += count;
  return {
    partitionsPerTopic: input.partitionsPerTopic,
    rackInfo: input.rackInfo,
    subscriptions: new Map(input.subscriptions.map((subscription) => [subscription.memberId, subscription])),
    topic2AllPotentialConsumers,
    consumer2AllPotentialTopics,
    consumerTopicSets,
    currentAssignment,
    currentPartitionConsumer,
    sortedCurrentSubscriptions: new SortedMembers((member) => currentAssignment.get(member)!.length),
    partitionMovements: new PartitionMovements(),
    prevAssignment: previousAssignment(input),
    revocationRequired: false,
    ownsUnknownPartitions: false,
    maxAssignmentSizes: maxAssignmentSizes(
      input.partitionsPerTopic,
      totalPartitions,
      consumer2AllPotentialTopics,
    ),
    assignmentVersion: 0,
    balanceCheck: { version: -1, balanced: false },
  };
}

/** getMaxAssignmentSize: a member listing as many topics as exist is taken to subscribe to all of them. */
function maxAssignmentSizes(
  partitionsPerTopic: ReadonlyMap<string, number>,
  totalPartitions: number,
  consumer2AllPotentialTopics: ReadonlyMap<string, readonly string[]>,
): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [member, topics] of consumer2AllPotentialTopics) {
    let size = 0;
    if (topics.length === partitionsPerTopic.size) size = totalPartitions;
    else for (const topic of topics) size += partitionsPerTopic.get(topic)!;
    sizes.set(member, size);
  }
  return sizes;
}

function sortedPartitions(input: GeneralInput, topicConsumers: ReadonlyMap<string, readonly string[]>): Tp[] {
  const topics = [...topicConsumers.keys()].sort(
    (a, b) => topicConsumers.get(a)!.length - topicConsumers.get(b)!.length || javaStringCompare(a, b),
  );
  const partitions: Tp[] = [];
  for (const topic of topics) {
    const count = input.partitionsPerTopic.get(topic)!;
    for (let partition = 0; partition < count; partition++) partitions.push(input.pool.get(topic, partition));
  }
  return partitions;
}

/**
 * prepopulateCurrentAssignments: for members behind the highest generation, their claims (all of them, as
 * reported) become the partition's previous owner; the newest older generation wins, and among equal
 * generations the member met first in HashMap order.
 */
function previousAssignment(input: GeneralInput): Map<string, ConsumerGenerationPair> {
  const prevAssignment = new Map<string, ConsumerGenerationPair>();
  for (const subscription of input.subscriptions) {
    if (subscription.generation >= input.maxGeneration) continue;
    for (const tp of subscription.ownedPartitions) {
      const existing = prevAssignment.get(tp.key);
      if (existing === undefined || subscription.generation > existing.generation) {
        prevAssignment.set(tp.key, { consumer: subscription.memberId, generation: subscription.generation });
      }
    }
  }
  return prevAssignment;
}

/** Drops owned partitions the member may no longer keep; returns the ones it keeps. */
function assignOwnedPartitions(state: GeneralState): Tp[] {
  const assigned: Tp[] = [];
  for (const [member, partitions] of state.currentAssignment) {
    const subscription = state.subscriptions.get(member)!;
    const kept = partitions.filter((tp) => {
      if (!state.topic2AllPotentialConsumers.has(tp.topic)) {
        state.currentPartitionConsumer.delete(tp.key);
        return false;
      }
      if (!subscription.topics.includes(tp.topic) || racksMismatch(state.rackInfo, member, tp)) {
        state.revocationRequired = true;
        return false;
      }
      return true;
    });
    partitions.splice(0, partitions.length, ...kept);
    assigned.push(...kept);
    if (kept.some((tp) => tp.partition < 0 || tp.partition >= state.partitionsPerTopic.get(tp.topic)!)) {
      state.ownsUnknownPartitions = true;
    }
  }
  return assigned;
}

/** Kafka's two-pointer difference between all partitions and the kept ones, both in PartitionComparator order. */
function unassignedPartitions(state: GeneralState, sortedAllPartitions: Tp[], assigned: Tp[]): Tp[] {
  if (assigned.length === 0) return sortedAllPartitions;
  const consumers = state.topic2AllPotentialConsumers;
  const sortedAssigned = [...assigned].sort(
    (a, b) =>
      consumers.get(a.topic)!.length - consumers.get(b.topic)!.length ||
      javaStringCompare(a.topic, b.topic) ||
      a.partition - b.partition,
  );
  const unassigned: Tp[] = [];
  let next = 0;
  let addDirectly = false;
  for (const tp of sortedAllPartitions) {
    if (addDirectly || sortedAssigned[next]!.key !== tp.key) {
      unassigned.push(tp);
    } else if (next + 1 < sortedAssigned.length) {
      next++;
    } else {
      addDirectly = true;
    }
  }
  return unassigned;
}
