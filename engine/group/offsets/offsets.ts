// OffsetCommit and OffsetFetch on the coordinator, with the classic group's commit checks
// (ClassicGroup.validateOffsetCommit) and the offsets store: one committed offset per group and
// partition, meaning "the next offset to read". Kafka keeps them in __consumer_offsets; the
// simulator keeps the latest value per key, which is what compaction converges to.
import { brokerActor, type SimContext } from "../../context";
import { createGroup } from "../coordinator/join";
import type { ClassicGroupState } from "../coordinator/types";
import type { CommittedOffset, GroupError, GroupMessageBody } from "../protocol";

type OffsetCommitRequest = Extract<GroupMessageBody, { api: "OffsetCommitRequest" }>;
type OffsetFetchRequest = Extract<GroupMessageBody, { api: "OffsetFetchRequest" }>;

/**
 * Dead → COORDINATOR_NOT_AVAILABLE; a commit from outside the group (generation < 0) is fine while
 * the group is Empty; a member must exist and carry the current generation (so a member of the
 * previous generation fails once the rebalance has completed, but succeeds during
 * PreparingRebalance, where the generation has not moved yet); CompletingRebalance refuses commits.
 */
export function validateOffsetCommit(group: ClassicGroupState, request: OffsetCommitRequest): GroupError {
  if (group.state === "Dead") return "COORDINATOR_NOT_AVAILABLE";
  if (request.generationId < 0 && group.state === "Empty") return "NONE";
  if (request.generationId >= 0 || request.memberId !== "" || request.groupInstanceId !== null) {
    const member = group.members.get(request.memberId);
    if (request.groupInstanceId !== null) {
      const byInstance = [...group.members.values()].find(
        (m) => m.groupInstanceId === request.groupInstanceId,
      );
      if (!byInstance) return "UNKNOWN_MEMBER_ID";
      if (byInstance.memberId !== request.memberId) return "FENCED_INSTANCE_ID";
    }
    if (!member) return "UNKNOWN_MEMBER_ID";
    if (request.generationId !== group.generationId) return "ILLEGAL_GENERATION";
  } else if (group.state !== "Empty") {
    return "UNKNOWN_MEMBER_ID";
  }
  if (group.state === "CompletingRebalance") return "REBALANCE_IN_PROGRESS";
  return "NONE";
}

export function handleOffsetCommit(
  ctx: SimContext,
  brokerId: number,
  actor: string,
  request: OffsetCommitRequest,
) {
  const respond = (error: GroupError) =>
    void ctx.send(brokerActor(brokerId), actor, {
      api: "OffsetCommitResponse",
      requestId: request.requestId,
      error,
      offsets: request.offsets,
    });
  let group = ctx.state.groupCoordinator.groups.get(request.groupId);
  if (group && group.coordinatorBrokerId !== brokerId) return respond("NOT_COORDINATOR");
  if (!group) {
    // A commit from outside any generation creates the (Empty) group; a member's commit cannot.
    if (request.generationId >= 0) return respond("ILLEGAL_GENERATION");
    group = createGroup(ctx, request.groupId);
    if (group.coordinatorBrokerId !== brokerId) return respond("NOT_COORDINATOR");
  }
  const error = validateOffsetCommit(group, request);
  if (error === "NONE") storeOffsets(ctx, request.groupId, request.offsets);
  respond(error);
}

export function storeOffsets(ctx: SimContext, groupId: string, offsets: readonly CommittedOffset[]): void {
  const store = ctx.state.groupCoordinator.offsets;
  const byPartition = store.get(groupId) ?? new Map();
  store.set(groupId, byPartition);
  for (const o of offsets) {
    byPartition.set(`${o.topic}-${o.partition}`, {
      topic: o.topic,
      partition: o.partition,
      offset: o.offset,
      commitTimestampUs: ctx.state.nowUs,
    });
  }
}

export function committedOffset(
  state: { groupCoordinator: { offsets: Map<string, Map<string, { offset: number }>> } },
  groupId: string,
  topic: string,
  partition: number,
): number | null {
  return state.groupCoordinator.offsets.get(groupId)?.get(`${topic}-${partition}`)?.offset ?? null;
}

export function handleOffsetFetch(
  ctx: SimContext,
  brokerId: number,
  actor: string,
  request: OffsetFetchRequest,
) {
  const group = ctx.state.groupCoordinator.groups.get(request.groupId);
  const error: GroupError = group && group.coordinatorBrokerId !== brokerId ? "NOT_COORDINATOR" : "NONE";
  ctx.send(brokerActor(brokerId), actor, {
    api: "OffsetFetchResponse",
    requestId: request.requestId,
    error,
    offsets: request.partitions.map((tp) => ({
      topic: tp.topic,
      partition: tp.partition,
      offset: committedOffset(ctx.state, request.groupId, tp.topic, tp.partition) ?? -1,
    })),
  });
}
