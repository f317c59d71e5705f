// Offsets on the client: OffsetCommit of the current positions (SubscriptionState.allConsumed())
// for auto-commit, commitSync/commitAsync, the commit before a rebalance and the one in close();
// OffsetFetch of committed offsets for partitions that have no position yet.
import { brokerActor, type SimContext } from "../context";
import type { CommittedOffset, GroupError, GroupMessageBody } from "../group/protocol";
import { resetMissingPositions } from "./fetcher";
import {
  continueJoinAfterCommit,
  markCoordinatorUnknown,
  requestRejoin,
  resetGeneration,
} from "./group-client";
import { finishClose } from "./lifecycle";
import { commitSyncReturned } from "./poll";
import { type CommitTrigger, type ConsumerState, tpKey } from "./types";

/** The positions of every assigned partition that has one: what commitSync() with no argument commits. */
export function allConsumed(consumer: ConsumerState): CommittedOffset[] {
  const offsets: CommittedOffset[] = [];
  for (const tp of consumer.assigned) {
    const position = consumer.positions.get(tpKey(tp));
    if (position !== null && position !== undefined) offsets.push({ ...tp, offset: position });
  }
  return offsets;
}

/**
 * Sends an OffsetCommit and returns its request id, or null when nothing was sent. A member commits
 * only with a stable generation (generationIfStable): during a rebalance the commit fails locally
 * with RebalanceInProgressException.
 */
export function sendCommit(ctx: SimContext, consumer: ConsumerState, trigger: CommitTrigger): number | null {
  const group = consumer.group;
  if (!group) return null;
  const offsets = allConsumed(consumer);
  if (group.phase !== "stable" || group.coordinatorBrokerId === null) {
    if (trigger !== "auto" && offsets.length > 0) {
      ctx.emit({
        type: "offsetCommitted",
        consumerId: consumer.id,
        groupId: group.groupId,
        generationId: group.generationId,
        offsets,
        error: "REBALANCE_IN_PROGRESS",
      });
    }
    return null;
  }
  if (offsets.length === 0) return null;
  const requestId = consumer.nextRequestId++;
  group.commits.set(requestId, { trigger, generationId: group.generationId, offsets });
  ctx.send(consumer.id, brokerActor(group.coordinatorBrokerId), {
    api: "OffsetCommitRequest",
    requestId,
    groupId: group.groupId,
    generationId: group.generationId,
    memberId: group.memberId,
    groupInstanceId: group.groupInstanceId,
    offsets,
  });
  ctx.emit({
    type: "offsetCommitSent",
    consumerId: consumer.id,
    groupId: group.groupId,
    generationId: group.generationId,
    offsets,
    trigger,
  });
  armGroupRequestTimeout(ctx, consumer, requestId);
  return requestId;
}

export function armGroupRequestTimeout(
  ctx: SimContext,
  consumer: ConsumerState,
  requestId: number,
  ms?: number,
) {
  ctx.at((ms ?? consumer.spec.config["request.timeout.ms"]) * 1000, {
    type: "consumerGroupRequestTimeout",
    consumerId: consumer.id,
    incarnation: consumer.incarnation,
    requestId,
  });
}

/** Auto-commit inside poll(): every auto.commit.interval.ms, asynchronously, the positions of earlier polls. */
export function maybeAutoCommit(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group;
  if (!group || consumer.spec.mode !== "subscribe" || !consumer.spec.config["enable.auto.commit"]) return;
  if (ctx.state.nowUs < group.nextAutoCommitUs) return;
  group.nextAutoCommitUs = ctx.state.nowUs + consumer.spec.config["auto.commit.interval.ms"] * 1000;
  sendCommit(ctx, consumer, "auto");
}

export function completeCommit(
  ctx: SimContext,
  consumer: ConsumerState,
  requestId: number,
  error: GroupError,
): void {
  const group = consumer.group!;
  const pending = group.commits.get(requestId);
  if (!pending) return;
  group.commits.delete(requestId);
  ctx.emit({
    type: "offsetCommitted",
    consumerId: consumer.id,
    groupId: group.groupId,
    generationId: pending.generationId,
    offsets: pending.offsets,
    error,
  });
  if (error === "NONE") for (const o of pending.offsets) consumer.committed.set(tpKey(o), o.offset);
  else if (error === "ILLEGAL_GENERATION" || error === "UNKNOWN_MEMBER_ID")
    resetGeneration(ctx, consumer, error);
  else if (error === "REBALANCE_IN_PROGRESS")
    requestRejoin(ctx, consumer, "offset commit found a rebalance in progress");
  else if (error === "NOT_COORDINATOR" || error === "COORDINATOR_NOT_AVAILABLE")
    markCoordinatorUnknown(consumer);
  if (pending.trigger === "beforeRebalance") continueJoinAfterCommit(ctx, consumer);
  else if (pending.trigger === "sync") commitSyncReturned(ctx, consumer);
  else if (pending.trigger === "close") finishClose(ctx, consumer);
}

/** Committed offsets for assigned partitions that have no position (updateFetchPositions). */
export function maybeFetchCommittedOffsets(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group;
  if (!group || group.offsetFetchRequestId !== null || group.coordinatorBrokerId === null) return;
  const partitions = consumer.assigned.filter((tp) => consumer.positions.get(tpKey(tp)) === null);
  if (partitions.length === 0) return;
  const requestId = consumer.nextRequestId++;
  group.offsetFetchRequestId = requestId;
  ctx.send(consumer.id, brokerActor(group.coordinatorBrokerId), {
    api: "OffsetFetchRequest",
    requestId,
    groupId: group.groupId,
    partitions: partitions.map((tp) => ({ topic: tp.topic, partition: tp.partition })),
  });
  armGroupRequestTimeout(ctx, consumer, requestId);
}

export function handleOffsetFetchResponse(
  ctx: SimContext,
  consumer: ConsumerState,
  body: Extract<GroupMessageBody, { api: "OffsetFetchResponse" }>,
): void {
  const group = consumer.group;
  if (!group || group.offsetFetchRequestId !== body.requestId) return;
  group.offsetFetchRequestId = null;
  if (body.error !== "NONE") {
    markCoordinatorUnknown(consumer);
    return;
  }
  ctx.emit({ type: "offsetFetched", consumerId: consumer.id, groupId: group.groupId, offsets: body.offsets });
  const toReset = new Set<string>();
  for (const o of body.offsets) {
    const key = tpKey(o);
    if (consumer.positions.get(key) !== null) continue;
    if (o.offset >= 0) {
      consumer.positions.set(key, o.offset);
      consumer.committed.set(key, o.offset);
    } else {
      toReset.add(key);
    }
  }
  // No committed offset: auto.offset.reset decides (ListOffsets), or "none" fails poll().
  resetMissingPositions(ctx, consumer, toReset);
}
