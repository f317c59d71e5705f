// SyncGroup on the coordinator (classicGroupSync): followers park in CompletingRebalance until the
// leader's SyncGroup brings the assignment; then the group is Stable and everyone gets its part.
// In Stable a SyncGroup returns the stored assignment (a static member's replacement uses this).
import { brokerActor, type SimContext } from "../../context";
import type { GroupError, GroupMessageBody } from "../protocol";
import { finishRebalance, propagateAssignment, rescheduleHeartbeat, transitionTo } from "./rebalance";
import type { ClassicGroupState } from "./types";

type SyncGroupRequest = Extract<GroupMessageBody, { api: "SyncGroupRequest" }>;

export function handleSyncGroup(
  ctx: SimContext,
  brokerId: number,
  actor: string,
  request: SyncGroupRequest,
): void {
  const fail = (error: GroupError) =>
    void ctx.send(brokerActor(brokerId), actor, {
      api: "SyncGroupResponse",
      requestId: request.requestId,
      error,
      assignment: [],
    });
  const group = ctx.state.groupCoordinator.groups.get(request.groupId);
  if (!group) return fail("UNKNOWN_MEMBER_ID");
  if (group.coordinatorBrokerId !== brokerId) return fail("NOT_COORDINATOR");
  if (group.state === "Dead") return fail("COORDINATOR_NOT_AVAILABLE");
  const member = group.members.get(request.memberId);
  if (!member) return fail("UNKNOWN_MEMBER_ID");
  if (member.groupInstanceId !== request.groupInstanceId) return fail("FENCED_INSTANCE_ID");
  if (request.generationId !== group.generationId) return fail("ILLEGAL_GENERATION");
  if (request.protocolName !== null && request.protocolName !== group.protocolName) {
    return fail("INCONSISTENT_GROUP_PROTOCOL");
  }
  switch (group.state) {
    case "Empty":
      return fail("UNKNOWN_MEMBER_ID");
    case "PreparingRebalance":
      return fail("REBALANCE_IN_PROGRESS");
    case "CompletingRebalance":
      member.awaitingSync = { requestId: request.requestId, actor };
      group.pendingSyncMembers = group.pendingSyncMembers.filter((id) => id !== member.memberId);
      rescheduleHeartbeat(ctx, group, member, member.sessionTimeoutMs);
      if (member.memberId === group.leaderId) completeSync(ctx, group, request);
      return;
    case "Stable":
      group.pendingSyncMembers = group.pendingSyncMembers.filter((id) => id !== member.memberId);
      rescheduleHeartbeat(ctx, group, member, member.sessionTimeoutMs);
      ctx.send(brokerActor(brokerId), actor, {
        api: "SyncGroupResponse",
        requestId: request.requestId,
        error: "NONE",
        assignment: member.assignment,
      });
      return;
  }
}

/** The leader's assignment is stored (Kafka writes it to __consumer_offsets) and handed out. */
function completeSync(ctx: SimContext, group: ClassicGroupState, request: SyncGroupRequest): void {
  const byMember = new Map(request.assignments.map((a) => [a.memberId, a.partitions]));
  for (const member of group.members.values()) member.assignment = [...(byMember.get(member.memberId) ?? [])];
  transitionTo(ctx, group, "Stable", `leader ${group.leaderId} sent the assignment`);
  propagateAssignment(ctx, group);
  finishRebalance(ctx, group);
}
