// AbstractStickyAssignor.assignPartitions as the group leader runs it (ConsumerCoordinator.onLeaderElected
// → AbstractPartitionAssignor.assign): the shared core of "sticky" and "cooperative-sticky".
//
// The leader puts the JoinGroup members into a `new HashMap<>()` keyed by member id in the order it received
// them, and every member loop of the assignor follows that map's iteration order; it is emulated here so
// order-dependent outcomes (who keeps maxQuota, who wins a same-generation tie) match Kafka. Topics
// subscribed but absent from the metadata (or with no partitions) are skipped. How each member's ownership
// and generation are read depends on the assignor (member-data.ts).

import type { AssignmentInput, AssignmentResult, MemberSubscription } from "../types";
import { buildConstrainedAssignment } from "./constrained-builder";
import { buildGeneralAssignment } from "./general-builder";
import { leaderSubscriptions, type MemberDataSource } from "./member-data";
import { type StickySubscription, type Tp, TpPool } from "./model";
import { resolveOwnership } from "./owned-partitions";
import { buildRackInfo } from "./rack-info";

export interface StickyRun {
  /** member → assigned partitions in Kafka's list order, for every member. */
  readonly assignment: Map<string, Tp[]>;
  /** Constrained path: partition key → new member; null on the general path (Kafka's null too). */
  readonly partitionsTransferringOwnership: Map<string, string> | null;
  /** Members in the leader's HashMap order. */
  readonly subscriptions: readonly StickySubscription[];
}

export function runAbstractStickyAssignor(input: AssignmentInput, source: MemberDataSource): StickyRun {
  const pool = new TpPool();
  const subscriptions = leaderSubscriptions(input.members, pool, source);
  const partitionsPerTopic = subscribedPartitionCounts(input, subscriptions);
  const allPartitions: Tp[] = [];
  for (const [topic, count] of partitionsPerTopic) {
    for (let partition = 0; partition < count; partition++) allPartitions.push(pool.get(topic, partition));
  }
  const rackInfo = buildRackInfo(allPartitions, subscriptions, input.partitionRacks);
  const ownership = resolveOwnership(new Set(partitionsPerTopic.keys()), subscriptions);
  if (ownership.allSubscriptionsEqual) {
    const result = buildConstrainedAssignment({ pool, partitionsPerTopic, rackInfo, ...ownership });
    return { ...result, subscriptions };
  }
  const assignment = buildGeneralAssignment({
    pool,
    partitionsPerTopic,
    rackInfo,
    subscriptions,
    ...ownership,
  });
  return { assignment, partitionsTransferringOwnership: null, subscriptions };
}

/** partitionsPerTopic: subscribed topics that exist with at least one partition, sorted by name. */
function subscribedPartitionCounts(
  input: AssignmentInput,
  subscriptions: readonly StickySubscription[],
): Map<string, number> {
  const existing = new Map<string, number>();
  for (const topic of input.topics) {
    if (!existing.has(topic.name)) existing.set(topic.name, topic.partitions);
  }
  const subscribed = new Set(subscriptions.flatMap((subscription) => subscription.topics));
  const counts = new Map<string, number>();
  for (const topic of [...subscribed].sort()) {
    const count = existing.get(topic);
    if (count !== undefined && count > 0) counts.set(topic, count);
  }
  return counts;
}

/** The public result shape: input members in input order, each with its partitions in Kafka's order. */
export function toAssignmentResult(
  members: readonly MemberSubscription[],
  assignment: ReadonlyMap<string, readonly Tp[]>,
): AssignmentResult {
  const result: AssignmentResult = new Map();
  for (const member of members) {
    if (result.has(member.memberId)) continue;
    const partitions = assignment.get(member.memberId) ?? [];
    result.set(
      member.memberId,
      partitions.map((tp) => ({ topic: tp.topic, partition: tp.partition })),
    );
  }
  return result;
}
