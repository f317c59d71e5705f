// The application's poll loop. poll() first runs the coordinator's part (find the coordinator,
// start a rejoin, auto-commit when auto.commit.interval.ms has elapsed, fetch committed offsets
// for new partitions), then returns up to max.poll.records buffered records at the current
// positions and advances them. A group rebalance never blocks poll(): a cooperative member keeps
// consuming what it owns while the group rebalances; an eager one owns nothing by then.
// With nothing to return, poll() blocks until data arrives, a rejoin is needed or an auto-commit
// is due (Java's poll(Duration) loop would return empty and be called again: same effect).
import type { SimContext } from "../context";
import type { PartitionRange } from "../events";
import type { TimerPayload } from "../state";
import { sendCommit } from "./commits";
import { isRunning, sendFetches } from "./fetcher";
import { coordinatorPoll } from "./group-client";
import { type ConsumerState, tpKey } from "./types";

function collectRecords(consumer: ConsumerState): PartitionRange[] {
  let budget = consumer.spec.config["max.poll.records"];
  const ranges: PartitionRange[] = [];
  if (consumer.paused || consumer.group?.fetchSuspended) return ranges;
  for (const tp of consumer.assigned) {
    const key = tpKey(tp);
    const buffer = consumer.buffered.get(key);
    if (budget === 0 || !buffer || buffer.length === 0) continue;
    const taken = buffer.splice(0, budget);
    budget -= taken.length;
    const fromOffset = taken[0]!.offset;
    const toOffset = taken[taken.length - 1]!.offset + 1;
    consumer.positions.set(key, toOffset);
    ranges.push({ topic: tp.topic, partition: tp.partition, fromOffset, toOffset });
  }
  return ranges;
}

export function poll(ctx: SimContext, consumer: ConsumerState): void {
  if (!isRunning(consumer) || consumer.status === "closing") return;
  const group = consumer.group;
  if (group) {
    group.pollEpoch++;
    ctx.cancel(group.pollTimeoutSeq);
    group.pollTimeoutSeq = null;
    group.lastPollUs = ctx.state.nowUs;
    coordinatorPoll(ctx, consumer);
    if (!isRunning(consumer)) return;
  }
  const ranges = collectRecords(consumer);
  const recordCount = ranges.reduce((n, r) => n + (r.toOffset - r.fromOffset), 0);
  // Pipelining: the next fetches go out before the application starts processing.
  sendFetches(ctx, consumer);
  if (recordCount === 0) {
    consumer.status = "waitingForData";
    consumer.processingUntilUs = null;
    scheduleAutoCommitWake(ctx, consumer);
    return;
  }
  consumer.polledRecords += recordCount;
  ctx.emit({ type: "recordsPolled", consumerId: consumer.id, recordCount, ranges });
  if (group) armPollTimeout(ctx, consumer);
  if (consumer.spec.mode === "subscribe" && consumer.spec.commit === "sync-before-processing") {
    // At-most-once: the positions past these records are committed before they are processed.
    consumer.awaitingCommitRecords = recordCount;
    if (sendCommit(ctx, consumer, "sync") !== null) {
      consumer.status = "committing";
      return;
    }
    consumer.awaitingCommitRecords = 0;
  }
  startProcessing(ctx, consumer, recordCount);
}

export function startProcessing(ctx: SimContext, consumer: ConsumerState, recordCount: number): void {
  consumer.status = "processing";
  const durationUs = Math.round(recordCount * consumer.processingTimeMs * 1000);
  consumer.processingUntilUs = ctx.state.nowUs + durationUs;
  armWake(ctx, consumer, durationUs, {
    type: "consumerWake",
    consumerId: consumer.id,
    epoch: consumer.wakeEpoch + 1,
  });
}

/** consumerWake and consumerPollWake share wakeEpoch: arming one makes the pending one pointless. */
function armWake(ctx: SimContext, consumer: ConsumerState, delayUs: number, payload: TimerPayload): void {
  consumer.wakeEpoch++;
  ctx.cancel(consumer.wakeSeq);
  consumer.wakeSeq = ctx.at(delayUs, payload);
}

/** The heartbeat thread checks max.poll.interval.ms from the last poll() call. */
function armPollTimeout(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group!;
  group.pollTimeoutSeq = ctx.at(
    consumer.spec.mode === "subscribe" ? consumer.spec.config["max.poll.interval.ms"] * 1000 : 0,
    {
      type: "consumerPollTimeout",
      consumerId: consumer.id,
      incarnation: consumer.incarnation,
      pollEpoch: group.pollEpoch,
    },
  );
}

function scheduleAutoCommitWake(ctx: SimContext, consumer: ConsumerState): void {
  const group = consumer.group;
  if (!group || consumer.spec.mode !== "subscribe" || !consumer.spec.config["enable.auto.commit"]) return;
  // An auto-commit already due could not be sent (the coordinator is unknown while FindCoordinator
  // is in flight): the blocked poll waits retry.backoff.ms before it tries again, as the client's
  // network poll would, instead of returning at once forever at the same instant.
  const dueInUs = group.nextAutoCommitUs - ctx.state.nowUs;
  const delayUs = dueInUs > 0 ? dueInUs : Math.max(1, consumer.spec.config["retry.backoff.ms"]) * 1000;
  armWake(ctx, consumer, delayUs, {
    type: "consumerPollWake",
    consumerId: consumer.id,
    incarnation: consumer.incarnation,
    epoch: consumer.wakeEpoch + 1,
  });
}

/** A blocked poll() returns (auto-commit due, rejoin needed) and the application calls it again. */
export function pollWake(ctx: SimContext, consumer: ConsumerState, epoch: number): void {
  if (epoch !== consumer.wakeEpoch) return;
  consumer.wakeSeq = null;
  if (consumer.status !== "waitingForData") return;
  poll(ctx, consumer);
}

/** Something a blocked poll() waits for happened: return to the application's loop now. */
export function wakeBlockedPoll(ctx: SimContext, consumer: ConsumerState): void {
  if (consumer.status === "waitingForData") poll(ctx, consumer);
}

/** The application finished processing the last poll's records; commits if configured, then polls again. */
export function consumerWake(ctx: SimContext, consumer: ConsumerState, epoch: number): void {
  if (epoch !== consumer.wakeEpoch) return;
  consumer.wakeSeq = null;
  if (consumer.status !== "processing") return;
  const polled = consumer.polledRecords - consumer.processedRecords;
  consumer.processedRecords = consumer.polledRecords;
  consumer.processingUntilUs = null;
  ctx.emit({ type: "recordsProcessed", consumerId: consumer.id, recordCount: polled });
  const commit = consumer.spec.mode === "subscribe" ? consumer.spec.commit : "auto";
  if (commit === "sync-after-processing" && sendCommit(ctx, consumer, "sync") !== null) {
    consumer.status = "committing";
    return;
  }
  if (commit === "async-after-processing") sendCommit(ctx, consumer, "async");
  poll(ctx, consumer);
}

/** commitSync() returned (or failed): the application carries on where it was. */
export function commitSyncReturned(ctx: SimContext, consumer: ConsumerState): void {
  if (consumer.status !== "committing") return;
  if (consumer.awaitingCommitRecords > 0) {
    const count = consumer.awaitingCommitRecords;
    consumer.awaitingCommitRecords = 0;
    return startProcessing(ctx, consumer, count);
  }
  poll(ctx, consumer);
}
