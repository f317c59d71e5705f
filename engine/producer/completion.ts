// How a sent batch ends: acknowledged, retried after a backoff, failed, or expired once
// delivery.timeout.ms has passed since it was created (Sender.completeBatch, canRetry, failBatch,
// and the accumulator's and sender's expiry checks).
import type { SimContext } from "../context";
import type { MessageBody, ProduceError } from "../protocol";
import type { ProducerBatch, ProducerState } from "../state";
import { wakeSender } from "./sender";

type ClientError = ProduceError | "NETWORK_EXCEPTION";

const EXCEPTIONS: Readonly<Record<ClientError, string>> = {
  NONE: "",
  NOT_LEADER_OR_FOLLOWER: "NotLeaderOrFollowerException",
  OUT_OF_ORDER_SEQUENCE_NUMBER: "OutOfOrderSequenceException",
  INVALID_PRODUCER_EPOCH: "InvalidProducerEpochException",
  NETWORK_EXCEPTION: "NetworkException",
};

/** Frees the batch's buffer and counts it acknowledged; returns what produceAcknowledged reports. */
export function completeBatch(producer: ProducerState, batch: ProducerBatch, baseOffset: number) {
  producer.bufferUsedBytes -= batch.capacityBytes;
  forgetDelivered(producer, batch);
  producer.counters.acknowledgedRecords += batch.records.length;
  producer.mutedPartitions.delete(batch.partition);
  return {
    topic: batch.topic,
    partition: batch.partition,
    batchId: batch.id,
    baseOffset,
    recordCount: batch.records.length,
  };
}

/**
 * A batch that had a sequence number ended without being written: its sequence is now a gap the
 * broker would reject. Kafka bumps the epoch (KIP-360) and starts every partition at sequence 0;
 * here the bump is local (no InitProducerId round trip, see engine/README.md).
 */
function resetSequencesAfterGap(producer: ProducerState, batch: ProducerBatch): void {
  if (batch.baseSequence === null || batch.producerEpoch !== producer.idempotence.producerEpoch) return;
  producer.idempotence.producerEpoch++;
  producer.idempotence.nextSequence.clear();
  for (const deque of producer.deques.values()) for (const queued of deque) queued.baseSequence = null;
  for (const request of producer.inFlight.values())
    for (const sent of request.batches) sent.baseSequence = null;
}

/** The batch's records got their delivery report (acknowledged, failed or expired). */
function forgetDelivered(producer: ProducerState, batch: ProducerBatch): void {
  producer.undelivered.messages -= batch.records.length;
  for (const record of batch.records) producer.undelivered.valueBytes -= record.valueBytes;
}

function releaseBatch(producer: ProducerState, batch: ProducerBatch): void {
  producer.bufferUsedBytes -= batch.capacityBytes;
  forgetDelivered(producer, batch);
  producer.mutedPartitions.delete(batch.partition);
  resetSequencesAfterGap(producer, batch);
}

function failBatch(
  ctx: SimContext,
  producer: ProducerState,
  batch: ProducerBatch,
  error: ClientError,
  message: string,
): void {
  releaseBatch(producer, batch);
  producer.counters.failedRecords += batch.records.length;
  ctx.emit({
    type: "produceFailed",
    producerId: producer.id,
    topic: batch.topic,
    partition: batch.partition,
    batchId: batch.id,
    recordCount: batch.records.length,
    error,
    exception: EXCEPTIONS[error],
    message,
  });
}

/** Sender.canRetry: a retriable error, retries left, and delivery.timeout.ms not reached. */
function canRetry(
  ctx: SimContext,
  producer: ProducerState,
  batch: ProducerBatch,
  error: ClientError,
): boolean {
  const retriesSoFar = batch.attempts - 1;
  if (retriesSoFar >= producer.config.retries) return false;
  if (ctx.state.nowUs - batch.createdAtUs >= deliveryTimeoutUs(producer)) return false;
  if (batch.producerEpoch < producer.idempotence.producerEpoch) return true;
  // Kafka retries an out-of-order sequence unless the batch was already the next one expected. In
  // the simulator that only happens because jitter let a later request overtake an earlier one on
  // the same connection (TCP never does), so the earlier batch is about to land: always retry.
  if (error === "OUT_OF_ORDER_SEQUENCE_NUMBER") return true;
  return error === "NETWORK_EXCEPTION" || error === "NOT_LEADER_OR_FOLLOWER";
}

/** reenqueue: back to the front of its deque (in sequence order when idempotent), after an exponential backoff. */
function retryBatch(
  ctx: SimContext,
  producer: ProducerState,
  batch: ProducerBatch,
  error: ClientError,
): void {
  const { "retry.backoff.ms": baseMs, "retry.backoff.max.ms": maxMs } = producer.config;
  const backoffMs = Math.min(baseMs * 2 ** Math.min(batch.attempts - 1, 30), Math.max(baseMs, maxMs));
  batch.retryBackoffUntilUs = ctx.state.nowUs + backoffMs * 1000;
  batch.lastAttemptAtUs = ctx.state.nowUs;
  batch.readyAnnounced = false;
  producer.mutedPartitions.delete(batch.partition);
  const deque = producer.deques.get(batch.partition)!;
  let index = 0;
  if (batch.baseSequence !== null) {
    while (
      index < deque.length &&
      deque[index]!.baseSequence !== null &&
      deque[index]!.baseSequence! < batch.baseSequence
    )
      index++;
  }
  deque.splice(index, 0, batch);
  producer.counters.retriedBatches++;
  ctx.emit({
    type: "produceRetried",
    producerId: producer.id,
    topic: batch.topic,
    partition: batch.partition,
    batchId: batch.id,
    attempt: batch.attempts,
    error,
    backoffMs,
  });
}

