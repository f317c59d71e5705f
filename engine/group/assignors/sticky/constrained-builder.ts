// AbstractStickyAssignor.ConstrainedAssignmentBuilder (Kafka 3.8+, after KAFKA-15170): the path taken when
// every member subscribes to the same topics. Quotas are minQuota = ⌊P/C⌋ and maxQuota = ⌈P/C⌉, with exactly
// P mod C members at maxQuota.
//
// 1. Owned partitions (rack-matching ones only when rack-aware), sorted by (partition, topic), are kept up to
//    a quota, visiting members in the leader's HashMap order: a member owning ≥ maxQuota keeps maxQuota while
//    maxQuota slots remain, otherwise it keeps minQuota (and may still grow to maxQuota later); the rest are
//    "maybe revoked". A member owning < minQuota keeps everything and is "unfilled".
// 2. When rack-aware, unassigned partitions go round-robin to rack-matching unfilled members, within the
//    same quotas: a member reaching maxQuota counts towards the P mod C, and once they are all used no
//    member at minQuota takes another.
// 3. The rest go round-robin over the unfilled members (sorted by member id) up to minQuota, then one each to
//    members at minQuota (also sorted by id) until the maxQuota slots are used.
// Each partition a member gave up (rack mismatch or over quota) is recorded with that member. A newly assigned
// partition that another member gave up, or that several members claimed, is recorded in
// partitionsTransferringOwnership, which the cooperative assignor withholds for one round; a member taking
// back a partition it gave up itself keeps it.

import { javaStringCompare } from "../../../core/java-hash";
import {
  compareByPartitionThenTopic,
  compareByTopicThenPartition,
  StickyAssignorStateError,
  type Tp,
  type TpPool,
} from "./model";
import { nextRackConsumer, type RackInfo, racksMismatch, sortPartitionsByRackConsumers } from "./rack-info";

export interface ConstrainedInput {
  readonly pool: TpPool;
  readonly partitionsPerTopic: ReadonlyMap<string, number>;
  readonly rackInfo: RackInfo;
  /** member → valid owned partitions, in the members' HashMap order. */
  readonly consumerToOwnedPartitions: ReadonlyMap<string, readonly Tp[]>;
  readonly partitionsWithMultiplePreviousOwners: ReadonlySet<string>;
}

export interface ConstrainedResult {
  readonly assignment: Map<string, Tp[]>;
  /** partition key → the member it moves to. */
  readonly partitionsTransferringOwnership: Map<string, string>;
}

interface State {
  readonly input: ConstrainedInput;
  readonly minQuota: number;
  readonly maxQuota: number;
  readonly expectedNumMembersWithOverMinQuota: number;
  currentNumMembersWithOverMinQuota: number;
  readonly assignment: Map<string, Tp[]>;
  readonly assignedPartitions: Tp[];
  /** partition key → the member that gave it up (rack mismatch or over quota): Kafka's maybeRevokedPartitions. */
  readonly maybeRevokedPartitions: Map<string, string>;
  readonly unfilledUnderMinQuota: string[];
  readonly unfilledExactlyMinQuota: string[];
  readonly partitionsTransferringOwnership: Map<string, string>;
}

export function buildConstrainedAssignment(input: ConstrainedInput): ConstrainedResult {
  let totalPartitions = 0;
  for (const count of input.partitionsPerTopic.values()) totalPartitions += count;
  const numberOfConsumers = input.consumerToOwnedPartitions.size;
  const state: State = {
    input,
    minQuota: Math.floor(totalPartitions / numberOfConsumers),
    maxQuota: Math.ceil(totalPartitions / numberOfConsumers),
    expectedNumMembersWithOverMinQuota: totalPartitions % numberOfConsumers,
    currentNumMembersWithOverMinQuota: 0,
    assignment: new Map([...input.consumerToOwnedPartitions.keys()].map((member) => [member, []])),
    assignedPartitions: [],
    maybeRevokedPartitions: new Map(),
    unfilledUnderMinQuota: [],
    unfilledExactlyMinQuota: [],
    partitionsTransferringOwnership: new Map(),
  };
  assignOwnedPartitions(state);
  let unassigned = unassignedPartitions(state);
  state.unfilledUnderMinQuota.sort(javaStringCompare);
  state.unfilledExactlyMinQuota.sort(javaStringCompare);
  unassigned = sortPartitionsByRackConsumers(input.rackInfo, unassigned);
  unassigned = assignRackAwareRoundRobin(state, unassigned);
  assignRoundRobin(state, unassigned);
  verifyUnfilledMembers(state);
  return {
    assignment: state.assignment,
    partitionsTransferringOwnership: state.partitionsTransferringOwnership,
  };
}

