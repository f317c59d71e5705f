// SyncGroup on the client: the leader runs the group's assignor over every member's subscription
// (ConsumerCoordinator.onLeaderElected), everyone sends SyncGroup, and onJoinComplete applies the
// result. COOPERATIVE: revoke only what was lost and, if anything was, rejoin at once for the
// follow-up rebalance that hands those partitions to their new owners.
import { brokerActor, type SimContext } from "../context";
import { getAssignor } from "../group/assignors/registry";
import type { MemberSubscription, TopicPartition } from "../group/assignors/types";
import type { GroupMessageBody } from "../group/protocol";
import { partitionKey, type SimState, topicPartitionCount } from "../state";
import { armGroupRequestTimeout } from "./commits";
import { removeFromAssignment } from "./fetcher";
import {
  fatalGroupError,
  lookupCoordinator,
  markCoordinatorUnknown,
  requestRejoin,
  resetGeneration,
} from "./group-client";
import { restartHeartbeat } from "./heartbeat";
import { poll, wakeBlockedPoll } from "./poll";
import { type ConsumerState, tpKey } from "./types";

type JoinGroupResponse = Extract<GroupMessageBody, { api: "JoinGroupResponse" }>;

/** onLeaderElected → performAssignment: the real assignor over the members in the order the leader got them. */
function performAssignment(ctx: SimContext, consumer: ConsumerState, body: JoinGroupResponse) {
  const members: MemberSubscription[] = body.members.map((m) => ({
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    rackId: m.metadata.rackId,
    topics: m.metadata.topics,
    ownedPartitions: m.metadata.ownedPartitions,
    generation: m.metadata.generationId < 0 ? null : m.metadata.generationId,
  }));
  const subscribed = new Set(members.flatMap((m) => m.topics));
  // The leader's metadata covers every topic any member subscribes to: its own cached counts for
  // its topics, the cluster's for the others (the leader fetches those in Kafka).
  const topics = ctx.state.scenario.cluster.topics
    .filter((t) => subscribed.has(t.name))
    .map((t) => ({ name: t.name, partitions: metadataPartitionCount(ctx, consumer, t.name) }));
  consumer.group!.assignmentSnapshot = Object.fromEntries(topics.map((t) => [t.name, t.partitions]));
  const partitionRacks = replicaRacks(ctx.state, topics);
  const result = getAssignor(body.protocolName!).assign({
    topics,
    members,
    ...(partitionRacks ? { partitionRacks } : {}),
  });
  const assignments = members.map((m) => ({
    memberId: m.memberId,
    partitions: result.get(m.memberId) ?? [],
  }));
  ctx.emit({
    type: "assignmentComputed",
    consumerId: consumer.id,
    groupId: consumer.group!.groupId,
    generationId: body.generationId,
    assignor: body.protocolName!,
    assignment: assignments,
  });
  return assignments;
}

/**
 * The racks of each partition's replicas, as the leader's Cluster metadata gives them (KIP-881):
 * `Node.rack` of every replica, for the partitions the leader knows. Replicas never move in the
 * simulator, so the cluster's layout is the leader's cached one. A broker that is down is not in a
 * Metadata response, so its rack is unknown (Kafka makes a rack-less Node for it). Null when no
 * broker has a rack: the assignors then stay rack-unaware, as with racks on no broker in Kafka.
 */
function replicaRacks(
  state: SimState,
  topics: readonly { name: string; partitions: number }[],
): Record<string, string[]> | null {
  const racks = new Map<number, string>();
  for (const b of state.scenario.cluster.brokers) {
    if (b.rack !== undefined && state.brokers.get(b.id)?.up) racks.set(b.id, b.rack);
  }
  if (!state.scenario.cluster.brokers.some((b) => b.rack !== undefined)) return null;
  const out: Record<string, string[]> = {};
  for (const t of topics) {
    for (let p = 0; p < t.partitions; p++) {
      const replicas = state.partitions.get(partitionKey(t.name, p))?.replicas ?? [];
      out[`${t.name}-${p}`] = [...new Set(replicas.flatMap((id) => racks.get(id) ?? []))];
    }
  }
  return out;
}

/** The partition count in the consumer's cached metadata (the cluster's when it has none for the topic). */
export function metadataPartitionCount(ctx: SimContext, consumer: ConsumerState, topic: string): number {
  if (consumer.leaders !== null && consumer.topics.includes(topic)) {
    let count = 0;
    for (const key of consumer.leaders.keys())
      if (key.startsWith(`${topic}-`) && /^\d+$/.test(key.slice(topic.length + 1))) count++;
    if (count > 0) return count;
  }
  return topicPartitionCount(ctx.state, topic);
}

/**
 * ConsumerCoordinator.rejoinNeededOrPending: the leader's assignmentSnapshot no longer matches its
 * metadata (a topic's partition count changed), so it asks to rejoin: "cached metadata has changed".
 */
