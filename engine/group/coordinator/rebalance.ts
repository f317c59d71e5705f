// The classic group's rebalance state machine (GroupMetadataManager's prepareRebalance,
// completeClassicGroupJoin, the initial rebalance delay, the sync timeout). Small guarded rules:
// each checks the group's state before acting, and the timers re-check their epoch.
import { brokerActor, type SimContext } from "../../context";
import { javaStringHashCode } from "../../core/java-hash";
import { javaHashMapKeyOrder } from "../../core/java-hashmap";
import type { AssignorName } from "../assignors/types";
import type { MemberRemovalReason } from "../events";
import type { GroupError } from "../protocol";
import { groupCoordinatorConfig } from "./config";
import {
  type ClassicGroupMember,
  type ClassicGroupState,
  type ClassicGroupStateName,
  memberMapOrder,
} from "./types";

export function transitionTo(
  ctx: SimContext,
  group: ClassicGroupState,
  to: ClassicGroupStateName,
  reason: string,
): void {
  const from = group.state;
  group.previousState = from;
  group.state = to;
  group.stateSinceUs = ctx.state.nowUs;
  ctx.emit({
    type: "groupStateChanged",
    groupId: group.groupId,
    from,
    to,
    generationId: group.generationId,
    reason,
  });
}

/** ClassicGroup.rebalanceTimeoutMs: the largest rebalance timeout (max.poll.interval.ms) of any member. */
export function groupRebalanceTimeoutMs(group: ClassicGroupState): number {
  let timeoutMs = 0;
  for (const member of group.members.values()) timeoutMs = Math.max(timeoutMs, member.rebalanceTimeoutMs);
  return timeoutMs;
}

export function hasAllMembersJoined(group: ClassicGroupState): boolean {
  let awaiting = 0;
  for (const member of group.members.values()) if (member.awaitingJoin) awaiting++;
  return awaiting === group.members.size && group.pendingMembers.length === 0;
}

/** The session deadline moves; one lazy timer per member re-arms itself when it fires early. */
export function rescheduleHeartbeat(
  ctx: SimContext,
  group: ClassicGroupState,
  member: ClassicGroupMember,
  timeoutMs: number,
): void {
  member.heartbeatDeadlineUs = ctx.state.nowUs + timeoutMs * 1000;
  member.heartbeatEpoch++;
  ctx.at(timeoutMs * 1000, {
    type: "groupMemberExpiry",
    groupId: group.groupId,
    memberId: member.memberId,
    epoch: member.heartbeatEpoch,
  });
}

function respondSync(
  ctx: SimContext,
  group: ClassicGroupState,
  member: ClassicGroupMember,
  error: GroupError,
) {
  if (!member.awaitingSync) return;
  ctx.send(brokerActor(group.coordinatorBrokerId), member.awaitingSync.actor, {
    api: "SyncGroupResponse",
    requestId: member.awaitingSync.requestId,
    error,
    assignment: error === "NONE" ? member.assignment : [],
  });
  member.awaitingSync = null;
}

export function respondJoinError(
  ctx: SimContext,
  group: ClassicGroupState,
  member: ClassicGroupMember,
  error: GroupError,
): void {
  if (!member.awaitingJoin) return;
  ctx.send(brokerActor(group.coordinatorBrokerId), member.awaitingJoin.actor, {
    api: "JoinGroupResponse",
    requestId: member.awaitingJoin.requestId,
    error,
    generationId: -1,
    protocolName: null,
    leader: "",
    skipAssignment: false,
    memberId: member.memberId,
    members: [],
  });
  member.awaitingJoin = null;
}

/** Leader's SyncGroup arrived: every waiting member gets its part of the assignment. */
export function propagateAssignment(ctx: SimContext, group: ClassicGroupState): void {
  for (const member of memberMapOrder(group)) respondSync(ctx, group, member, "NONE");
}