function assignOwnedPartitions(state: State): void {
  const { rackInfo, partitionsWithMultiplePreviousOwners } = state.input;
  for (const [consumer, claimed] of state.input.consumerToOwnedPartitions) {
    const sorted = claimed
      .filter((tp) => {
        const mismatch = racksMismatch(rackInfo, consumer, tp);
        if (mismatch) state.maybeRevokedPartitions.set(tp.key, consumer);
        return !mismatch;
      })
      .sort(compareByPartitionThenTopic);
    // Each doubly claimed partition loses its first occurrence, like List.remove(Object) in Kafka's loop.
    const dropped = new Set<string>();
    const owned = sorted.filter((tp) => {
      if (!partitionsWithMultiplePreviousOwners.has(tp.key) || dropped.has(tp.key)) return true;
      dropped.add(tp.key);
      return false;
    });
    const kept = keepOwnedUpToQuota(state, consumer, owned);
    state.assignment.get(consumer)!.push(...kept);
    state.assignedPartitions.push(...kept);
    for (const tp of owned.slice(kept.length)) state.maybeRevokedPartitions.set(tp.key, consumer);
  }
}

function keepOwnedUpToQuota(state: State, consumer: string, owned: Tp[]): Tp[] {
  if (owned.length < state.minQuota) {
    state.unfilledUnderMinQuota.push(consumer);
    return owned;
  }
  if (owned.length >= state.maxQuota && hasOverMinQuotaSlots(state)) {
    countMemberOverMinQuota(state);
    return owned.slice(0, state.maxQuota);
  }
  if (hasOverMinQuotaSlots(state)) state.unfilledExactlyMinQuota.push(consumer);
  return owned.slice(0, state.minQuota);
}

/**
 * All partitions (topics by name, partitions ascending) minus the kept ones, computed with Kafka's
 * two-pointer walk over the kept partitions sorted the same way.
 */
function unassignedPartitions(state: State): Tp[] {
  const { pool, partitionsPerTopic } = state.input;
  const sortedTopics = [...partitionsPerTopic.keys()].sort(javaStringCompare);
  const assigned = [...state.assignedPartitions].sort(compareByTopicThenPartition);
  const unassigned: Tp[] = [];
  let next = 0;
  let addDirectly = assigned.length === 0;
  for (const topic of sortedTopics) {
    const count = partitionsPerTopic.get(topic)!;
    for (let partition = 0; partition < count; partition++) {
      const candidate = assigned[next];
      if (
        addDirectly ||
        candidate === undefined ||
        candidate.topic !== topic ||
        candidate.partition !== partition
      ) {
        unassigned.push(pool.get(topic, partition));
      } else if (next + 1 < assigned.length) {
        next++;
      } else {
        addDirectly = true;
      }
    }
  }
  return unassigned;
}

function assignNewPartition(state: State, tp: Tp, consumer: string): number {
  const consumerAssignment = state.assignment.get(consumer)!;
  consumerAssignment.push(tp);
  // Given up by another member (not by this one, which may take back a partition it owned on the wrong
  // rack), or claimed by several: the cooperative assignor withholds it for one round.
  const revokedFrom = state.maybeRevokedPartitions.get(tp.key);
  if (
    (revokedFrom !== undefined && revokedFrom !== consumer) ||
    state.input.partitionsWithMultiplePreviousOwners.has(tp.key)
  ) {
    state.partitionsTransferringOwnership.set(tp.key, consumer);
  }
  return consumerAssignment.length;
}

