// The broker actor: answers Metadata and InitProducerId, appends Produce batches to the partitions it
// leads (dropping idempotent duplicates), answers ListOffsets, and serves Fetch, parking a fetch that
// has no data for up to fetch.max.wait.ms as Kafka's fetch purgatory does.
import { brokerActor, type SimContext } from "../context";
import type { NetworkMessage } from "../core/network";
import { handleGroupRequest } from "../group/coordinator/handler";
import { isGroupMessage } from "../group/protocol";
import type { FetchedPartition, FetchPartition, MessageBody, ProduceBatch, ProduceError } from "../protocol";
import { type BrokerState, type ParkedFetch, type PartitionLogState, partitionKey } from "../state";
import { offsetForTimestamp, readLog } from "./log-read";
import { appendBatch } from "./partition-log";
import { checkSequence, recordAppendedBatch } from "./producer-state";

export function handleBrokerMessage(ctx: SimContext, broker: BrokerState, message: NetworkMessage): void {
  const body = message.body;
  // FindCoordinator, the classic group APIs and offsets go to the group coordinator.
  if (isGroupMessage(body)) return handleGroupRequest(ctx, broker.id, message, body);
  switch (body.api) {
    case "MetadataRequest":
      ctx.send(brokerActor(broker.id), message.from, metadataResponse(ctx));
      return;
    case "ProduceRequest":
      handleProduce(ctx, broker, message.from, body);
      return;
    case "InitProducerIdRequest":
      // Producer ids come from one cluster-wide allocator (the controller hands out blocks in Kafka).
      ctx.send(brokerActor(broker.id), message.from, {
        api: "InitProducerIdResponse",
        requestId: body.requestId,
        kafkaProducerId: ctx.state.nextKafkaProducerId++,
        producerEpoch: 0,
      });
      return;
    case "ListOffsetsRequest":
      ctx.send(brokerActor(broker.id), message.from, {
        api: "ListOffsetsResponse",
        partitions: body.partitions.map(({ topic, partition }) => {
          const log = ctx.state.partitions.get(partitionKey(topic, partition))!;
          return { topic, partition, offset: listOffset(log, body.timestamp) };
        }),
      });
      return;
    case "FetchRequest":
      handleFetch(ctx, broker, message.from, body);
      return;
    case "MetadataResponse":
    case "InitProducerIdResponse":
    case "ProduceResponse":
    case "ListOffsetsResponse":
    case "FetchResponse":
      return;
    default: {
      const unreachable: never = body;
      throw new Error(`unhandled message ${String(unreachable)}`);
    }
  }
}

/**
 * ListOffsets for a read_uncommitted client: EARLIEST is the log start, LATEST the high watermark
 * (not the LEO), a timestamp the first offset whose record is at least that new, or −1.
 */
function listOffset(log: PartitionLogState, timestamp: "EARLIEST" | "LATEST" | number): number {
  if (timestamp === "EARLIEST") return log.logStartOffset;
  if (timestamp === "LATEST") return log.highWatermark;
  return offsetForTimestamp(log, timestamp);
}

function metadataResponse(ctx: SimContext): MessageBody {
  return {
    api: "MetadataResponse",
    brokers: [...ctx.state.brokers.values()].filter((b) => b.up).map((b) => b.id),
    partitions: [...ctx.state.partitions.values()].map((log) => ({
      topic: log.topic,
      partition: log.partition,
      leaderBrokerId: log.leaderBrokerId,
    })),
  };
}

type ProduceRequest = Extract<MessageBody, { api: "ProduceRequest" }>;

