// The working state of AbstractStickyAssignor.GeneralAssignmentBuilder, shared by its setup and its
// balancing phase, and the single place where a partition changes hands.

import { removeFirst, StickyAssignorStateError, type StickySubscription, type Tp } from "./model";
import type { PartitionMovements } from "./partition-movements";
import type { RackInfo } from "./rack-info";
import type { SortedMembers } from "./sorted-members";

export interface ConsumerGenerationPair {
  readonly consumer: string;
  readonly generation: number;
}

export interface GeneralState {
  readonly partitionsPerTopic: ReadonlyMap<string, number>;
  readonly rackInfo: RackInfo;
  readonly subscriptions: ReadonlyMap<string, StickySubscription>;
  /** topic → subscribed members, in the members' HashMap order (duplicates kept, as Kafka does). */
  readonly topic2AllPotentialConsumers: ReadonlyMap<string, readonly string[]>;
  /** member → its existing subscribed topics, in subscription order. */
  readonly consumer2AllPotentialTopics: ReadonlyMap<string, readonly string[]>;
  readonly consumerTopicSets: ReadonlyMap<string, ReadonlySet<string>>;
  /** member → partitions, in Kafka's list order; members outside the balancing scope are moved out. */
  readonly currentAssignment: Map<string, Tp[]>;
  /** partition key → current member. */
  readonly currentPartitionConsumer: Map<string, string>;
  readonly sortedCurrentSubscriptions: SortedMembers;
  readonly partitionMovements: PartitionMovements;
  /** partition key → the member that owned it in the newest older generation. */
  readonly prevAssignment: ReadonlyMap<string, ConsumerGenerationPair>;
  revocationRequired: boolean;
  /** Some member kept an owned partition number beyond its topic's count (see isBalancedLiterally). */
  ownsUnknownPartitions: boolean;
  /** member → how many partitions its existing topics have (Kafka's getMaxAssignmentSize). */
  readonly maxAssignmentSizes: ReadonlyMap<string, number>;
  /** Bumped on every change of an assignment, so checks that only read it can be memoized. */
  assignmentVersion: number;
  /** The last isBalanced answer and the version it was computed for. */
  balanceCheck: { readonly version: number; readonly balanced: boolean };
}

export function assignedCount(state: GeneralState, member: string): number {
  const partitions = state.currentAssignment.get(member);
  if (partitions === undefined) {
    // Kafka dereferences a member that is not in the balancing scope here and fails with a
    // NullPointerException; surface the same failure instead of inventing an answer.
    throw new StickyAssignorStateError(
      "NullPointerException",
      `AbstractStickyAssignor: member ${member} is not part of the current assignment`,
    );
  }
  return partitions.length;
}

/** processPartitionMovement: moves `tp` to `newConsumer`, keeping the sorted set and movements in step. */
export function movePartition(state: GeneralState, tp: Tp, newConsumer: string): void {
  const oldConsumer = state.currentPartitionConsumer.get(tp.key)!;
  state.sortedCurrentSubscriptions.delete(oldConsumer);
  state.sortedCurrentSubscriptions.delete(newConsumer);
  state.partitionMovements.movePartition(tp, oldConsumer, newConsumer);
  removeFirst(state.currentAssignment.get(oldConsumer)!, tp);
  state.currentAssignment.get(newConsumer)!.push(tp);
  state.currentPartitionConsumer.set(tp.key, newConsumer);
  state.sortedCurrentSubscriptions.add(newConsumer);
  state.sortedCurrentSubscriptions.add(oldConsumer);
  state.assignmentVersion++;
}

/** reassignPartition(partition, newConsumer): maybe moves a sibling back instead (see PartitionMovements). */
export function reassignPartitionTo(state: GeneralState, tp: Tp, newConsumer: string): void {
  const consumer = state.currentPartitionConsumer.get(tp.key)!;
  const toMove = state.partitionMovements.actualPartitionToBeMoved(tp, consumer, newConsumer);
  movePartition(state, toMove, newConsumer);
}
