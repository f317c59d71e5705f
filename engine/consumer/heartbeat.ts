// The consumer's background heartbeat thread: every heartbeat.interval.ms while the member is in a
// generation (syncing or stable), independent of the application's processing. It also enforces
// max.poll.interval.ms: when the application has not called poll() in time, a dynamic member
// sends LeaveGroup ("consumer poll timeout has expired."); a static one only resets, and is
// removed by its session timeout. Either way the member rejoins on its next poll().
import { brokerActor, type SimContext } from "../context";
import type { GroupMessageBody } from "../group/protocol";
import type { GroupTimerPayload } from "../group/timers";
import { isRunning } from "./fetcher";
import {
  fatalGroupError,
  lookupCoordinator,
  markCoordinatorUnknown,
  requestRejoin,
  resetGeneration,
} from "./group-client";
import type { ConsumerState } from "./types";

export function restartHeartbeat(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group!;
  group.heartbeatEpoch++;
  group.heartbeatRequestId = null;
  ctx.at(consumer.spec.mode === "subscribe" ? consumer.spec.config["heartbeat.interval.ms"] * 1000 : 0, {
    type: "consumerHeartbeatTick",
    consumerId: consumer.id,
    incarnation: consumer.incarnation,
    epoch: group.heartbeatEpoch,
  });
}

export function heartbeatTick(
  ctx: SimContext,
  consumer: ConsumerState,
  payload: Extract<GroupTimerPayload, { type: "consumerHeartbeatTick" }>,
): void {
  const group = consumer.group;
  if (!group || payload.incarnation !== consumer.incarnation || payload.epoch !== group.heartbeatEpoch)
    return;
  if (!isRunning(consumer) || consumer.spec.mode !== "subscribe") return;
  if (group.phase !== "syncing" && group.phase !== "stable") return;
  ctx.at(consumer.spec.config["heartbeat.interval.ms"] * 1000, payload);
  if (group.coordinatorBrokerId === null) return lookupCoordinator(ctx, consumer);
  if (group.heartbeatRequestId !== null) return;
  const requestId = consumer.nextRequestId++;
  group.heartbeatRequestId = requestId;
  ctx.send(consumer.id, brokerActor(group.coordinatorBrokerId), {
    api: "HeartbeatRequest",
    requestId,
    groupId: group.groupId,
    generationId: group.generationId,
    memberId: group.memberId,
    groupInstanceId: group.groupInstanceId,
  });
  ctx.emit({
    type: "heartbeatSent",
    consumerId: consumer.id,
    groupId: group.groupId,
    memberId: group.memberId,
    generationId: group.generationId,
  });
}

export function handleHeartbeatResponse(
  ctx: SimContext,
  consumer: ConsumerState,
  body: Extract<GroupMessageBody, { api: "HeartbeatResponse" }>,
): void {
  const group = consumer.group;
  if (!group || group.heartbeatRequestId !== body.requestId) return;
  group.heartbeatRequestId = null;
  ctx.emit({
    type: "heartbeatResponded",
    consumerId: consumer.id,
    groupId: group.groupId,
    memberId: group.memberId,
    generationId: group.generationId,
    error: body.error,
  });
  if (fatalGroupError(ctx, consumer, body.error)) return;
  switch (body.error) {
    case "NONE":
      return;
    case "REBALANCE_IN_PROGRESS":
      // While syncing the member has already rejoined this rebalance.
      if (group.phase === "stable") requestRejoin(ctx, consumer, "the group is rebalancing");
      return;
    case "ILLEGAL_GENERATION":
    case "UNKNOWN_MEMBER_ID":
      return resetGeneration(ctx, consumer, body.error);
    default:
      markCoordinatorUnknown(consumer);
  }
}

/** AbstractCoordinator.maybeLeaveGroup: only dynamic members send LeaveGroup; every member resets. */
export function maybeLeaveGroup(ctx: SimContext, consumer: ConsumerState, reason: string): void {
  const group = consumer.group!;
  if (
    group.groupInstanceId === null &&
    group.coordinatorBrokerId !== null &&
    group.phase !== "unjoined" &&
    group.memberId !== ""
  ) {
    ctx.send(consumer.id, brokerActor(group.coordinatorBrokerId), {
      api: "LeaveGroupRequest",
      requestId: consumer.nextRequestId++,
      groupId: group.groupId,
      members: [{ memberId: group.memberId, groupInstanceId: null, reason }],
    });
    ctx.emit({
      type: "leaveGroupSent",
      consumerId: consumer.id,
      groupId: group.groupId,
      memberId: group.memberId,
      reason,
    });
  }
  resetGeneration(ctx, consumer, "leave");
}

export function pollTimedOut(
  ctx: SimContext,
  consumer: ConsumerState,
  payload: Extract<GroupTimerPayload, { type: "consumerPollTimeout" }>,
): void {
  const group = consumer.group;
  if (!group || payload.incarnation !== consumer.incarnation || payload.pollEpoch !== group.pollEpoch) return;
  group.pollTimeoutSeq = null;
  if (consumer.status !== "processing" && consumer.status !== "committing") return;
  if (consumer.spec.mode !== "subscribe" || group.phase === "unjoined") return;
  ctx.emit({
    type: "pollTimeoutExpired",
    consumerId: consumer.id,
    groupId: group.groupId,
    maxPollIntervalMs: consumer.spec.config["max.poll.interval.ms"],
  });
  maybeLeaveGroup(ctx, consumer, "consumer poll timeout has expired.");
}