/** One batch of a Produce request on this partition's leader: dedupe check, append, or an error. */
function produceToPartition(
  ctx: SimContext,
  broker: BrokerState,
  body: ProduceRequest,
  batch: ProduceBatch,
): { baseOffset: number; error: ProduceError } {
  const log = ctx.state.partitions.get(partitionKey(batch.topic, batch.partition));
  if (!log || log.leaderBrokerId !== broker.id) return { baseOffset: -1, error: "NOT_LEADER_OR_FOLLOWER" };
  const producerId = batch.records[0]?.producerId ?? "";
  const sequenced = body.kafkaProducerId >= 0 && batch.baseSequence >= 0;
  const lastSequence = (batch.baseSequence + batch.records.length - 1) % 2147483648;
  if (sequenced) {
    const check = checkSequence(
      log,
      body.kafkaProducerId,
      body.producerEpoch,
      batch.baseSequence,
      lastSequence,
    );
    if (check.kind === "error") return { baseOffset: -1, error: check.error };
    if (check.kind === "duplicate") {
      ctx.emit({
        type: "duplicateBatchIgnored",
        brokerId: broker.id,
        producerId,
        topic: batch.topic,
        partition: batch.partition,
        kafkaProducerId: body.kafkaProducerId,
        baseSequence: batch.baseSequence,
        lastSequence,
        baseOffset: check.baseOffset,
      });
      return { baseOffset: check.baseOffset, error: "NONE" };
    }
  }
  const { baseOffset, rolled } = appendBatch(log, batch, ctx.state.nowUs);
  if (rolled) emitRolled(ctx, log, broker.id, baseOffset, rolled);
  if (sequenced)
    recordAppendedBatch(
      log,
      body.kafkaProducerId,
      body.producerEpoch,
      batch.baseSequence,
      lastSequence,
      baseOffset,
    );
  ctx.emit({
    type: "batchAppended",
    brokerId: broker.id,
    producerId,
    topic: batch.topic,
    partition: batch.partition,
    baseOffset,
    recordCount: batch.records.length,
    logEndOffset: log.logEndOffset,
    highWatermark: log.highWatermark,
    keys: batch.records.map((r) => r.key),
    baseSequence: sequenced ? batch.baseSequence : null,
  });
  return { baseOffset, error: "NONE" };
}

function emitRolled(
  ctx: SimContext,
  log: PartitionLogState,
  brokerId: number,
  baseOffset: number,
  rolled: { reason: "segmentBytes" | "segmentMs"; closedSegmentBytes: number },
): void {
  ctx.emit({
    type: "segmentRolled",
    brokerId,
    topic: log.topic,
    partition: log.partition,
    baseOffset,
    reason: rolled.reason,
    closedSegmentBytes: rolled.closedSegmentBytes,
  });
}

function handleProduce(ctx: SimContext, broker: BrokerState, from: string, body: ProduceRequest): void {
  const results = body.batches.map((batch) => ({
    topic: batch.topic,
    partition: batch.partition,
    ...produceToPartition(ctx, broker, body, batch),
  }));
  // acks=0: the request carries no response expectation; the producer already completed it.
  // acks=1 and acks=all answer at once: without replication the high watermark is the log end offset.
  if (body.acks !== 0) {
    ctx.send(brokerActor(broker.id), from, { api: "ProduceResponse", requestId: body.requestId, results });
  }
  completeSatisfiedFetches(ctx, broker);
}

function handleFetch(
  ctx: SimContext,
  broker: BrokerState,
  from: string,
  body: Extract<MessageBody, { api: "FetchRequest" }>,
): void {
  const parked: ParkedFetch = {
    id: broker.nextParkedId++,
    consumerId: from,
    requestId: body.requestId,
    partitions: body.partitions,
    minBytes: body.minBytes,
    maxBytes: body.maxBytes,
    expirySeq: -1,
  };
  const waiting = body.maxWaitMs !== 0 && certainlyWaiting(ctx, broker, parked);
  const response = waiting ? null : buildFetchResponse(ctx, broker, parked);
  if (response && (fetchSatisfied(response, parked.minBytes) || body.maxWaitMs === 0)) {
    ctx.send(brokerActor(broker.id), from, {
      api: "FetchResponse",
      requestId: body.requestId,
      partitions: response,
    });
    return;
  }
  broker.parkedFetches.push(parked);
  parked.expirySeq = ctx.at(body.maxWaitMs * 1000, {
    type: "fetchWaitExpired",
    brokerId: broker.id,
    parkedId: parked.id,
  });
}

/**
 * ReplicaManager.readFromLog: each partition reads at most min(its max.partition.fetch.bytes, what
 * is left of fetch.max.bytes). Until a partition returns data the first batch comes whole even past
 * both limits (KIP-74), so a consumer always progresses; after that a batch must fit.
 */
