// The Sender thread: on each wake it expires batches past delivery.timeout.ms, runs the
// accumulator's ready() pass (which also feeds adaptive partitioning its queue sizes), and sends
// one Produce request per ready leader, drained up to max.request.size with at most one batch per
// partition, as long as max.in.flight.requests.per.connection allows. Then it sleeps until the next
// batch can become ready (linger.ms, retry backoff) or expire.
import { brokerActor, type SimContext } from "../context";
import type { ProduceBatchSummary } from "../events";
import { RECORD_BATCH_OVERHEAD_BYTES } from "../protocol";
import type { ProducerBatch, ProducerState } from "../state";
import { completeBatch, expireBatches, nextExpiryUs } from "./completion";
import { acksOf, type CompressionType } from "./config";
import { collectQueueSizes, type PartitionQueueEntry, updatePartitionLoadStats } from "./partitioner";

/**
 * Compressed size / uncompressed size per codec for typical text-like record values. A fixed
 * ratio is an approximation: real ratios depend on the data (see engine/README.md).
 */
export const COMPRESSION_RATIO: Readonly<Record<CompressionType, number>> = {
  none: 1,
  gzip: 0.3,
  snappy: 0.5,
  lz4: 0.45,
  zstd: 0.28,
};

export function wireBytesOf(batch: ProducerBatch, compression: CompressionType): number {
  const payloadBytes = batch.sizeBytes - RECORD_BATCH_OVERHEAD_BYTES;
  return RECORD_BATCH_OVERHEAD_BYTES + Math.ceil(payloadBytes * COMPRESSION_RATIO[compression]);
}

/** Wakes the sender at `atUs` unless it is already due to wake earlier. */
export function wakeSender(ctx: SimContext, producer: ProducerState, atUs: number): void {
  const target = Math.max(atUs, ctx.state.nowUs);
  // A LONG linger.ms or backoff can point past what simulated time can represent: never, then.
  if (!Number.isSafeInteger(Math.round(target))) return;
  if (
    producer.senderWakeAtUs !== null &&
    producer.senderWakeAtUs <= target &&
    producer.senderWakeAtUs >= ctx.state.nowUs
  )
    return;
  producer.senderWakeAtUs = target;
  ctx.at(target - ctx.state.nowUs, { type: "senderWake", producerId: producer.id });
}

/** Timer handler: one iteration of Sender.runOnce. */
export function senderWake(ctx: SimContext, producer: ProducerState): void {
  if (producer.senderWakeAtUs !== ctx.state.nowUs) return;
  producer.senderWakeAtUs = null;
  runSender(ctx, producer);
}

function inFlightTo(producer: ProducerState, brokerId: number): number {
  let n = 0;
  for (const request of producer.inFlight.values()) if (request.brokerId === brokerId) n++;
  return n;
}

function runSender(ctx: SimContext, producer: ProducerState): void {
  if (producer.leaders === null) return;
  expireBatches(ctx, producer);
  const { readyNodes, nextCheckUs } = ready(ctx, producer);
  let sent = false;
  const nowMs = ctx.state.nowUs / 1000;
  for (const brokerId of readyNodes) {
    const latency = producer.nodeLatency.get(brokerId) ?? { readyTimeMs: nowMs, drainTimeMs: nowMs };
    latency.readyTimeMs = nowMs;
    producer.nodeLatency.set(brokerId, latency);
    if (inFlightTo(producer, brokerId) >= producer.config["max.in.flight.requests.per.connection"]) continue;
    latency.drainTimeMs = nowMs;
    const batches = drain(producer, brokerId, ctx.state.nowUs);
    if (batches.length === 0) continue;
    sendProduceRequest(ctx, producer, brokerId, batches);
    sent = true;
  }
  // Kafka's sender loops again at once after sending; the next pass finds what is still ready.
  const wakeAtUs = sent ? ctx.state.nowUs : Math.min(nextCheckUs, nextExpiryUs(producer));
  if (wakeAtUs < Number.POSITIVE_INFINITY) wakeSender(ctx, producer, wakeAtUs);
  finishCloseIfDrained(ctx, producer);
}

type ReadyReason = "full" | "queuedBehind" | "lingerElapsed" | "retryBackoffElapsed" | "closing";

/** RecordAccumulator.batchReady for a partition's head batch: when it becomes sendable. */
function headReadyAtUs(producer: ProducerState, deque: ProducerBatch[], nowUs: number): number {
  const head = deque[0]!;
  if (head.retryBackoffUntilUs !== null && head.attempts > 0) return head.retryBackoffUntilUs;
  // close() closes the accumulator: every batch is sendable without waiting for linger.ms.
  if (head.sealed || deque.length > 1 || producer.status === "closing") return nowUs;
  // librdkafka's linger.ms is a float; it keeps whole microseconds (buffering_max_us).
  return (
    Math.max(head.createdAtUs, head.lastAttemptAtUs ?? 0) + Math.trunc(producer.config["linger.ms"] * 1000)
  );
}