export function rejoinIfMetadataChanged(ctx: SimContext, consumer: ConsumerState): void {
  const snapshot = consumer.group?.assignmentSnapshot;
  if (!snapshot) return;
  const changed = Object.entries(snapshot).filter(
    ([topic, count]) => metadataPartitionCount(ctx, consumer, topic) !== count,
  );
  if (changed.length === 0) return;
  const was = changed.map(([topic, count]) => `${topic}: ${count}`).join(", ");
  const now = changed
    .map(([topic]) => `${topic}: ${metadataPartitionCount(ctx, consumer, topic)}`)
    .join(", ");
  consumer.group!.assignmentSnapshot = null;
  requestRejoin(ctx, consumer, `cached metadata has changed from {${was}} to {${now}}`);
}

export function sendSyncGroup(ctx: SimContext, consumer: ConsumerState, body: JoinGroupResponse): void {
  const group = consumer.group!;
  const isLeader = body.leader === body.memberId;
  if (!isLeader) group.assignmentSnapshot = null;
  const assignments = isLeader && !body.skipAssignment ? performAssignment(ctx, consumer, body) : [];
  group.phase = "syncing";
  const requestId = consumer.nextRequestId++;
  group.syncRequestId = requestId;
  ctx.send(consumer.id, brokerActor(group.coordinatorBrokerId!), {
    api: "SyncGroupRequest",
    requestId,
    groupId: group.groupId,
    generationId: group.generationId,
    memberId: group.memberId,
    groupInstanceId: group.groupInstanceId,
    protocolName: group.protocolName,
    assignments,
  });
  ctx.emit({
    type: "syncGroupSent",
    consumerId: consumer.id,
    groupId: group.groupId,
    memberId: group.memberId,
    generationId: group.generationId,
    isLeader,
  });
  armGroupRequestTimeout(ctx, consumer, requestId);
  // The heartbeat thread runs from here (COMPLETING_REBALANCE) on.
  restartHeartbeat(ctx, consumer);
}

export function handleSyncGroupResponse(
  ctx: SimContext,
  consumer: ConsumerState,
  body: Extract<GroupMessageBody, { api: "SyncGroupResponse" }>,
): void {
  const group = consumer.group;
  if (!group || group.syncRequestId !== body.requestId) return;
  group.syncRequestId = null;
  ctx.emit({
    type: "syncGroupResponded",
    consumerId: consumer.id,
    groupId: group.groupId,
    error: body.error,
    memberId: group.memberId,
    generationId: group.generationId,
    assignment: body.assignment,
  });
  if (fatalGroupError(ctx, consumer, body.error)) return;
  switch (body.error) {
    case "NONE":
      return onJoinComplete(ctx, consumer, body.assignment);
    case "REBALANCE_IN_PROGRESS":
      group.phase = "unjoined";
      return requestRejoin(ctx, consumer, "the group started another rebalance during SyncGroup");
    case "UNKNOWN_MEMBER_ID":
    case "ILLEGAL_GENERATION":
      return resetGeneration(ctx, consumer, body.error);
    default:
      markCoordinatorUnknown(consumer);
      lookupCoordinator(ctx, consumer);
  }
}

function onJoinComplete(
  ctx: SimContext,
  consumer: ConsumerState,
  assignment: readonly TopicPartition[],
): void {
  const group = consumer.group!;
  group.phase = "stable";
  group.rejoinNeeded = false;
  group.joinedGenerations++;
  const assignedKeys = new Set(assignment.map(tpKey));
  const ownedKeys = new Set(consumer.assigned.map(tpKey));
  const revoked = consumer.assigned.filter((tp) => !assignedKeys.has(tpKey(tp)));
  const added = assignment.filter((tp) => !ownedKeys.has(tpKey(tp)));
  if (revoked.length > 0) {
    ctx.emit({
      type: "partitionsRevoked",
      consumerId: consumer.id,
      groupId: group.groupId,
      protocol: group.protocol,
      partitions: revoked,
      kind: "revoked",
    });
    removeFromAssignment(consumer, new Set(revoked.map(tpKey)));
  }
  for (const tp of added) {
    consumer.assigned.push({ topic: tp.topic, partition: tp.partition });
    consumer.positions.set(tpKey(tp), null);
    consumer.buffered.set(tpKey(tp), []);
  }
  ctx.emit({
    type: "partitionsAssigned",
    consumerId: consumer.id,
    groupId: group.groupId,
    generationId: group.generationId,
    partitions: added,
    assignment: [...consumer.assigned],
  });
  // The auto-commit timer restarts with the new assignment.
  if (consumer.spec.mode === "subscribe") {
    group.nextAutoCommitUs = ctx.state.nowUs + consumer.spec.config["auto.commit.interval.ms"] * 1000;
  }
  if (revoked.length > 0 && group.protocol === "COOPERATIVE") {
    requestRejoin(ctx, consumer, "need to revoke partitions and re-join");
  }
  rejoinIfMetadataChanged(ctx, consumer);
  if (consumer.status === "starting") poll(ctx, consumer);
  else wakeBlockedPoll(ctx, consumer);
}
