// AbstractStickyAssignor.GeneralAssignmentBuilder, balancing half (balance / performReassignments).
//
// 1. Each unplaced partition goes to the member with the fewest partitions (ties: smallest id) that
//    subscribes to its topic; when rack-aware, a rack-matching member is tried first.
// 2. Topics with a single possible member, and members that could not change anything, leave the scope.
// 3. Reassignment passes: while the assignment is not balanced, walk the partitions (first only the newly
//    placed ones, unless a subscription change already forces revocations; then all) and move a partition
//    whose member has 2+ more partitions than its previous owner back to that owner, or else, when some
//    subscriber has 2+ fewer partitions than its member, to the least loaded subscriber.
// 4. If this was not the very first assignment and the second walk moved anything without lowering the
//    balance score (Σ |size difference| over member pairs, in Java int arithmetic), everything reverts.

import { assignedCount, type GeneralState, reassignPartitionTo } from "./general-state";
import { StickyAssignorStateError, type Tp } from "./model";
import { racksMismatch } from "./rack-info";

export function balance(state: GeneralState, sortedAllPartitions: Tp[], unassigned: Tp[]): void {
  const lastMember = state.sortedCurrentSubscriptions.last();
  const initializing = lastMember === undefined || state.currentAssignment.get(lastMember)!.length === 0;
  if (state.rackInfo.consumerRacks.size > 0) {
    const remaining = unassigned.filter((tp) => !maybeAssignPartition(state, tp, true));
    for (const tp of remaining) maybeAssignPartition(state, tp, false);
  } else {
    for (const tp of unassigned) maybeAssignPartition(state, tp, false);
  }

  const isFixedTopic = (topic: string) => state.topic2AllPotentialConsumers.get(topic)!.length < 2;
  const reassignable = sortedAllPartitions.filter((tp) => !isFixedTopic(tp.topic));
  const reassignableUnassigned = unassigned.filter((tp) => !isFixedTopic(tp.topic));
  const fixedAssignments = new Map<string, Tp[]>();
  for (const member of state.consumer2AllPotentialTopics.keys()) {
    if (!canConsumerParticipateInReassignment(state, member)) {
      state.sortedCurrentSubscriptions.delete(member);
      fixedAssignments.set(member, state.currentAssignment.get(member)!);
      state.currentAssignment.delete(member);
      state.assignmentVersion++;
    }
  }

  const preBalanceAssignment = copyAssignment(state.currentAssignment);
  const preBalancePartitionConsumers = new Map(state.currentPartitionConsumer);
  if (!state.revocationRequired) performReassignments(state, reassignableUnassigned);
  const reassignmentPerformed = performReassignments(state, reassignable);
  if (
    !initializing &&
    reassignmentPerformed &&
    balanceScore(state.currentAssignment) >= balanceScore(preBalanceAssignment)
  ) {
    state.currentAssignment.clear();
    for (const [member, partitions] of preBalanceAssignment) state.currentAssignment.set(member, partitions);
    state.currentPartitionConsumer.clear();
    for (const [key, member] of preBalancePartitionConsumers) state.currentPartitionConsumer.set(key, member);
    state.assignmentVersion++;
  }
  for (const [member, partitions] of fixedAssignments) {
    state.currentAssignment.set(member, partitions);
    state.sortedCurrentSubscriptions.add(member);
  }
}

/** maybeAssignPartition: the least loaded subscriber (rack-matching when `matchRack`) takes `tp`. */
function maybeAssignPartition(state: GeneralState, tp: Tp, matchRack: boolean): boolean {
  for (const member of state.sortedCurrentSubscriptions) {
    if (!state.consumerTopicSets.get(member)!.has(tp.topic)) continue;
    if (matchRack && racksMismatch(state.rackInfo, member, tp)) continue;
    state.sortedCurrentSubscriptions.delete(member);
    state.currentAssignment.get(member)!.push(tp);
    state.currentPartitionConsumer.set(tp.key, member);
    state.sortedCurrentSubscriptions.add(member);
    state.assignmentVersion++;
    return true;
  }
  return false;
}

function maxAssignmentSize(state: GeneralState, member: string): number {
  return state.maxAssignmentSizes.get(member)!;
}

function canConsumerParticipateInReassignment(state: GeneralState, member: string): boolean {
  const partitions = state.currentAssignment.get(member)!;
  if (partitions.length < maxAssignmentSize(state, member)) return true;
  return partitions.some((tp) => state.topic2AllPotentialConsumers.get(tp.topic)!.length >= 2);
}

/**
 * performReassignments; returns whether anything moved. Passes repeat only while some partition moved, and a
 * move normally goes to a member 2+ partitions lighter; since PartitionMovements may swap in a sibling from
 * another member, that is not a proof of termination. Kafka's loop has no bound here (the one place where
 * its assignor could spin forever), so the port keeps a move budget, far above anything observed; running
 * out is reported as Kafka's "endless loop" and answered by sticky-fallback.ts instead of hanging.
 */