export function prepareRebalance(ctx: SimContext, group: ClassicGroupState, reason: string): void {
  // Members waiting for their assignment are told to rejoin, and assignments are cleared.
  if (group.state === "CompletingRebalance") {
    for (const member of group.members.values()) {
      member.assignment = [];
      respondSync(ctx, group, member, "REBALANCE_IN_PROGRESS");
    }
  }
  group.syncTimerEpoch++;
  const initial = group.state === "Empty";
  group.joinTimerEpoch++;
  if (initial) {
    // A new group waits group.initial.rebalance.delay.ms for more members, bounded by the rebalance timeout.
    const delayMs = groupCoordinatorConfig(ctx.state.scenario.cluster)["group.initial.rebalance.delay.ms"];
    const remainingMs = Math.max(groupRebalanceTimeoutMs(group) - delayMs, 0);
    ctx.at(delayMs * 1000, {
      type: "groupInitialRebalanceDelay",
      groupId: group.groupId,
      epoch: group.joinTimerEpoch,
      delayMs,
      remainingMs,
    });
  }
  if (group.rebalanceStartedUs === null) group.rebalanceStartedUs = ctx.state.nowUs;
  ctx.emit({ type: "rebalanceStarted", groupId: group.groupId, generationId: group.generationId, reason });
  transitionTo(ctx, group, "PreparingRebalance", reason);
  if (initial) return;
  if (hasAllMembersJoined(group)) return completeJoin(ctx, group);
  ctx.at(groupRebalanceTimeoutMs(group) * 1000, {
    type: "groupJoinTimeout",
    groupId: group.groupId,
    epoch: group.joinTimerEpoch,
  });
}

export function maybeCompleteJoinPhase(ctx: SimContext, group: ClassicGroupState): void {
  // The initial rebalance completes only when its delay runs out, never early.
  if (group.state !== "PreparingRebalance" || group.previousState === "Empty") return;
  if (hasAllMembersJoined(group)) completeJoin(ctx, group);
}

export function maybePrepareRebalanceOrCompleteJoin(
  ctx: SimContext,
  group: ClassicGroupState,
  reason: string,
): void {
  if (group.state === "Stable" || group.state === "CompletingRebalance" || group.state === "Empty") {
    prepareRebalance(ctx, group, reason);
  } else {
    maybeCompleteJoinPhase(ctx, group);
  }
}

/** ClassicGroup.remove: drop the member; a leaving leader hands over to the first member in map order. */
export function deleteMember(
  ctx: SimContext,
  group: ClassicGroupState,
  member: ClassicGroupMember,
  reason: MemberRemovalReason,
): void {
  group.members.delete(member.memberId);
  member.heartbeatEpoch++;
  group.pendingSyncMembers = group.pendingSyncMembers.filter((id) => id !== member.memberId);
  if (group.leaderId === member.memberId) group.leaderId = memberMapOrder(group)[0]?.memberId ?? null;
  ctx.emit({
    type: "memberRemoved",
    groupId: group.groupId,
    memberId: member.memberId,
    clientId: member.clientId,
    reason,
  });
}

/** removeMemberAndUpdateClassicGroup: parked requests fail with UNKNOWN_MEMBER_ID, then the group reacts. */
export function removeMemberAndUpdateGroup(
  ctx: SimContext,
  group: ClassicGroupState,
  member: ClassicGroupMember,
  reason: MemberRemovalReason,
): void {
  respondJoinError(ctx, group, member, "UNKNOWN_MEMBER_ID");
  respondSync(ctx, group, member, "UNKNOWN_MEMBER_ID");
  deleteMember(ctx, group, member, reason);
  const why = `removing member ${member.memberId} (${reason})`;
  if (group.state === "Stable" || group.state === "CompletingRebalance") {
    maybePrepareRebalanceOrCompleteJoin(ctx, group, why);
  } else if (group.state === "PreparingRebalance") {
    maybeCompleteJoinPhase(ctx, group);
  }
}

/**
 * ClassicGroup.selectProtocol: candidates are the assignors every member lists; each member votes
 * for the first candidate in its own list; the most votes win (ties: first in the votes HashMap).
 */
export function selectProtocol(members: readonly ClassicGroupMember[]): AssignorName {
  let candidates: AssignorName[] = members[0]?.protocols.map((p) => p.name) ?? [];
  for (const member of members.slice(1)) {
    const names = new Set(member.protocols.map((p) => p.name));
    candidates = candidates.filter((name) => names.has(name));
  }
  const votes = new Map<AssignorName, number>();
  for (const member of members) {
    const vote = member.protocols.find((p) => candidates.includes(p.name))!.name;
    votes.set(vote, (votes.get(vote) ?? 0) + 1);
  }
  let best: AssignorName | null = null;
  for (const name of javaHashMapKeyOrder(votes.keys(), javaStringHashCode)) {
    if (best === null || votes.get(name)! > votes.get(best)!) best = name;
  }
  return best!;
}

