// A consumer's life as the commands drive it: close() (commit if auto-commit, revoke, LeaveGroup
// for dynamic members), a crash (the process dies: nothing is sent, heartbeats stop, messages to
// it are dropped), a restart with the same config, pause()/resume() of every assigned partition,
// and the application failing on an exception poll() threw.
import type { SimContext } from "../context";
import { sendCommit } from "./commits";
import { restartConsumerNow } from "./consumer";
import { removeFromAssignment, sendFetches } from "./fetcher";
import { maybeLeaveGroup } from "./heartbeat";
import { wakeBlockedPoll } from "./poll";
import { type ConsumerState, tpKey } from "./types";

export function failConsumer(
  ctx: SimContext,
  consumer: ConsumerState,
  exception: string,
  message: string,
): void {
  consumer.status = "failed";
  consumer.processingUntilUs = null;
  ctx.emit({ type: "consumerFailed", consumerId: consumer.id, exception, message });
}

/** close(): commitSync of the positions when auto-commit is on, then leave. */
export function closeConsumer(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group;
  const autoCommit = consumer.spec.mode === "subscribe" && consumer.spec.config["enable.auto.commit"];
  if (group && autoCommit && sendCommit(ctx, consumer, "close") !== null) {
    consumer.status = "closing";
    return;
  }
  finishClose(ctx, consumer);
}

/** onLeavePrepare (revoke, or lose if the generation is gone), LeaveGroup, and the client is gone. */
export function finishClose(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group;
  if (group && consumer.assigned.length > 0) {
    const lost = group.generationId < 0 || group.memberId === "" || group.phase !== "stable";
    ctx.emit({
      type: "partitionsRevoked",
      consumerId: consumer.id,
      groupId: group.groupId,
      protocol: group.protocol,
      partitions: [...consumer.assigned],
      kind: lost ? "lost" : "revoked",
    });
  }
  removeFromAssignment(consumer, new Set(consumer.assigned.map(tpKey)));
  if (group) maybeLeaveGroup(ctx, consumer, "the consumer is being closed");
  stop(ctx, consumer, "closed");
  ctx.emit({ type: "consumerClosed", consumerId: consumer.id, groupId: group?.groupId ?? null });
  // restartConsumer with new configs: the new KafkaConsumer starts once this one has closed.
  if (consumer.restartWith) restartConsumerNow(ctx, consumer, consumer.restartWith);
}

function stop(ctx: SimContext, consumer: ConsumerState, status: "closed" | "crashed"): void {
  consumer.status = status;
  consumer.incarnation++;
  consumer.processingUntilUs = null;
  for (const inFlight of consumer.fetchInFlight.values()) ctx.cancel(inFlight.timeoutSeq);
  consumer.fetchInFlight.clear();
  consumer.awaitingCommitRecords = 0;
  const group = consumer.group;
  if (group) {
    group.heartbeatEpoch++;
    group.pollEpoch++;
    ctx.cancel(group.pollTimeoutSeq);
    group.pollTimeoutSeq = null;
    group.commits.clear();
    group.joinRequestId = null;
    group.syncRequestId = null;
    group.heartbeatRequestId = null;
    group.offsetFetchRequestId = null;
    group.findCoordinatorInFlight = false;
  }
}

/** The process dies: no commit, no LeaveGroup; the coordinator finds out by session timeout. */
export function crashConsumer(ctx: SimContext, consumer: ConsumerState): void {
  removeFromAssignment(consumer, new Set(consumer.assigned.map(tpKey)));
  stop(ctx, consumer, "crashed");
  ctx.emit({ type: "consumerCrashed", consumerId: consumer.id, groupId: consumer.group?.groupId ?? null });
}

export function pauseConsumer(ctx: SimContext, consumer: ConsumerState): void {
  consumer.paused = true;
  // Buffered records of paused partitions are not returned; Java drops them and refetches later.
  for (const key of consumer.buffered.keys()) consumer.buffered.set(key, []);
  ctx.emit({ type: "consumerPaused", consumerId: consumer.id });
}

export function resumeConsumer(ctx: SimContext, consumer: ConsumerState): void {
  consumer.paused = false;
  ctx.emit({ type: "consumerResumed", consumerId: consumer.id });
  sendFetches(ctx, consumer);
  wakeBlockedPoll(ctx, consumer);
}
