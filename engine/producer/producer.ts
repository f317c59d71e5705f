// The producer client (first slice): a workload emits records at a rate; each record goes into its
// partition's open batch; a batch is sent when it is full (batch.size) or has waited linger.ms, and
// then every open batch for the same leader is drained into one Produce request, as Kafka's Sender
// does. At most max.in.flight.requests.per.connection requests per broker; a request that gets no
// answer within request.timeout.ms is retried. Partitioning is a placeholder here (round robin);
// the real Java/librdkafka partitioners replace it in the producer issue.
import { brokerActor, type SimContext } from "../context";
import { US_PER_SECOND } from "../core/time";
import type { MessageBody } from "../protocol";
import { recordSizeBytes } from "../protocol";
import type { ProducerSpec } from "../scenario/schema";
import { type OpenBatch, type ProducerState, partitionKey } from "../state";

export function createProducerState(spec: ProducerSpec): ProducerState {
  return {
    id: spec.id,
    topic: spec.topic,
    recordsPerSec: spec.recordsPerSec,
    paused: false,
    tickEpoch: 0,
    recordCounter: 0,
    leaders: null,
    openBatches: new Map(),
    inFlight: new Map(),
    nextRequestId: 1,
    nextBatchId: 1,
    roundRobin: 0,
    acknowledgedRecords: 0,
  };
}

function specOf(ctx: SimContext, producer: ProducerState): ProducerSpec {
  return ctx.state.scenario.producers.find((p) => p.id === producer.id)!;
}

function acksOf(spec: ProducerSpec): -1 | 0 | 1 {
  const acks = spec.config.acks;
  return acks === "all" || acks === "-1" ? -1 : acks === "0" ? 0 : 1;
}

export function startProducer(ctx: SimContext, producer: ProducerState): void {
  const bootstrap = [...ctx.state.brokers.values()].find((b) => b.up) ?? ctx.state.brokers.get(1)!;
  ctx.send(producer.id, brokerActor(bootstrap.id), { api: "MetadataRequest", topics: [producer.topic] });
}

export function scheduleNextRecord(ctx: SimContext, producer: ProducerState): void {
  if (producer.paused || producer.recordsPerSec <= 0 || producer.leaders === null) return;
  ctx.at(US_PER_SECOND / producer.recordsPerSec, {
    type: "produceRecord",
    producerId: producer.id,
    epoch: producer.tickEpoch,
  });
}

export function handleProducerMessage(ctx: SimContext, producer: ProducerState, body: MessageBody): void {
  if (body.api === "MetadataResponse") {
    const first = producer.leaders === null;
    const leaders: number[] = [];
    for (const p of body.partitions) if (p.topic === producer.topic) leaders[p.partition] = p.leaderBrokerId;
    producer.leaders = leaders;
    ctx.emit({ type: "metadataReceived", clientId: producer.id, brokerId: Number(body.brokers[0] ?? 0) });
    if (first) scheduleNextRecord(ctx, producer);
  } else if (body.api === "ProduceResponse") {
    const request = producer.inFlight.get(body.requestId);
    if (!request) return;
    producer.inFlight.delete(body.requestId);
    const recordCount = request.batches.reduce((n, b) => n + b.records.length, 0);
    producer.acknowledgedRecords += recordCount;
    ctx.emit({
      type: "produceAcknowledged",
      producerId: producer.id,
      brokerId: request.brokerId,
      requestId: body.requestId,
      recordCount,
    });
    drainReady(ctx, producer, request.brokerId);
  }
}

