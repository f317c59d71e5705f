// AbstractStickyAssignor.allSubscriptionsEqual: picks the constrained or the general path and resolves
// which member really owns each previously owned partition.
//
// Members are visited in the leader's HashMap order, and that order matters:
// - a claim on a partition nobody claimed yet is kept;
// - a claim from the same generation as the current claimant invalidates the partition: it is removed from the
//   current claimant, recorded as having multiple previous owners, and the newcomer becomes the claimant
//   without keeping it (so a third same-generation claim also loses it);
// - a higher generation takes the partition over; a lower one is ignored. (Each member's own generation is
//   compared with the current claimant's Subscription.generationId, see member-data.ts.)
// Only partitions of topics that still exist are considered. "All subscriptions equal" compares raw topic
// lists as sets, and, as in Kafka, a member with an empty list re-seeds the reference set.

import { DEFAULT_GENERATION, removeFirst, type StickySubscription, type Tp } from "./model";

export interface OwnershipResolution {
  readonly allSubscriptionsEqual: boolean;
  /** member → still-valid owned partitions, in the members' HashMap order. */
  readonly consumerToOwnedPartitions: Map<string, Tp[]>;
  /** Keys of partitions claimed by two members of one generation. */
  readonly partitionsWithMultiplePreviousOwners: Set<string>;
  readonly maxGeneration: number;
}

export function resolveOwnership(
  existingTopics: ReadonlySet<string>,
  subscriptions: readonly StickySubscription[],
): OwnershipResolution {
  let allSubscriptionsEqual = true;
  const subscribedTopics = new Set<string>();
  const previousOwner = new Map<string, StickySubscription>();
  const consumerToOwnedPartitions = new Map<string, Tp[]>();
  const partitionsWithMultiplePreviousOwners = new Set<string>();
  let maxGeneration = DEFAULT_GENERATION;

  for (const subscription of subscriptions) {
    if (subscribedTopics.size === 0) {
      for (const topic of subscription.topics) subscribedTopics.add(topic);
    } else if (allSubscriptionsEqual && !sameTopicSet(subscription.topics, subscribedTopics)) {
      allSubscriptionsEqual = false;
    }
    const generation = subscription.generation;
    maxGeneration = Math.max(maxGeneration, generation);
    const owned: Tp[] = [];
    consumerToOwnedPartitions.set(subscription.memberId, owned);
    for (const tp of subscription.ownedPartitions) {
      if (!existingTopics.has(tp.topic)) continue;
      const other = previousOwner.get(tp.key);
      if (other === undefined) {
        owned.push(tp);
        previousOwner.set(tp.key, subscription);
      } else if (generation === other.subscriptionGeneration) {
        partitionsWithMultiplePreviousOwners.add(tp.key);
        removeFirst(consumerToOwnedPartitions.get(other.memberId)!, tp);
        previousOwner.set(tp.key, subscription);
      } else if (generation > other.subscriptionGeneration) {
        owned.push(tp);
        removeFirst(consumerToOwnedPartitions.get(other.memberId)!, tp);
        previousOwner.set(tp.key, subscription);
      }
    }
  }
  return {
    allSubscriptionsEqual,
    consumerToOwnedPartitions,
    partitionsWithMultiplePreviousOwners,
    maxGeneration,
  };
}

function sameTopicSet(topics: readonly string[], reference: ReadonlySet<string>): boolean {
  return topics.length === reference.size && topics.every((topic) => reference.has(topic));
}