function performReassignments(state: GeneralState, partitions: readonly Tp[]): boolean {
  let reassignmentPerformed = false;
  let movesLeft = 4 * (partitions.length + 1) * (state.currentAssignment.size + 1) + 1024;
  let modified: boolean;
  do {
    modified = false;
    for (let i = 0; i < partitions.length && !isBalanced(state); i++) {
      const tp = partitions[i]!;
      const member = state.currentPartitionConsumer.get(tp.key);
      if (member === undefined)
        throw new StickyAssignorStateError(
          "NullPointerException",
          `AbstractStickyAssignor: ${tp.key} has no consumer`,
        );
      const size = assignedCount(state, member);
      const previous = state.prevAssignment.get(tp.key);
      let target: string | undefined;
      if (previous !== undefined && size > assignedCount(state, previous.consumer) + 1) {
        target = previous.consumer;
      } else if (hasSubscriberSmallerBy2(state, tp.topic, size)) {
        target = leastLoadedSubscriber(state, tp.topic);
      }
      if (target === undefined) continue;
      if (--movesLeft < 0)
        throw new StickyAssignorStateError("endless loop", "sticky assignor: reassignment did not converge");
      reassignPartitionTo(state, tp, target);
      reassignmentPerformed = true;
      modified = true;
    }
  } while (modified);
  return reassignmentPerformed;
}

/**
 * Kafka first looks for such a subscriber on the partition's rack, then anywhere, and either way moves
 * the partition to the least loaded subscriber regardless of rack; so only "anywhere" decides.
 */
function hasSubscriberSmallerBy2(state: GeneralState, topic: string, size: number): boolean {
  return state.topic2AllPotentialConsumers
    .get(topic)!
    .some((other) => size > assignedCount(state, other) + 1);
}

function leastLoadedSubscriber(state: GeneralState, topic: string): string {
  for (const member of state.sortedCurrentSubscriptions) {
    if (state.consumerTopicSets.get(member)!.has(topic)) return member;
  }
  throw new StickyAssignorStateError(
    "NullPointerException",
    `AbstractStickyAssignor: no consumer for topic ${topic}`,
  );
}

/**
 * isBalanced: sizes differ by at most one, or no member could take a partition of one of its topics from a
 * member holding 2+ more. Kafka scans every (member, subscribed partition), skipping members that hold as
 * many partitions as they could ever get; per topic that is the same as comparing the largest holder with
 * the smallest non-skipped subscriber, which is what this does in O(P + Σ topics). The skip matters: a
 * partition moved back to its previous owner may sit with a member no longer subscribed to its topic, so
 * "as many as it could get" does not imply "all it could get".
 */
/** Kafka re-checks balance before every partition; the answer only changes when a partition moves. */
function isBalanced(state: GeneralState): boolean {
  if (state.balanceCheck.version !== state.assignmentVersion) {
    state.balanceCheck = { version: state.assignmentVersion, balanced: computeIsBalanced(state) };
  }
  return state.balanceCheck.balanced;
}

function computeIsBalanced(state: GeneralState): boolean {
  const sorted = state.sortedCurrentSubscriptions;
  const first = sorted.first();
  const last = sorted.last();
  if (first === undefined || last === undefined) return true;
  if (assignedCount(state, first) >= assignedCount(state, last) - 1) return true;
  if (state.ownsUnknownPartitions) return isBalancedLiterally(state);
  const smallestSubscriber = new Map<string, number>();
  for (const member of sorted) {
    const size = assignedCount(state, member);
    if (size === maxAssignmentSize(state, member)) continue;
    for (const topic of state.consumer2AllPotentialTopics.get(member)!) {
      const current = smallestSubscriber.get(topic);
      if (current === undefined || size < current) smallestSubscriber.set(topic, size);
    }
  }
  for (const member of sorted) {
    const size = assignedCount(state, member);
    for (const tp of state.currentAssignment.get(member)!) {
      const smallest = smallestSubscriber.get(tp.topic);
      if (smallest !== undefined && size > smallest + 1) return false;
    }
  }
  return true;
}

/**
 * Kafka's scan as written. Needed only when a member kept an owned partition number the topic no longer
 * has: Kafka's two-pointer difference then hands some partitions out twice, and with a partition held twice
 * the per-topic shortcut is no longer equivalent (Kafka's partition → member map keeps the last holder).
 */
function isBalancedLiterally(state: GeneralState): boolean {
  const holders = new Map<string, string>();
  for (const [member, partitions] of state.currentAssignment) {
    for (const tp of partitions) holders.set(tp.key, member);
  }
  for (const member of state.sortedCurrentSubscriptions) {
    const held = new Set(state.currentAssignment.get(member)!.map((tp) => tp.key));
    const size = assignedCount(state, member);
    if (size === maxAssignmentSize(state, member)) continue;
    for (const topic of state.consumer2AllPotentialTopics.get(member)!) {
      for (let partition = 0; partition < state.partitionsPerTopic.get(topic)!; partition++) {
        const key = `${topic}-${partition}`;
        if (held.has(key)) continue;
        const holder = holders.get(key);
        if (holder === undefined)
          throw new StickyAssignorStateError(
            "NullPointerException",
            `AbstractStickyAssignor: ${key} has no consumer`,
          );
        if (size + 1 < assignedCount(state, holder)) return false;
      }
    }
  }
  return true;
}

/** getBalanceScore, wrapped to a Java int like Kafka's `int score`. */
function balanceScore(assignment: ReadonlyMap<string, readonly Tp[]>): number {
  const sizes = [...assignment.values()].map((partitions) => partitions.length).sort((a, b) => a - b);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) score += sizes[i]! * (2 * i - sizes.length + 1);
  return Number(BigInt.asIntN(32, BigInt(score)));
}

function copyAssignment(assignment: ReadonlyMap<string, readonly Tp[]>): Map<string, Tp[]> {
  return new Map([...assignment].map(([member, partitions]) => [member, [...partitions]]));
}
