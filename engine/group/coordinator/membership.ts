// Liveness on the coordinator: Heartbeat with Kafka's error order, LeaveGroup, and the timers that
// remove members (session expiry, the 5-minute new-member join timeout, unused pending ids), plus
// the join and sync timeouts of a rebalance.
import { brokerActor, type SimContext } from "../../context";
import type { GroupError, GroupMessageBody } from "../protocol";
import type { GroupTimerPayload } from "../timers";
import { groupCoordinatorConfig } from "./config";
import {
  completeJoin,
  deleteMember,
  maybeCompleteJoinPhase,
  prepareRebalance,
  removeMemberAndUpdateGroup,
  rescheduleHeartbeat,
} from "./rebalance";
import type { ClassicGroupMember } from "./types";

type HeartbeatRequest = Extract<GroupMessageBody, { api: "HeartbeatRequest" }>;
type LeaveGroupRequest = Extract<GroupMessageBody, { api: "LeaveGroupRequest" }>;

/** classicGroupHeartbeat: Dead, unknown member, fenced instance, generation, then by state. */
export function handleHeartbeat(
  ctx: SimContext,
  brokerId: number,
  actor: string,
  request: HeartbeatRequest,
): void {
  const respond = (error: GroupError) =>
    void ctx.send(brokerActor(brokerId), actor, {
      api: "HeartbeatResponse",
      requestId: request.requestId,
      error,
    });
  const group = ctx.state.groupCoordinator.groups.get(request.groupId);
  if (!group) return respond("UNKNOWN_MEMBER_ID");
  if (group.coordinatorBrokerId !== brokerId) return respond("NOT_COORDINATOR");
  if (group.state === "Dead") return respond("COORDINATOR_NOT_AVAILABLE");
  const member = group.members.get(request.memberId);
  if (!member) return respond("UNKNOWN_MEMBER_ID");
  if (member.groupInstanceId !== request.groupInstanceId) return respond("FENCED_INSTANCE_ID");
  if (request.generationId !== group.generationId) return respond("ILLEGAL_GENERATION");
  switch (group.state) {
    case "Empty":
      return respond("UNKNOWN_MEMBER_ID");
    case "PreparingRebalance":
      // The session stays alive, but the member must rejoin.
      rescheduleHeartbeat(ctx, group, member, member.sessionTimeoutMs);
      return respond("REBALANCE_IN_PROGRESS");
    case "CompletingRebalance":
    case "Stable":
      rescheduleHeartbeat(ctx, group, member, member.sessionTimeoutMs);
      return respond("NONE");
  }
}

export function handleLeaveGroup(
  ctx: SimContext,
  brokerId: number,
  actor: string,
  request: LeaveGroupRequest,
): void {
  const respond = (error: GroupError) =>
    void ctx.send(brokerActor(brokerId), actor, {
      api: "LeaveGroupResponse",
      requestId: request.requestId,
      error,
    });
  const group = ctx.state.groupCoordinator.groups.get(request.groupId);
  if (!group) return respond("UNKNOWN_MEMBER_ID");
  if (group.coordinatorBrokerId !== brokerId) return respond("NOT_COORDINATOR");
  if (group.state === "Dead") return respond("COORDINATOR_NOT_AVAILABLE");
  let error: GroupError = "NONE";
  for (const identity of request.members) {
    if (group.pendingMembers.includes(identity.memberId)) {
      group.pendingMembers = group.pendingMembers.filter((id) => id !== identity.memberId);
      maybeCompleteJoinPhase(ctx, group);
      continue;
    }
    const member =
      identity.groupInstanceId !== null
        ? [...group.members.values()].find((m) => m.groupInstanceId === identity.groupInstanceId)
        : group.members.get(identity.memberId);
    if (!member) {
      error = "UNKNOWN_MEMBER_ID";
      continue;
    }
    if (
      identity.groupInstanceId !== null &&
      identity.memberId !== "" &&
      identity.memberId !== member.memberId
    ) {
      error = "FENCED_INSTANCE_ID";
      continue;
    }
    removeMemberAndUpdateGroup(
      ctx,
      group,
      member,
      identity.reason.includes("poll timeout") ? "pollTimeout" : "leftGroup",
    );
  }
  respond(error);
}

/** A member's heartbeat deadline passed. Members waiting in a rebalance (not new ones) stay alive. */
function expireMember(ctx: SimContext, groupId: string, member: ClassicGroupMember, epoch: number): void {
  const group = ctx.state.groupCoordinator.groups.get(groupId)!;
  if (member.heartbeatEpoch !== epoch || ctx.state.nowUs < member.heartbeatDeadlineUs) return;
  if (!member.isNew && (member.awaitingJoin || member.awaitingSync)) return;
  removeMemberAndUpdateGroup(ctx, group, member, member.isNew ? "newMemberJoinTimeout" : "sessionTimeout");
}

export function fireCoordinatorTimer(ctx: SimContext, payload: GroupTimerPayload): void {
  const group = "groupId" in payload ? ctx.state.groupCoordinator.groups.get(payload.groupId) : undefined;
  if (!group) return;
  switch (payload.type) {
    case "groupMemberExpiry": {
      const member = group.members.get(payload.memberId);
      if (member) expireMember(ctx, group.groupId, member, payload.epoch);
      return;
    }
    case "groupPendingMemberExpiry":
      if (!group.pendingMembers.includes(payload.memberId)) return;
      group.pendingMembers = group.pendingMembers.filter((id) => id !== payload.memberId);
      ctx.emit({
        type: "memberRemoved",
        groupId: group.groupId,
        memberId: payload.memberId,
        clientId: "",
        reason: "pendingMemberExpired",
      });
      if (group.state === "PreparingRebalance") maybeCompleteJoinPhase(ctx, group);
      return;
    case "groupJoinTimeout":
      if (payload.epoch === group.joinTimerEpoch) completeJoin(ctx, group);
      return;
    case "groupInitialRebalanceDelay":
      if (payload.epoch !== group.joinTimerEpoch) return;
      if (group.newMemberAdded && payload.remainingMs !== 0) {
        // Someone joined during the delay: wait once more, never beyond the rebalance timeout.
        group.newMemberAdded = false;
        const configuredMs = groupCoordinatorConfig(ctx.state.scenario.cluster)[
          "group.initial.rebalance.delay.ms"
        ];
        const delayMs = Math.min(configuredMs, payload.remainingMs);
        const remainingMs = Math.max(payload.remainingMs - payload.delayMs, 0);
        ctx.at(delayMs * 1000, { ...payload, delayMs, remainingMs });
        return;
      }
      completeJoin(ctx, group);
      return;
    case "groupSyncTimeout": {
      if (payload.epoch !== group.syncTimerEpoch || payload.generationId !== group.generationId) return;
      if (group.state !== "CompletingRebalance" && group.state !== "Stable") return;
      if (group.pendingSyncMembers.length === 0) return;
      const late = group.pendingSyncMembers.map((id) => group.members.get(id)).filter((m) => m !== undefined);
      for (const member of late) deleteMember(ctx, group, member, "didNotSync");
      prepareRebalance(
        ctx,
        group,
        `removing ${late.map((m) => m.memberId).join(", ")} on pending sync expiration`,
      );
      return;
    }
    default:
      return;
  }
}
