// The client half of the classic protocol (AbstractCoordinator / ConsumerCoordinator): find the
// coordinator, onJoinPrepare (auto-commit, then revoke everything for EAGER or keep what is owned
// for COOPERATIVE), JoinGroup with the MEMBER_ID_REQUIRED round trip, and how the member resets
// on errors. SyncGroup and onJoinComplete live in group-assignment.ts.
import { brokerActor, type SimContext } from "../context";
import { offsetsPartitionFor } from "../group/coordinator/placement";
import type { GroupError, GroupMessageBody } from "../group/protocol";
import { armGroupRequestTimeout, maybeAutoCommit, maybeFetchCommittedOffsets, sendCommit } from "./commits";
import { isRunning, removeFromAssignment } from "./fetcher";
import { sendSyncGroup } from "./group-assignment";
import { failConsumer } from "./lifecycle";
import { poll, wakeBlockedPoll } from "./poll";
import { type ConsumerState, tpKey } from "./types";

/** retry.backoff.max.ms: FindCoordinator retries back off to this. */
const COORDINATOR_RETRY_BACKOFF_MS = 1000;
/** AbstractCoordinator.JOIN_GROUP_TIMEOUT_LAPSE: a JoinGroup may wait for the whole rebalance timeout. */
const JOIN_GROUP_TIMEOUT_LAPSE_MS = 5000;

/** The coordinator's part of poll(): never blocks; the responses drive the protocol on. */
export function coordinatorPoll(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group!;
  if (group.coordinatorBrokerId === null) return lookupCoordinator(ctx, consumer);
  if (group.rejoinNeeded && (group.phase === "stable" || group.phase === "unjoined")) {
    startJoin(ctx, consumer);
  }
  maybeAutoCommit(ctx, consumer);
  maybeFetchCommittedOffsets(ctx, consumer);
}

export function lookupCoordinator(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group!;
  if (group.findCoordinatorInFlight) return;
  // The least loaded node: any broker that is up (the first one, simplified).
  const broker = [...ctx.state.brokers.values()].find((b) => b.up) ?? ctx.state.brokers.get(1)!;
  group.findCoordinatorInFlight = true;
  ctx.send(consumer.id, brokerActor(broker.id), {
    api: "FindCoordinatorRequest",
    key: group.groupId,
    keyType: "GROUP",
  });
  ctx.emit({
    type: "findCoordinatorSent",
    consumerId: consumer.id,
    groupId: group.groupId,
    brokerId: broker.id,
  });
  ctx.at(consumer.spec.config["request.timeout.ms"] * 1000, {
    type: "consumerCoordinatorRetry",
    consumerId: consumer.id,
    incarnation: consumer.incarnation,
  });
}

export function handleFindCoordinatorResponse(
  ctx: SimContext,
  consumer: ConsumerState,
  body: Extract<GroupMessageBody, { api: "FindCoordinatorResponse" }>,
): void {
  const group = consumer.group;
  if (!group?.findCoordinatorInFlight) return;
  group.findCoordinatorInFlight = false;
  if (body.error !== "NONE") {
    ctx.at(COORDINATOR_RETRY_BACKOFF_MS * 1000, {
      type: "consumerCoordinatorRetry",
      consumerId: consumer.id,
      incarnation: consumer.incarnation,
    });
    return;
  }
  group.coordinatorBrokerId = body.nodeId;
  ctx.emit({
    type: "coordinatorFound",
    consumerId: consumer.id,
    groupId: group.groupId,
    offsetsPartition: offsetsPartitionFor(body.key),
    coordinatorBrokerId: body.nodeId,
  });
  if (consumer.status === "waitingForData" || consumer.status === "starting") poll(ctx, consumer);
}

/** A timed-out FindCoordinator, or a retry after an error. */
export function retryCoordinatorLookup(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group;
  if (!group || !isRunning(consumer) || group.coordinatorBrokerId !== null) return;
  group.findCoordinatorInFlight = false;
  lookupCoordinator(ctx, consumer);
}

export function markCoordinatorUnknown(consumer: ConsumerState): void {
  const group = consumer.group!;
  group.coordinatorBrokerId = null;
  group.heartbeatRequestId = null;
  group.offsetFetchRequestId = null;
  if (group.phase === "joining" || group.phase === "syncing" || group.phase === "findingCoordinator") {
    group.phase = "unjoined";
    group.joinRequestId = null;
    group.syncRequestId = null;
    group.rejoinNeeded = true;
  }
}

export function requestRejoin(ctx: SimContext, consumer: ConsumerState, reason: string): void {
  const group = consumer.group!;
  group.rejoinNeeded = true;
  group.rejoinReason = reason;
  wakeBlockedPoll(ctx, consumer);
}

/** The member is no longer in the generation it thought (or no longer a member at all). */
export function resetGeneration(ctx: SimContext, consumer: ConsumerState, error: GroupError | "leave"): void {
  const group = consumer.group!;
  group.generationId = -1;
  if (error !== "ILLEGAL_GENERATION") group.memberId = "";
  group.phase = "unjoined";
  group.joinRequestId = null;
  group.syncRequestId = null;
  group.heartbeatEpoch++;
  requestRejoin(ctx, consumer, `member reset after ${error}`);
}

/** onJoinPrepare: the auto-commit is awaited first (eager members stop fetching meanwhile). */
export function startJoin(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group!;
  const autoCommit = consumer.spec.mode === "subscribe" && consumer.spec.config["enable.auto.commit"];
  if (autoCommit && group.phase === "stable" && group.generationId >= 0 && group.memberId !== "") {
    if (group.protocol === "EAGER") group.fetchSuspended = true;
    if (sendCommit(ctx, consumer, "beforeRebalance") !== null) {
      group.phase = "committingBeforeJoin";
      return;
    }
  }
  revokeBeforeJoin(ctx, consumer);
  sendJoinGroup(ctx, consumer, group.rejoinReason);
}

