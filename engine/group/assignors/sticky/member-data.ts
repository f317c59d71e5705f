// AbstractStickyAssignor.memberData(Subscription) as each assignor implements it, and the leader's
// `Map<String, Subscription>` the assignor iterates.
//
// - StickyAssignor (eager) reads ownership only from the userData its member wrote: the partitions grouped
//   by topic (CollectionUtils.groupPartitionsByTopic, a HashMap filled with computeIfAbsent), so they come
//   back topic by topic in that map's order, each topic's partitions in the member's order; and the
//   generation exactly as written (the V0 layout, from clients before 2.3, has none).
// - CooperativeStickyAssignor reads the subscription's ownedPartitions and generationId, which
//   `Subscription` reports as absent when negative.
// Either way, when one member's claim is compared with another's, the other's generation is read from its
// Subscription.generationId (absent, so −1, when negative). A generation below −1 is the one case where the
// two differ; a real client never writes one, the `sim assign` CLI accepts it.

import { javaStringHashCode } from "../../../core/java-hash";
import { JavaHashMap } from "../../../core/java-hashmap";
import type { MemberSubscription, TopicPartition } from "../types";
import { DEFAULT_GENERATION, type StickySubscription, type TpPool } from "./model";

/** Where the assignor reads a member's ownership from. */
export type MemberDataSource = "userData" | "subscription";

/** The leader's HashMap of members: a later duplicate id replaces the value, keeping the slot. */
export function leaderSubscriptions(
  members: readonly MemberSubscription[],
  pool: TpPool,
  source: MemberDataSource,
): StickySubscription[] {
  const byMember = new JavaHashMap<string, MemberSubscription>(javaStringHashCode, (id) => id);
  for (const member of members) byMember.set(member.memberId, member);
  return [...byMember.entries()].map(([memberId, member]) => {
    const owned = source === "userData" ? groupedByTopic(member.ownedPartitions) : member.ownedPartitions;
    const subscriptionGeneration = toSubscriptionGeneration(member.generation);
    return {
      memberId,
      topics: member.topics,
      ownedPartitions: owned.map((tp) => pool.get(tp.topic, tp.partition)),
      generation: source === "userData" ? (member.generation ?? DEFAULT_GENERATION) : subscriptionGeneration,
      subscriptionGeneration,
      rackId: member.rackId,
    };
  });
}

function toSubscriptionGeneration(generation: number | null): number {
  return generation === null || generation < 0 ? DEFAULT_GENERATION : generation;
}

function groupedByTopic(partitions: readonly TopicPartition[]): TopicPartition[] {
  const byTopic = new JavaHashMap<string, TopicPartition[]>(javaStringHashCode, (topic) => topic);
  for (const tp of partitions) byTopic.computeIfAbsent(tp.topic, () => []).push(tp);
  return [...byTopic.entries()].flatMap(([, grouped]) => grouped);
}
