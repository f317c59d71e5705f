// JoinGroup on the coordinator (GroupMetadataManager.classicGroupJoin*): the MEMBER_ID_REQUIRED
// round trip for new dynamic members, static members replacing their old member id, and rejoins
// of existing members by group state.
import { brokerActor, type SimContext } from "../../context";
import type { GroupMessageBody } from "../protocol";
import { groupCoordinatorConfig, NEW_MEMBER_JOIN_TIMEOUT_MS } from "./config";
import { coordinatorBrokerFor, offsetsPartitionFor } from "./placement";
import {
  currentMembersMetadata,
  maybePrepareRebalanceOrCompleteJoin,
  prepareRebalance,
  rescheduleHeartbeat,
  respondJoinError,
  selectProtocol,
} from "./rebalance";
import { type ClassicGroupMember, type ClassicGroupState, grownTableCapacity, memberMapOrder } from "./types";

type JoinGroupRequest = Extract<GroupMessageBody, { api: "JoinGroupRequest" }>;
type JoinGroupResponse = Extract<GroupMessageBody, { api: "JoinGroupResponse" }>;

interface JoinContext {
  readonly ctx: SimContext;
  readonly group: ClassicGroupState;
  readonly request: JoinGroupRequest;
  readonly actor: string;
}

function reply(
  ctx: SimContext,
  brokerId: number,
  actor: string,
  fields: Partial<JoinGroupResponse> & { requestId: number },
) {
  ctx.send(brokerActor(brokerId), actor, {
    api: "JoinGroupResponse",
    error: "NONE",
    generationId: -1,
    protocolName: null,
    leader: "",
    skipAssignment: false,
    memberId: "",
    members: [],
    ...fields,
  });
}