/** maybeElectNewJoinedLeader: a leader that did not rejoin is replaced by the first member that did. */
function electJoinedLeader(group: ClassicGroupState): boolean {
  if (group.leaderId === null) return false;
  if (group.members.get(group.leaderId)?.awaitingJoin) return true;
  const next = memberMapOrder(group).find((m) => m.awaitingJoin !== null);
  if (!next) return false;
  group.leaderId = next.memberId;
  return true;
}

/** completeClassicGroupJoin: drop dynamic members that did not rejoin, bump the generation, answer every join. */
export function completeJoin(ctx: SimContext, group: ClassicGroupState): void {
  group.joinTimerEpoch++;
  if (group.state !== "PreparingRebalance") return;
  for (const member of memberMapOrder(group)) {
    if (!member.awaitingJoin && member.groupInstanceId === null)
      deleteMember(ctx, group, member, "didNotRejoin");
  }
  if (!electJoinedLeader(group) && group.members.size > 0) {
    // Nobody rejoined: wait again until session timeouts remove the silent members.
    ctx.at(groupRebalanceTimeoutMs(group) * 1000, {
      type: "groupJoinTimeout",
      groupId: group.groupId,
      epoch: group.joinTimerEpoch,
    });
    return;
  }
  initNextGeneration(ctx, group);
  if ((group.state as ClassicGroupStateName) === "Empty") return;
  sendJoinResponses(ctx, group);
  ctx.at(groupRebalanceTimeoutMs(group) * 1000, {
    type: "groupSyncTimeout",
    groupId: group.groupId,
    generationId: group.generationId,
    epoch: group.syncTimerEpoch,
  });
}

function initNextGeneration(ctx: SimContext, group: ClassicGroupState): void {
  group.generationId++;
  const members = memberMapOrder(group);
  if (members.length > 0) {
    group.protocolName = selectProtocol(members);
    group.pendingSyncMembers = members.map((m) => m.memberId);
    transitionTo(ctx, group, "CompletingRebalance", `generation ${group.generationId} formed`);
    return;
  }
  group.protocolName = null;
  group.leaderId = null;
  group.pendingSyncMembers = [];
  transitionTo(ctx, group, "Empty", `generation ${group.generationId} has no members`);
  finishRebalance(ctx, group);
}

function sendJoinResponses(ctx: SimContext, group: ClassicGroupState): void {
  const members = memberMapOrder(group);
  for (const member of members) {
    if (!member.awaitingJoin) continue;
    const isLeader = member.memberId === group.leaderId;
    ctx.send(brokerActor(group.coordinatorBrokerId), member.awaitingJoin.actor, {
      api: "JoinGroupResponse",
      requestId: member.awaitingJoin.requestId,
      error: "NONE",
      generationId: group.generationId,
      protocolName: group.protocolName,
      leader: group.leaderId ?? "",
      skipAssignment: false,
      memberId: member.memberId,
      members: isLeader ? currentMembersMetadata(group) : [],
    });
    member.awaitingJoin = null;
    member.isNew = false;
    rescheduleHeartbeat(ctx, group, member, member.sessionTimeoutMs);
  }
}

/** The member list only the leader receives: ids, instance ids and the chosen assignor's subscription. */
export function currentMembersMetadata(group: ClassicGroupState) {
  return memberMapOrder(group).map((m) => ({
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    metadata: (m.protocols.find((p) => p.name === group.protocolName) ?? m.protocols[0]!).metadata,
  }));
}

/** The group reached Stable (or Empty): the rebalance is over; record how long it took. */
export function finishRebalance(ctx: SimContext, group: ClassicGroupState): void {
  const startedUs = group.rebalanceStartedUs ?? ctx.state.nowUs;
  const durationMs = (ctx.state.nowUs - startedUs) / 1000;
  group.rebalanceStartedUs = null;
  group.rebalanceCount++;
  group.lastRebalanceDurationMs = durationMs;
  ctx.emit({
    type: "rebalanceCompleted",
    groupId: group.groupId,
    generationId: group.generationId,
    protocolName: group.protocolName,
    leader: group.leaderId,
    durationMs,
    assignment: memberMapOrder(group).map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      partitions: m.assignment,
    })),
  });
}