export function continueJoinAfterCommit(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group!;
  if (group.phase !== "committingBeforeJoin") return;
  revokeBeforeJoin(ctx, consumer);
  sendJoinGroup(ctx, consumer, group.rejoinReason);
}

/**
 * A reset generation means the partitions are already lost (onPartitionsLost); otherwise EAGER
 * revokes everything and COOPERATIVE keeps it all (subscriptions never change in the simulator).
 */
function revokeBeforeJoin(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group!;
  group.fetchSuspended = false;
  const owned = [...consumer.assigned];
  const lost = group.generationId < 0 || group.memberId === "";
  if (owned.length === 0 || (!lost && group.protocol === "COOPERATIVE")) return;
  ctx.emit({
    type: "partitionsRevoked",
    consumerId: consumer.id,
    groupId: group.groupId,
    protocol: group.protocol,
    partitions: owned,
    kind: lost ? "lost" : "revoked",
  });
  removeFromAssignment(consumer, new Set(owned.map(tpKey)));
}

export function sendJoinGroup(ctx: SimContext, consumer: ConsumerState, reason: string): void {
  const group = consumer.group!;
  if (group.coordinatorBrokerId === null || consumer.spec.mode !== "subscribe") return;
  const config = consumer.spec.config;
  group.phase = "joining";
  const requestId = consumer.nextRequestId++;
  group.joinRequestId = requestId;
  const ownedPartitions = consumer.assigned.map((tp) => ({ topic: tp.topic, partition: tp.partition }));
  ctx.send(consumer.id, brokerActor(group.coordinatorBrokerId), {
    api: "JoinGroupRequest",
    requestId,
    groupId: group.groupId,
    sessionTimeoutMs: config["session.timeout.ms"],
    rebalanceTimeoutMs: config["max.poll.interval.ms"],
    memberId: group.memberId,
    groupInstanceId: group.groupInstanceId,
    clientId: consumer.id,
    clientHost: consumer.clientHost,
    protocolType: "consumer",
    protocols: group.assignors.map((name) => ({
      name,
      metadata: {
        topics: [...consumer.topics],
        ownedPartitions,
        generationId: group.generationId,
        rackId: config["client.rack"],
      },
    })),
  });
  ctx.emit({
    type: "joinGroupSent",
    consumerId: consumer.id,
    groupId: group.groupId,
    memberId: group.memberId,
    groupInstanceId: group.groupInstanceId,
    protocols: group.assignors,
    ownedPartitions,
    generationId: group.generationId,
    reason,
  });
  const timeoutMs = Math.max(
    config["request.timeout.ms"],
    config["max.poll.interval.ms"] + JOIN_GROUP_TIMEOUT_LAPSE_MS,
  );
  armGroupRequestTimeout(ctx, consumer, requestId, timeoutMs);
}

const FATAL_JOIN_ERRORS: Partial<Record<GroupError, [string, string]>> = {
  INVALID_SESSION_TIMEOUT: [
    "InvalidSessionTimeoutException",
    "The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms).",
  ],
  INCONSISTENT_GROUP_PROTOCOL: [
    "InconsistentGroupProtocolException",
    "The group member's supported protocols are incompatible with those of existing members or first group member tried to join with empty protocol type or empty protocol list.",
  ],
  FENCED_INSTANCE_ID: [
    "FencedInstanceIdException",
    "The broker rejected this static consumer since another consumer with the same group.instance.id has registered with a different member.id.",
  ],
};

export function fatalGroupError(ctx: SimContext, consumer: ConsumerState, error: GroupError): boolean {
  const fatal = FATAL_JOIN_ERRORS[error];
  if (!fatal) return false;
  failConsumer(ctx, consumer, fatal[0], fatal[1]);
  return true;
}

export function handleJoinGroupResponse(
  ctx: SimContext,
  consumer: ConsumerState,
  body: Extract<GroupMessageBody, { api: "JoinGroupResponse" }>,
): void {
  const group = consumer.group;
  if (!group || group.joinRequestId !== body.requestId) return;
  group.joinRequestId = null;
  ctx.emit({
    type: "joinGroupResponded",
    consumerId: consumer.id,
    groupId: group.groupId,
    error: body.error,
    memberId: body.memberId,
    generationId: body.generationId,
    leader: body.leader,
    isLeader: body.error === "NONE" && body.leader === body.memberId,
    protocolName: body.protocolName,
    memberCount: body.members.length,
  });
  if (fatalGroupError(ctx, consumer, body.error)) return;
  switch (body.error) {
    case "NONE":
      group.memberId = body.memberId;
      group.generationId = body.generationId;
      group.protocolName = body.protocolName;
      group.leaderId = body.leader;
      return sendSyncGroup(ctx, consumer, body);
    case "MEMBER_ID_REQUIRED":
      group.memberId = body.memberId;
      return sendJoinGroup(ctx, consumer, "rejoining with the member id the coordinator assigned");
    case "UNKNOWN_MEMBER_ID":
      group.memberId = "";
      group.generationId = -1;
      return sendJoinGroup(ctx, consumer, "the coordinator did not know the member id");
    case "ILLEGAL_GENERATION":
      group.generationId = -1;
      return sendJoinGroup(ctx, consumer, "the generation was stale");
    case "REBALANCE_IN_PROGRESS":
      return sendJoinGroup(ctx, consumer, "retrying during a rebalance");
    default:
      markCoordinatorUnknown(consumer);
      lookupCoordinator(ctx, consumer);
  }
}