/** Why the head batch is sendable (told once per attempt, in the batchReady event). */
function headReadyReason(producer: ProducerState, deque: ProducerBatch[]): ReadyReason {
  const head = deque[0]!;
  if (head.retryBackoffUntilUs !== null && head.attempts > 0) return "retryBackoffElapsed";
  if (head.sealed) return "full";
  if (producer.status === "closing") return "closing";
  if (deque.length > 1) return "queuedBehind";
  return "lingerElapsed";
}

/**
 * The accumulator's partitions in ascending order. Deques exist only for partitions the producer
 * knows (below its partition count), so counting up finds them all without sorting the keys.
 */
function dequePartitionsAscending(producer: ProducerState, partitionCount: number): number[] {
  const out: number[] = [];
  for (let p = 0; p < partitionCount; p++) if (producer.deques.has(p)) out.push(p);
  return out.length === producer.deques.size ? out : [...producer.deques.keys()].sort((a, b) => a - b);
}

/** RecordAccumulator.ready(): leaders with a sendable head batch, and when to look again. */
function ready(ctx: SimContext, producer: ProducerState): { readyNodes: number[]; nextCheckUs: number } {
  const nowUs = ctx.state.nowUs;
  const leaders = producer.leaders!;
  const readyNodes: number[] = [];
  let nextCheckUs = Number.POSITIVE_INFINITY;
  const partitions = dequePartitionsAscending(producer, leaders.length);
  for (const partition of partitions) {
    const deque = producer.deques.get(partition)!;
    const leader = leaders[partition];
    if (deque.length === 0 || leader === undefined || producer.mutedPartitions.has(partition)) continue;
    const readyAtUs = headReadyAtUs(producer, deque, nowUs);
    if (readyAtUs > nowUs) {
      nextCheckUs = Math.min(nextCheckUs, readyAtUs);
      continue;
    }
    if (!readyNodes.includes(leader)) readyNodes.push(leader);
    const head = deque[0]!;
    if (!head.readyAnnounced) {
      head.readyAnnounced = true;
      ctx.emit({
        type: "batchReady",
        producerId: producer.id,
        topic: head.topic,
        partition,
        batchId: head.id,
        reason: headReadyReason(producer, deque),
        waitedMs: (nowUs - Math.max(head.createdAtUs, head.lastAttemptAtUs ?? 0)) / 1000,
      });
    }
  }
  updateAdaptiveStats(producer, partitions);
  return { readyNodes: readyNodes.sort((a, b) => a - b), nextCheckUs };
}

/** partitionReady's queue-size collection for KIP-794 adaptive partitioning (built-in partitioner only). */
function updateAdaptiveStats(producer: ProducerState, sortedPartitions: readonly number[]): void {
  const state = producer.partitioner;
  if (state.kind !== "java-built-in" || producer.leaders === null) return;
  const leaders = producer.leaders;
  // collectQueueSizes answers null (uniform choice) for these without looking at the entries.
  if (!state.config.adaptivePartitioningEnable || sortedPartitions.length < leaders.length) {
    updatePartitionLoadStats(state.builtIn, null);
    return;
  }
  const entries: PartitionQueueEntry[] = sortedPartitions.map((partition) => {
    const leader = leaders[partition];
    return {
      partition,
      leaderKnown: leader !== undefined,
      queuedBatches: producer.deques.get(partition)!.length,
      leaderLatency: leader === undefined ? null : (producer.nodeLatency.get(leader) ?? null),
    };
  });
  const collected = collectQueueSizes(
    entries,
    leaders.length,
    state.config.adaptivePartitioningEnable,
    state.config.availabilityTimeoutMs,
  );
  updatePartitionLoadStats(state.builtIn, collected);
}

/**
 * drainBatchesForOneNode: the head batch of each partition this broker leads, starting at the
 * broker's own drain index, until max.request.size. Heads are taken whether or not they are
 * "ready" (only backing-off ones are skipped), so one request carries everything the leader can
 * take. As in Kafka, the index saved is the last partition looked at, so the next drain starts
 * there (the partition a full request stopped at goes first next time).
 */