function buildFetchResponse(ctx: SimContext, broker: BrokerState, fetch: ParkedFetch): FetchedPartition[] {
  let limitBytes = fetch.maxBytes;
  let minOneMessage = true;
  return fetch.partitions.map((requested) => {
    const answer = readPartition(
      ctx,
      broker,
      requested,
      Math.min(requested.maxBytes, limitBytes),
      minOneMessage,
    );
    if (answer.bytes > 0) minOneMessage = false;
    limitBytes = Math.max(0, limitBytes - answer.bytes);
    return answer;
  });
}

function readPartition(
  ctx: SimContext,
  broker: BrokerState,
  { topic, partition, fetchOffset }: FetchPartition,
  maxBytes: number,
  minOneMessage: boolean,
): FetchedPartition {
  const log = ctx.state.partitions.get(partitionKey(topic, partition));
  if (!log || log.leaderBrokerId !== broker.id) {
    return {
      topic,
      partition,
      highWatermark: -1,
      logStartOffset: -1,
      records: [],
      bytes: 0,
      error: "NOT_LEADER_OR_FOLLOWER",
    };
  }
  const { highWatermark, logStartOffset } = log;
  if (fetchOffset < log.logStartOffset || fetchOffset > log.logEndOffset) {
    return {
      topic,
      partition,
      highWatermark,
      logStartOffset,
      records: [],
      bytes: 0,
      error: "OFFSET_OUT_OF_RANGE",
    };
  }
  const { records, bytes } = readLog(log, fetchOffset, maxBytes, minOneMessage);
  return { topic, partition, highWatermark, logStartOffset, records, bytes, error: "NONE" };
}

/**
 * True when the fetch certainly has nothing to answer yet: with fetch.min.bytes = 1 any batch or
 * partition error satisfies it, so no record past any position and no error means it waits. Lets
 * the broker skip building a response it would throw away (it cannot tell for larger minBytes,
 * and fetch.min.bytes = 0 is satisfied even by an empty answer).
 */
function certainlyWaiting(ctx: SimContext, broker: BrokerState, fetch: ParkedFetch): boolean {
  if (fetch.minBytes !== 1) return false;
  for (const { topic, partition, fetchOffset } of fetch.partitions) {
    const log = ctx.state.partitions.get(partitionKey(topic, partition));
    if (!log || log.leaderBrokerId !== broker.id) return false;
    if (fetchOffset < log.logStartOffset || fetchOffset > log.logEndOffset) return false;
    if (fetchOffset < log.highWatermark) return false;
  }
  return true;
}

/**
 * ReplicaManager.fetchMessages answers at once when the bytes read reach fetch.min.bytes, counted
 * as the log holds them (batch headers included), or when a partition has an error.
 */
function fetchSatisfied(response: FetchedPartition[], minBytes: number): boolean {
  let bytes = 0;
  for (const p of response) {
    if (p.error !== "NONE") return true;
    bytes += p.bytes;
  }
  return bytes >= minBytes;
}

/** After an append, answer every parked fetch that now has enough data. */
function completeSatisfiedFetches(ctx: SimContext, broker: BrokerState): void {
  broker.parkedFetches = broker.parkedFetches.filter((fetch) => {
    if (certainlyWaiting(ctx, broker, fetch)) return true;
    const response = buildFetchResponse(ctx, broker, fetch);
    if (!fetchSatisfied(response, fetch.minBytes)) return true;
    ctx.cancel(fetch.expirySeq);
    ctx.send(brokerActor(broker.id), fetch.consumerId, {
      api: "FetchResponse",
      requestId: fetch.requestId,
      partitions: response,
    });
    return false;
  });
}

/** fetch.max.wait.ms elapsed: answer with whatever is there (possibly nothing). */
export function expireParkedFetch(ctx: SimContext, broker: BrokerState, parkedId: number): void {
  const fetch = broker.parkedFetches.find((f) => f.id === parkedId);
  if (!fetch) return;
  broker.parkedFetches = broker.parkedFetches.filter((f) => f.id !== parkedId);
  ctx.send(brokerActor(broker.id), fetch.consumerId, {
    api: "FetchResponse",
    requestId: fetch.requestId,
    partitions: buildFetchResponse(ctx, broker, fetch),
  });
}
