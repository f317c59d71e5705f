// The broker actor: answers Metadata, appends Produce batches to the partitions it leads, answers
// ListOffsets, and serves Fetch, parking a fetch that has no data for up to fetch.max.wait.ms as
// Kafka's fetch purgatory does.
import { brokerActor, type SimContext } from "../context";
import type { NetworkMessage } from "../core/network";
import { type FetchedPartition, type MessageBody, recordSizeBytes } from "../protocol";
import { type BrokerState, type ParkedFetch, partitionKey } from "../state";
import { appendBatch, readFrom } from "./partition-log";

/** Records returned per partition per fetch; stands in for max.partition.fetch.bytes accounting. */
const FETCH_RECORDS_PER_PARTITION_MAX = 10_000;

export function handleBrokerMessage(ctx: SimContext, broker: BrokerState, message: NetworkMessage): void {
  const body = message.body;
  switch (body.api) {
    case "MetadataRequest":
      ctx.send(brokerActor(broker.id), message.from, metadataResponse(ctx));
      return;
    case "ProduceRequest":
      handleProduce(ctx, broker, message.from, body);
      return;
    case "ListOffsetsRequest":
      ctx.send(brokerActor(broker.id), message.from, {
        api: "ListOffsetsResponse",
        partitions: body.partitions.map(({ topic, partition }) => {
          const log = ctx.state.partitions.get(partitionKey(topic, partition))!;
          // ListOffsets(LATEST) for a read_uncommitted client answers the high watermark, not the LEO.
          return {
            topic,
            partition,
            offset: body.timestamp === "EARLIEST" ? log.logStartOffset : log.highWatermark,
          };
        }),
      });
      return;
    case "FetchRequest":
      handleFetch(ctx, broker, message.from, body);
      return;
    case "MetadataResponse":
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

function handleProduce(
  ctx: SimContext,
  broker: BrokerState,
  from: string,
  body: Extract<MessageBody, { api: "ProduceRequest" }>,
): void {
  const results = body.batches.map((batch) => {
    const log = ctx.state.partitions.get(partitionKey(batch.topic, batch.partition));
    if (!log || log.leaderBrokerId !== broker.id) {
      return {
        topic: batch.topic,
        partition: batch.partition,
        baseOffset: -1,
        error: "NOT_LEADER_OR_FOLLOWER",
      };
    }
    const { baseOffset } = appendBatch(log, batch);
    ctx.emit({
      type: "batchAppended",
      brokerId: broker.id,
      producerId: batch.records[0]?.producerId ?? "",
      topic: batch.topic,
      partition: batch.partition,
      baseOffset,
      recordCount: batch.records.length,
      logEndOffset: log.logEndOffset,
      highWatermark: log.highWatermark,
    });
    return { topic: batch.topic, partition: batch.partition, baseOffset, error: "NONE" };
  });
  // acks=0: the request carries no response expectation; the producer already completed it.
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
  };
  const response = buildFetchResponse(ctx, broker, parked);
  if (fetchSatisfied(response, parked.minBytes) || body.maxWaitMs === 0) {
    ctx.send(brokerActor(broker.id), from, {
      api: "FetchResponse",
      requestId: body.requestId,
      partitions: response,
    });
    return;
  }
  broker.parkedFetches.push(parked);
  ctx.at(body.maxWaitMs * 1000, { type: "fetchWaitExpired", brokerId: broker.id, parkedId: parked.id });
}

function buildFetchResponse(ctx: SimContext, broker: BrokerState, fetch: ParkedFetch): FetchedPartition[] {
  let budgetBytes = fetch.maxBytes;
  return fetch.partitions.map(({ topic, partition, fetchOffset }) => {
    const log = ctx.state.partitions.get(partitionKey(topic, partition));
    if (!log || log.leaderBrokerId !== broker.id) {
      return {
        topic,
        partition,
        highWatermark: -1,
        logStartOffset: -1,
        records: [],
        error: "NOT_LEADER_OR_FOLLOWER",
      };
    }
    const base = { topic, partition, highWatermark: log.highWatermark, logStartOffset: log.logStartOffset };
    if (fetchOffset < log.logStartOffset || fetchOffset > log.logEndOffset) {
      return { ...base, records: [], error: "OFFSET_OUT_OF_RANGE" };
    }
    const records = readFrom(log, fetchOffset, FETCH_RECORDS_PER_PARTITION_MAX);
    let taken = 0;
    // Kafka always returns at least one record batch even past fetch.max.bytes, so progress is made.
    while (taken < records.length && (taken === 0 || budgetBytes >= recordSizeBytes(records[taken]!))) {
      budgetBytes -= recordSizeBytes(records[taken]!);
      taken++;
    }
    return { ...base, records: records.slice(0, taken), error: "NONE" };
  });
}

function fetchSatisfied(response: FetchedPartition[], minBytes: number): boolean {
  let bytes = 0;
  for (const p of response) {
    if (p.error !== "NONE") return true;
    for (const r of p.records) bytes += recordSizeBytes(r);
  }
  return bytes >= Math.max(1, minBytes);
}

/** After an append, answer every parked fetch that now has enough data. */
function completeSatisfiedFetches(ctx: SimContext, broker: BrokerState): void {
  broker.parkedFetches = broker.parkedFetches.filter((fetch) => {
    const response = buildFetchResponse(ctx, broker, fetch);
    if (!fetchSatisfied(response, fetch.minBytes)) return true;
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