function drain(producer: ProducerState, brokerId: number, nowUs: number): ProducerBatch[] {
  // An idempotent producer sends nothing until InitProducerId has given it a producer id.
  if (producer.config["enable.idempotence"] && producer.idempotence.producerIdNumber === null) return [];
  const parts: number[] = [];
  producer.leaders?.forEach((leader, partition) => {
    if (leader === brokerId) parts.push(partition);
  });
  const out: ProducerBatch[] = [];
  if (parts.length === 0) return out;
  let requestBytes = 0;
  let drainIndex = (producer.drainIndexByBroker.get(brokerId) ?? 0) % parts.length;
  const start = drainIndex;
  do {
    const partition = parts[drainIndex]!;
    producer.drainIndexByBroker.set(brokerId, drainIndex);
    drainIndex = (drainIndex + 1) % parts.length;
    const deque = producer.deques.get(partition);
    const head = deque?.[0];
    if (!head || producer.mutedPartitions.has(partition)) continue;
    if (head.retryBackoffUntilUs !== null && head.retryBackoffUntilUs > nowUs) continue;
    const wireBytes = wireBytesOf(head, producer.config["compression.type"]);
    if (requestBytes + wireBytes > producer.config["max.request.size"] && out.length > 0) break;
    deque!.shift();
    head.sealed = true;
    assignSequence(producer, head);
    requestBytes += wireBytes;
    out.push(head);
  } while (drainIndex !== start);
  return out;
}

/** Idempotence: a batch's sequence is fixed the first time it is drained and kept across retries. */
function assignSequence(producer: ProducerState, batch: ProducerBatch): void {
  if (!producer.config["enable.idempotence"] || batch.baseSequence !== null) return;
  const next = producer.idempotence.nextSequence.get(batch.partition) ?? 0;
  batch.baseSequence = next;
  batch.producerEpoch = producer.idempotence.producerEpoch;
  // Sequences wrap to 0 after Integer.MAX_VALUE.
  producer.idempotence.nextSequence.set(batch.partition, (next + batch.records.length) % 2147483648);
}

function summarize(producer: ProducerState, batch: ProducerBatch): ProduceBatchSummary {
  return {
    topic: batch.topic,
    partition: batch.partition,
    batchId: batch.id,
    recordCount: batch.records.length,
    sizeBytes: batch.sizeBytes,
    wireBytes: wireBytesOf(batch, producer.config["compression.type"]),
    attempt: batch.attempts,
    baseSequence: batch.baseSequence,
  };
}

function sendProduceRequest(
  ctx: SimContext,
  producer: ProducerState,
  brokerId: number,
  batches: ProducerBatch[],
): void {
  const acks = acksOf(producer.config);
  const requestId = producer.nextRequestId++;
  for (const batch of batches) {
    if (batch.attempts === 0) producer.counters.sentRecords += batch.records.length;
    batch.attempts++;
    batch.lastAttemptAtUs = ctx.state.nowUs;
    batch.retryBackoffUntilUs = null;
    if (producer.config["max.in.flight.requests.per.connection"] === 1)
      producer.mutedPartitions.add(batch.partition);
  }
  const compression = producer.config["compression.type"];
  const messageId = ctx.send(producer.id, brokerActor(brokerId), {
    api: "ProduceRequest",
    requestId,
    acks,
    kafkaProducerId: producer.idempotence.producerIdNumber ?? -1,
    producerEpoch: producer.idempotence.producerEpoch,
    batches: batches.map((b) => ({
      topic: b.topic,
      partition: b.partition,
      records: b.records,
      baseSequence: b.baseSequence ?? -1,
      wireBytes: wireBytesOf(b, compression),
    })),
  });
  ctx.emit({
    type: "produceRequestSent",
    producerId: producer.id,
    brokerId,
    requestId,
    messageId,
    acks,
    batches: batches.map((b) => summarize(producer, b)),
  });
  if (acks === 0) {
    // No response will come: the sender completes every batch at once with base offset -1.
    const acked = batches.map((b) => completeBatch(producer, b, -1));
    ctx.emit({
      type: "produceAcknowledged",
      producerId: producer.id,
      brokerId,
      requestId,
      recordCount: acked.reduce((n, b) => n + b.recordCount, 0),
      batches: acked,
    });
    return;
  }
  const timeoutSeq = ctx.at(producer.config["request.timeout.ms"] * 1000, {
    type: "produceTimeout",
    producerId: producer.id,
    requestId,
  });
  producer.inFlight.set(requestId, { requestId, brokerId, sentAtUs: ctx.state.nowUs, batches, timeoutSeq });
}

/** After each sender pass: a closing producer with nothing queued or in flight is closed. */
export function finishCloseIfDrained(ctx: SimContext, producer: ProducerState): void {
  if (producer.status !== "closing" || producer.inFlight.size > 0) return;
  for (const deque of producer.deques.values()) if (deque.length > 0) return;
  producer.status = "closed";
  ctx.emit({ type: "producerClosed", producerId: producer.id });
}
