// How Kafka's client assignors see the group: AbstractPartitionAssignor.MemberInfo ordering and
// the shape of the input the leader builds in ConsumerCoordinator.onLeaderElected.

import { javaStringCompare, javaStringHashCode } from "../../core/java-hash";
import { javaHashMapKeyOrder } from "../../core/java-hashmap";
import type { AssignmentInput, AssignmentResult, MemberSubscription } from "./types";

/**
 * `MemberInfo.compareTo`: static members (with a group.instance.id) first, ordered by instance id;
 * then dynamic members by member id. Two static members with the same instance id compare equal
 * (the member id is not a tie-break), so callers sort stably over the leader's map order.
 */
export function compareMemberInfo(a: MemberSubscription, b: MemberSubscription): number {
  if (a.groupInstanceId !== null && b.groupInstanceId !== null) {
    return javaStringCompare(a.groupInstanceId, b.groupInstanceId);
  }
  if (a.groupInstanceId !== null) return -1;
  if (b.groupInstanceId !== null) return 1;
  return javaStringCompare(a.memberId, b.memberId);
}

/** `Utils.sorted(memberInfos)`: a stable sort with `compareMemberInfo`. */
export function sortMembers(members: readonly MemberSubscription[]): MemberSubscription[] {
  return [...members].sort(compareMemberInfo);
}

/** What AbstractPartitionAssignor.assign(Cluster, GroupSubscription) hands to the concrete assignor. */
/**
 * The order Java iterates a `new HashMap<>()` / `new HashSet<>()` of strings filled in this order:
 * the leader's subscription map and the assignor's topic set and map are all built that way.
 */
function javaHashOrder(keys: Iterable<string>): string[] {
  return javaHashMapKeyOrder(keys, javaStringHashCode);
}

export interface GroupSubscriptionView {
  /** One entry per member id, in the iteration order of the leader's HashMap<memberId, Subscription>. */
  readonly members: readonly MemberSubscription[];
  /** Subscribed topics that exist with at least one partition, in `partitionsPerTopic` HashMap order. */
  readonly topics: readonly string[];
  readonly partitionCounts: ReadonlyMap<string, number>;
}

/**
 * The leader puts each JoinGroup member into a HashMap keyed by member id (a repeated id keeps its
 * first slot and takes the later subscription). The assignor then gathers every subscribed topic
 * into a HashSet, walking members in that map's order, and keeps the topics the metadata knows
 * with a non-zero partition count in a HashMap: topics that do not exist are skipped.
 */
export function viewGroupSubscription(input: AssignmentInput): GroupSubscriptionView {
  const byMemberId = new Map<string, MemberSubscription>();
  for (const member of input.members) byMemberId.set(member.memberId, member);
  const members = javaHashOrder(byMemberId.keys()).map((id) => byMemberId.get(id)!);

  const existing = new Map<string, number>();
  for (const topic of input.topics) existing.set(topic.name, topic.partitions);

  const subscribedTopics = javaHashOrder(members.flatMap((m) => m.topics));
  const partitionCounts = new Map<string, number>();
  for (const topic of subscribedTopics) {
    const count = existing.get(topic);
    if (count !== undefined && count > 0) partitionCounts.set(topic, count);
  }
  return { members, topics: javaHashOrder(partitionCounts.keys()), partitionCounts };
}

/** An empty list for every member, keyed in input order (the Java map's order carries no meaning). */
export function emptyAssignment(input: AssignmentInput): AssignmentResult {
  const result: AssignmentResult = new Map();
  for (const member of input.members) result.set(member.memberId, []);
  return result;
}