/** The workload's next record: pick a key and a partition, append it to that partition's batch. */
export function produceRecord(ctx: SimContext, producer: ProducerState, epoch: number): void {
  if (epoch !== producer.tickEpoch || producer.paused || producer.leaders === null) return;
  const spec = specOf(ctx, producer);
  const keys = spec.keys.kind === "fixed" ? spec.keys.keys : null;
  const key = keys ? keys[producer.recordCounter % keys.length]! : null;
  const partition = producer.roundRobin++ % producer.leaders.length;
  producer.recordCounter++;
  const record = { key, valueBytes: spec.valueBytes, timestampUs: ctx.state.nowUs, producerId: producer.id };
  const pk = partitionKey(producer.topic, partition);
  let batch = producer.openBatches.get(pk);
  if (!batch) {
    batch = {
      id: producer.nextBatchId++,
      topic: producer.topic,
      partition,
      createdAtUs: ctx.state.nowUs,
      sizeBytes: 0,
      records: [],
    };
    producer.openBatches.set(pk, batch);
    ctx.at(spec.config["linger.ms"] * 1000, {
      type: "lingerExpired",
      producerId: producer.id,
      partitionKey: pk,
      batchId: batch.id,
    });
  }
  batch.records.push(record);
  batch.sizeBytes += recordSizeBytes(record);
  ctx.emit({ type: "recordAccumulated", producerId: producer.id, topic: producer.topic, partition, key });
  if (batch.sizeBytes >= spec.config["batch.size"]) drainReady(ctx, producer, producer.leaders[partition]!);
  scheduleNextRecord(ctx, producer);
}

export function lingerExpired(ctx: SimContext, producer: ProducerState, pk: string, batchId: number): void {
  const batch = producer.openBatches.get(pk);
  if (!batch || batch.id !== batchId || producer.leaders === null) return;
  drainReady(ctx, producer, producer.leaders[batch.partition]!);
}

/**
 * Sends one Produce request to `brokerId` with every open batch whose leader it is, if the
 * in-flight limit allows. Batches left behind are sent when a response frees a slot.
 */
function drainReady(ctx: SimContext, producer: ProducerState, brokerId: number): void {
  const spec = specOf(ctx, producer);
  const inFlightToBroker = [...producer.inFlight.values()].filter((r) => r.brokerId === brokerId).length;
  if (inFlightToBroker >= spec.config["max.in.flight.requests.per.connection"]) return;
  const batches: OpenBatch[] = [];
  for (const [pk, batch] of producer.openBatches) {
    if (producer.leaders?.[batch.partition] !== brokerId) continue;
    const lingered = ctx.state.nowUs - batch.createdAtUs >= spec.config["linger.ms"] * 1000;
    const full = batch.sizeBytes >= spec.config["batch.size"];
    if (batches.length === 0 && !lingered && !full) continue;
    batches.push(batch);
    producer.openBatches.delete(pk);
  }
  if (batches.length === 0) return;
  sendBatches(ctx, producer, brokerId, batches, acksOf(spec));
}

function sendBatches(
  ctx: SimContext,
  producer: ProducerState,
  brokerId: number,
  batches: OpenBatch[],
  acks: -1 | 0 | 1,
): void {
  const requestId = producer.nextRequestId++;
  const messageId = ctx.send(producer.id, brokerActor(brokerId), {
    api: "ProduceRequest",
    requestId,
    acks,
    batches: batches.map((b) => ({ topic: b.topic, partition: b.partition, records: b.records })),
  });
  ctx.emit({
    type: "produceRequestSent",
    producerId: producer.id,
    brokerId,
    requestId,
    messageId,
    batches: batches.map((b) => ({ topic: b.topic, partition: b.partition, recordCount: b.records.length })),
  });
  if (acks === 0) {
    // Fire and forget: the client completes the batches at once, with base offset -1.
    producer.acknowledgedRecords += batches.reduce((n, b) => n + b.records.length, 0);
    return;
  }
  producer.inFlight.set(requestId, { requestId, brokerId, batches });
  ctx.at(specOf(ctx, producer).config["request.timeout.ms"] * 1000, {
    type: "produceTimeout",
    producerId: producer.id,
    requestId,
  });
}

/** request.timeout.ms passed without a response: the batches are retried (retries is unbounded). */
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
  sendBatches(ctx, producer, request.brokerId, request.batches, acksOf(specOf(ctx, producer)));
}