function completeWithError(
  ctx: SimContext,
  producer: ProducerState,
  batch: ProducerBatch,
  error: ClientError,
  message: string,
): void {
  if (canRetry(ctx, producer, batch, error)) retryBatch(ctx, producer, batch, error);
  else failBatch(ctx, producer, batch, error, message);
}

export function handleProduceResponse(
  ctx: SimContext,
  producer: ProducerState,
  body: Extract<MessageBody, { api: "ProduceResponse" }>,
): void {
  const request = producer.inFlight.get(body.requestId);
  if (!request) return;
  producer.inFlight.delete(body.requestId);
  ctx.cancel(request.timeoutSeq);
  const acked = [];
  for (const batch of request.batches) {
    const result = body.results.find((r) => r.topic === batch.topic && r.partition === batch.partition);
    if (!result) continue;
    if (result.error === "NONE") acked.push(completeBatch(producer, batch, result.baseOffset));
    else
      completeWithError(
        ctx,
        producer,
        batch,
        result.error,
        `The server returned ${result.error} for ${batch.topic}-${batch.partition}`,
      );
  }
  if (acked.length > 0) {
    ctx.emit({
      type: "produceAcknowledged",
      producerId: producer.id,
      brokerId: request.brokerId,
      requestId: body.requestId,
      recordCount: acked.reduce((n, b) => n + b.recordCount, 0),
      batches: acked,
    });
  }
  wakeSender(ctx, producer, ctx.state.nowUs);
}

/** request.timeout.ms passed without a response: the connection is dropped and its batches retried. */
export function produceTimedOut(ctx: SimContext, producer: ProducerState, requestId: number): void {
  const request = producer.inFlight.get(requestId);
  if (!request) return;
  producer.inFlight.delete(requestId);
  ctx.emit({
    type: "produceRequestTimedOut",
    producerId: producer.id,
    brokerId: request.brokerId,
    requestId,
    recordCount: request.batches.reduce((n, b) => n + b.records.length, 0),
  });
  for (const batch of request.batches) {
    completeWithError(
      ctx,
      producer,
      batch,
      "NETWORK_EXCEPTION",
      `Disconnected from node ${request.brokerId} due to timeout`,
    );
  }
  wakeSender(ctx, producer, ctx.state.nowUs);
}

function expire(ctx: SimContext, producer: ProducerState, batch: ProducerBatch): void {
  releaseBatch(producer, batch);
  producer.counters.expiredRecords += batch.records.length;
  const elapsedMs = (ctx.state.nowUs - batch.createdAtUs) / 1000;
  ctx.emit({
    type: "recordExpired",
    producerId: producer.id,
    topic: batch.topic,
    partition: batch.partition,
    batchId: batch.id,
    recordCount: batch.records.length,
    exception: "TimeoutException",
    message: `Expiring ${batch.records.length} record(s) for ${batch.topic}-${batch.partition}:${elapsedMs} ms has passed since batch creation`,
  });
}

/** Fails every batch, queued or in flight, created delivery.timeout.ms or longer ago. */
export function expireBatches(ctx: SimContext, producer: ProducerState): void {
  const deadlineUs = ctx.state.nowUs - deliveryTimeoutUs(producer);
  for (const deque of producer.deques.values()) {
    // Oldest first: stop at the first batch that has time left, as RecordAccumulator.expiredBatches does.
    while (deque.length > 0 && deque[0]!.createdAtUs <= deadlineUs) expire(ctx, producer, deque.shift()!);
  }
  for (const request of producer.inFlight.values()) {
    if (!request.batches.some((b) => b.createdAtUs <= deadlineUs)) continue;
    const expired = request.batches.filter((b) => b.createdAtUs <= deadlineUs);
    if (expired.length === 0) continue;
    request.batches.splice(
      0,
      request.batches.length,
      ...request.batches.filter((b) => b.createdAtUs > deadlineUs),
    );
    for (const batch of expired) expire(ctx, producer, batch);
  }
}

/** When the oldest batch (queued or in flight) reaches delivery.timeout.ms. */
export function nextExpiryUs(producer: ProducerState): number {
  let oldestUs = Number.POSITIVE_INFINITY;
  for (const deque of producer.deques.values())
    if (deque[0]) oldestUs = Math.min(oldestUs, deque[0].createdAtUs);
  for (const request of producer.inFlight.values())
    for (const b of request.batches) oldestUs = Math.min(oldestUs, b.createdAtUs);
  return oldestUs + deliveryTimeoutUs(producer);
}

/** delivery.timeout.ms; librdkafka's message.timeout.ms = 0 means no timeout at all. */
function deliveryTimeoutUs(producer: ProducerState): number {
  const timeoutMs = producer.config["delivery.timeout.ms"];
  return producer.client === "librdkafka" && timeoutMs === 0 ? Number.POSITIVE_INFINITY : timeoutMs * 1000;
}