/** java.util.UUID.randomUUID().toString(), drawn from the seeded "group" stream. */
function randomUuid(ctx: SimContext): string {
  const random = ctx.random.stream("group");
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  const words = [random.nextInt32(), random.nextInt32(), random.nextInt32(), random.nextInt32()];
  // Version 4, IETF variant, as UUID.randomUUID sets them.
  words[1] = (words[1]! & 0xffff0fff) | 0x00004000;
  words[2] = (words[2]! & 0x3fffffff) | 0x80000000;
  const s = words.map(hex).join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

export function createGroup(ctx: SimContext, groupId: string): ClassicGroupState {
  const offsetsPartition = offsetsPartitionFor(groupId);
  const group: ClassicGroupState = {
    groupId,
    offsetsPartition,
    coordinatorBrokerId: coordinatorBrokerFor(groupId, ctx.state.brokers.size),
    state: "Empty",
    previousState: "Empty",
    stateSinceUs: ctx.state.nowUs,
    generationId: 0,
    protocolType: null,
    protocolName: null,
    leaderId: null,
    members: new Map(),
    memberTableCapacity: 16,
    pendingMembers: [],
    pendingSyncMembers: [],
    newMemberAdded: false,
    joinTimerEpoch: 0,
    syncTimerEpoch: 0,
    rebalanceCount: 0,
    rebalanceStartedUs: null,
    lastRebalanceDurationMs: null,
  };
  ctx.state.groupCoordinator.groups.set(groupId, group);
  return group;
}

/** ClassicGroup.supportsProtocols: an Empty group takes anything; otherwise some assignor must be common to all. */
function supportsProtocols(group: ClassicGroupState, request: JoinGroupRequest): boolean {
  if (group.state === "Empty") return request.protocols.length > 0;
  if (group.protocolType !== request.protocolType) return false;
  return request.protocols.some((p) =>
    [...group.members.values()].every((m) => m.protocols.some((q) => q.name === p.name)),
  );
}

export function handleJoinGroup(
  ctx: SimContext,
  brokerId: number,
  actor: string,
  request: JoinGroupRequest,
): void {
  const fail = (error: JoinGroupResponse["error"]) =>
    reply(ctx, brokerId, actor, { requestId: request.requestId, error, memberId: request.memberId });
  if (coordinatorBrokerFor(request.groupId, ctx.state.brokers.size) !== brokerId)
    return fail("NOT_COORDINATOR");
  const config = groupCoordinatorConfig(ctx.state.scenario.cluster);
  if (
    request.sessionTimeoutMs < config["group.min.session.timeout.ms"] ||
    request.sessionTimeoutMs > config["group.max.session.timeout.ms"]
  ) {
    return fail("INVALID_SESSION_TIMEOUT");
  }
  let group = ctx.state.groupCoordinator.groups.get(request.groupId);
  if (!group) {
    if (request.memberId !== "") return fail("UNKNOWN_MEMBER_ID");
    group = createGroup(ctx, request.groupId);
  }
  if (group.state === "Dead") return fail("COORDINATOR_NOT_AVAILABLE");
  if (!supportsProtocols(group, request)) return fail("INCONSISTENT_GROUP_PROTOCOL");
  const join: JoinContext = { ctx, group, request, actor };
  if (request.memberId === "") return joinNewMember(join);
  joinExistingMember(join);
}

function joinNewMember(join: JoinContext): void {
  const { ctx, group, request } = join;
  const memberId = `${request.groupInstanceId ?? request.clientId}-${randomUuid(ctx)}`;
  if (request.groupInstanceId !== null) {
    const existing = [...group.members.values()].find((m) => m.groupInstanceId === request.groupInstanceId);
    if (existing) return replaceStaticMember(join, existing, memberId);
    return addMemberThenRebalanceOrCompleteJoin(join, memberId);
  }
  // JoinGroup v4+: a dynamic member must come back with the id it is given, so that a client that
  // times out and retries does not leave a ghost member behind.
  group.pendingMembers.push(memberId);
  ctx.at(request.sessionTimeoutMs * 1000, {
    type: "groupPendingMemberExpiry",
    groupId: group.groupId,
    memberId,
  });
  reply(ctx, group.coordinatorBrokerId, join.actor, {
    requestId: request.requestId,
    error: "MEMBER_ID_REQUIRED",
    memberId,
  });
}

function joinExistingMember(join: JoinContext): void {
  const { ctx, group, request } = join;
  const fail = (error: JoinGroupResponse["error"]) =>
    reply(ctx, group.coordinatorBrokerId, join.actor, {
      requestId: request.requestId,
      error,
      memberId: request.memberId,
    });
  if (group.pendingMembers.includes(request.memberId)) {
    return addMemberThenRebalanceOrCompleteJoin(join, request.memberId);
  }
  const member = group.members.get(request.memberId);
  if (!member) return fail("UNKNOWN_MEMBER_ID");
  if (member.groupInstanceId !== request.groupInstanceId) return fail("FENCED_INSTANCE_ID");
  const sameMetadata = JSON.stringify(member.protocols) === JSON.stringify(request.protocols);
  switch (group.state) {
    case "PreparingRebalance":
      return updateMemberThenRebalanceOrCompleteJoin(join, member, `member ${member.memberId} rejoined`);
    case "CompletingRebalance":
      // A retried join with the same subscription gets the generation's answer again.
      if (sameMetadata) return replyCurrentGeneration(join, member, false);
      return updateMemberThenRebalanceOrCompleteJoin(
        join,
        member,
        `member ${member.memberId} changed its metadata`,
      );
    case "Stable":
      // The leader rejoining, or a follower with a changed subscription, starts a rebalance.
      if (member.memberId === group.leaderId || !sameMetadata) {
        const why =
          member.memberId === group.leaderId
            ? `leader ${member.memberId} rejoined`
            : `member ${member.memberId} changed its metadata`;
        return updateMemberThenRebalanceOrCompleteJoin(join, member, why);
      }
      return replyCurrentGeneration(join, member, false);
    case "Empty":
    case "Dead":
      return fail("UNKNOWN_MEMBER_ID");
  }
}

function replyCurrentGeneration(
  join: JoinContext,
  member: ClassicGroupMember,
  skipAssignment: boolean,
): void {
  const { ctx, group, request } = join;
  const isLeader = member.memberId === group.leaderId;
  reply(ctx, group.coordinatorBrokerId, join.actor, {
    requestId: request.requestId,
    generationId: group.generationId,
    protocolName: group.protocolName,
    leader: group.leaderId ?? "",
    skipAssignment,
    memberId: member.memberId,
    members: isLeader ? currentMembersMetadata(group) : [],
  });
}

function updateMemberThenRebalanceOrCompleteJoin(
  join: JoinContext,
  member: ClassicGroupMember,
  why: string,
): void {
  const { request } = join;
  member.protocols = [...request.protocols];
  member.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
  member.sessionTimeoutMs = request.sessionTimeoutMs;
  member.awaitingJoin = { requestId: request.requestId, actor: join.actor };
  maybePrepareRebalanceOrCompleteJoin(join.ctx, join.group, why);
}

function addMemberThenRebalanceOrCompleteJoin(join: JoinContext, memberId: string): void {
  const { ctx, group, request } = join;
  const member: ClassicGroupMember = {
    memberId,
    groupInstanceId: request.groupInstanceId,
    clientId: request.clientId,
    clientHost: request.clientHost,
    rebalanceTimeoutMs: request.rebalanceTimeoutMs,
    sessionTimeoutMs: request.sessionTimeoutMs,
    protocols: [...request.protocols],
    assignment: [],
    isNew: true,
    awaitingJoin: { requestId: request.requestId, actor: join.actor },
    awaitingSync: null,
    heartbeatDeadlineUs: 0,
    heartbeatEpoch: 0,
  };
  // Only the first rebalance of a new group extends its initial delay for newcomers.
  if (group.state === "PreparingRebalance" && group.generationId === 0) group.newMemberAdded = true;
  group.members.set(memberId, member);
  group.memberTableCapacity = grownTableCapacity(group.memberTableCapacity, group.members.size);
  if (group.leaderId === null) group.leaderId = memberId;
  if (group.protocolType === null) group.protocolType = request.protocolType;
  group.pendingMembers = group.pendingMembers.filter((id) => id !== memberId);
  ctx.emit({
    type: "memberJoined",
    groupId: group.groupId,
    memberId,
    clientId: request.clientId,
    groupInstanceId: request.groupInstanceId,
  });
  rescheduleHeartbeat(ctx, group, member, NEW_MEMBER_JOIN_TIMEOUT_MS);
  maybePrepareRebalanceOrCompleteJoin(ctx, group, `adding new member ${memberId}`);
}

/**
 * updateStaticMemberThenRebalanceOrCompleteJoin: the instance keeps its place under a new member id.
 * The old id's parked requests are fenced. A Stable group whose assignor would not change answers
 * with the current generation, so the member gets its old assignment through SyncGroup: no rebalance.
 */
function replaceStaticMember(join: JoinContext, member: ClassicGroupMember, newMemberId: string): void {
  const { ctx, group, request } = join;
  const oldMemberId = member.memberId;
  respondJoinError(ctx, group, member, "FENCED_INSTANCE_ID");
  if (member.awaitingSync) {
    ctx.send(brokerActor(group.coordinatorBrokerId), member.awaitingSync.actor, {
      api: "SyncGroupResponse",
      requestId: member.awaitingSync.requestId,
      error: "FENCED_INSTANCE_ID",
      assignment: [],
    });
    member.awaitingSync = null;
  }
  group.members.delete(oldMemberId);
  member.memberId = newMemberId;
  group.members.set(newMemberId, member);
  if (group.leaderId === oldMemberId) group.leaderId = newMemberId;
  group.pendingSyncMembers = group.pendingSyncMembers.map((id) => (id === oldMemberId ? newMemberId : id));
  member.protocols = [...request.protocols];
  const keepsGeneration =
    group.state === "Stable" && group.protocolName === selectProtocol(memberMapOrder(group));
  ctx.emit({
    type: "staticMemberReplaced",
    groupId: group.groupId,
    groupInstanceId: member.groupInstanceId!,
    oldMemberId,
    newMemberId,
    rebalance: !keepsGeneration,
  });
  if (keepsGeneration) {
    rescheduleHeartbeat(ctx, group, member, member.sessionTimeoutMs);
    return replyCurrentGeneration(join, member, member.memberId === group.leaderId);
  }
  if (group.state === "CompletingRebalance" || group.state === "Stable") {
    member.awaitingJoin = { requestId: request.requestId, actor: join.actor };
    return prepareRebalance(
      ctx,
      group,
      `static member ${member.groupInstanceId} rejoined with a new member id`,
    );
  }
  updateMemberThenRebalanceOrCompleteJoin(join, member, `static member ${member.groupInstanceId} rejoined`);
}