/** Step 2: rack-matching round robin; returns the partitions it could not place. */
function assignRackAwareRoundRobin(state: State, unassigned: Tp[]): Tp[] {
  const { rackInfo } = state.input;
  if (rackInfo.consumerRacks.size === 0) return unassigned;
  const underMin = state.unfilledUnderMinQuota;
  const remaining: Tp[] = [];
  let nextUnfilledIndex = 0;
  for (const tp of unassigned) {
    let consumer: string | undefined;
    let nextIndex = nextRackConsumer(rackInfo, tp, underMin, nextUnfilledIndex);
    if (nextIndex >= 0) {
      consumer = underMin[nextIndex]!;
      const assignmentCount = state.assignment.get(consumer)!.length + 1;
      if (assignmentCount >= state.minQuota) {
        underMin.splice(underMin.indexOf(consumer), 1);
        // At minQuota it may take one more only while fewer than the expected members are over minQuota.
        if (assignmentCount < state.maxQuota && hasOverMinQuotaSlots(state)) {
          state.unfilledExactlyMinQuota.push(consumer);
        }
      } else {
        nextIndex++;
      }
      nextUnfilledIndex = underMin.length === 0 ? 0 : nextIndex % underMin.length;
    } else if (state.unfilledExactlyMinQuota.length > 0) {
      const firstIndex = nextRackConsumer(rackInfo, tp, state.unfilledExactlyMinQuota, 0);
      if (firstIndex >= 0) {
        consumer = state.unfilledExactlyMinQuota[firstIndex]!;
        if (state.assignment.get(consumer)!.length + 1 === state.maxQuota) {
          state.unfilledExactlyMinQuota.splice(firstIndex, 1);
          countMemberOverMinQuota(state);
        }
      }
    }
    if (consumer === undefined) remaining.push(tp);
    else assignNewPartition(state, tp, consumer);
  }
  return remaining;
}

function hasOverMinQuotaSlots(state: State): boolean {
  return state.currentNumMembersWithOverMinQuota < state.expectedNumMembersWithOverMinQuota;
}

/** A member reached maxQuota; once the expected number has, members at minQuota count as filled. */
function countMemberOverMinQuota(state: State): void {
  state.currentNumMembersWithOverMinQuota++;
  if (state.currentNumMembersWithOverMinQuota === state.expectedNumMembersWithOverMinQuota) {
    state.unfilledExactlyMinQuota.length = 0;
  }
}

/** Step 3, with the LinkedList iterator over the under-minQuota members emulated (cursor + last returned). */
function assignRoundRobin(state: State, unassigned: readonly Tp[]): void {
  const underMin = state.unfilledUnderMinQuota;
  let cursor = 0;
  let lastReturned = -1;
  for (const tp of unassigned) {
    let consumer: string;
    if (cursor < underMin.length) {
      lastReturned = cursor;
      consumer = underMin[cursor++]!;
    } else if (underMin.length === 0 && state.unfilledExactlyMinQuota.length === 0) {
      throw new StickyAssignorStateError(
        "IllegalStateException",
        "No more unfilled consumers to be assigned.",
      );
    } else if (underMin.length === 0) {
      consumer = state.unfilledExactlyMinQuota.shift()!;
    } else {
      lastReturned = 0;
      cursor = 1;
      consumer = underMin[0]!;
    }
    const assignedCount = assignNewPartition(state, tp, consumer);
    if (assignedCount === state.minQuota) {
      if (lastReturned < 0)
        throw new StickyAssignorStateError("IllegalStateException", "Iterator.remove() without next()");
      underMin.splice(lastReturned, 1);
      cursor = lastReturned;
      lastReturned = -1;
      state.unfilledExactlyMinQuota.push(consumer);
    } else if (assignedCount === state.maxQuota) {
      state.currentNumMembersWithOverMinQuota++;
    }
  }
}

function verifyUnfilledMembers(state: State): void {
  if (state.unfilledUnderMinQuota.length === 0) return;
  if (state.currentNumMembersWithOverMinQuota !== state.expectedNumMembersWithOverMinQuota) {
    throw new StickyAssignorStateError(
      "IllegalStateException",
      "We haven't reached the expected number of members with more than the minQuota partitions, " +
        "but no more partitions to be assigned",
    );
  }
  for (const member of state.unfilledUnderMinQuota) {
    if (state.assignment.get(member)!.length !== state.minQuota) {
      throw new StickyAssignorStateError(
        "IllegalStateException",
        `Consumer: [${member}] doesn't reach minQuota partitions, and no more partitions to be assigned`,
      );
    }
  }
}
