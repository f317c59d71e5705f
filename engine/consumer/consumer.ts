// The consumer client in autonomous mode (assign(): no group, no rebalances). It learns leaders
// with Metadata, resets positions with ListOffsets per auto.offset.reset, keeps one Fetch in flight
// per leader for partitions with nothing buffered, and runs the application's poll loop: poll()
// returns at most max.poll.records buffered records at the current position, advances the
// position past them, and the application processes them for processingTimeMs each.
import { brokerActor, type SimContext } from "../context";
import type { MessageBody } from "../protocol";
import type { ConsumerSpec } from "../scenario/schema";
import type { ConsumerState } from "../state";

export function createConsumerState(spec: ConsumerSpec, partitionCount: number): ConsumerState {
  const partitions = spec.partitions ?? Array.from({ length: partitionCount }, (_, p) => p);
  return {
    id: spec.id,
    topic: spec.topic,
    partitions,
    processingTimeMs: spec.processingTimeMs,
    leaders: null,
    positions: new Map(partitions.map((p) => [p, null])),
    buffered: new Map(partitions.map((p) => [p, []])),
    fetchInFlight: new Map(),
    nextRequestId: 1,
    status: "starting",
    wakeEpoch: 0,
    polledRecords: 0,
    processedRecords: 0,
    processingUntilUs: null,
  };
}

function specOf(ctx: SimContext, consumer: ConsumerState): ConsumerSpec {
  return ctx.state.scenario.consumers.find((c) => c.id === consumer.id)!;
}

export function startConsumer(ctx: SimContext, consumer: ConsumerState): void {
  const bootstrap = [...ctx.state.brokers.values()].find((b) => b.up) ?? ctx.state.brokers.get(1)!;
  ctx.send(consumer.id, brokerActor(bootstrap.id), { api: "MetadataRequest", topics: [consumer.topic] });
}

export function handleConsumerMessage(ctx: SimContext, consumer: ConsumerState, body: MessageBody): void {
  switch (body.api) {
    case "MetadataResponse": {
      const leaders: number[] = [];
      for (const p of body.partitions)
        if (p.topic === consumer.topic) leaders[p.partition] = p.leaderBrokerId;
      consumer.leaders = leaders;
      ctx.emit({ type: "metadataReceived", clientId: consumer.id, brokerId: Number(body.brokers[0] ?? 0) });
      resetMissingPositions(ctx, consumer);
      return;
    }
    case "ListOffsetsResponse":
      for (const p of body.partitions) {
        if (consumer.positions.get(p.partition) !== null) continue;
        consumer.positions.set(p.partition, p.offset);
        ctx.emit({
          type: "offsetReset",
          consumerId: consumer.id,
          topic: p.topic,
          partition: p.partition,
          offset: p.offset,
          strategy: specOf(ctx, consumer).config["auto.offset.reset"] === "earliest" ? "earliest" : "latest",
        });
      }
      sendFetches(ctx, consumer);
      if (consumer.status === "starting") poll(ctx, consumer);
      return;
    case "FetchResponse":
      handleFetchResponse(ctx, consumer, body);
      return;
    default:
      return;
  }
}

/** Partitions without a position reset per auto.offset.reset (no group, so no committed offset). */
function resetMissingPositions(ctx: SimContext, consumer: ConsumerState): void {
  const policy = specOf(ctx, consumer).config["auto.offset.reset"];
  const byBroker = new Map<number, { topic: string; partition: number }[]>();
  for (const [partition, position] of consumer.positions) {
    if (position !== null) continue;
    if (policy === "none") {
      // Java throws NoOffsetForPartitionException from poll(); the application stops here.
      ctx.emit({ type: "noOffsetForPartition", consumerId: consumer.id, topic: consumer.topic, partition });
      consumer.status = "failed";
      return;
    }
    const leader = consumer.leaders?.[partition];
    if (leader === undefined) continue;
    const list = byBroker.get(leader) ?? [];
    list.push({ topic: consumer.topic, partition });
    byBroker.set(leader, list);
  }
  for (const [brokerId, partitions] of byBroker) {
    ctx.send(consumer.id, brokerActor(brokerId), {
      api: "ListOffsetsRequest",
      timestamp: policy === "earliest" ? "EARLIEST" : "LATEST",
      partitions,
    });
  }
  if (byBroker.size === 0) sendFetches(ctx, consumer);
}

/** One Fetch per leader that has no fetch in flight, for its partitions with nothing buffered. */
export function sendFetches(ctx: SimContext, consumer: ConsumerState): void {
  if (consumer.leaders === null || consumer.status === "failed") return;
  const config = specOf(ctx, consumer).config;
  const byBroker = new Map<number, { topic: string; partition: number; fetchOffset: number }[]>();
  for (const partition of consumer.partitions) {
    const position = consumer.positions.get(partition);
    const leader = consumer.leaders[partition];
    if (position === null || position === undefined || leader === undefined) continue;
    if (consumer.fetchInFlight.has(leader) || (consumer.buffered.get(partition)?.length ?? 0) > 0) continue;
    const list = byBroker.get(leader) ?? [];
    list.push({ topic: consumer.topic, partition, fetchOffset: position });
    byBroker.set(leader, list);
  }
  for (const [brokerId, partitions] of byBroker) {
    const requestId = consumer.nextRequestId++;
    consumer.fetchInFlight.set(brokerId, requestId);
    const messageId = ctx.send(consumer.id, brokerActor(brokerId), {
      api: "FetchRequest",
      requestId,
      maxWaitMs: config["fetch.max.wait.ms"],
      minBytes: config["fetch.min.bytes"],
      maxBytes: 52_428_800,
      partitions,
    });
    ctx.emit({ type: "fetchRequestSent", consumerId: consumer.id, brokerId, requestId, messageId });
    ctx.at(config["request.timeout.ms"] * 1000, { type: "fetchTimeout", consumerId: consumer.id, requestId });
  }
}

function handleFetchResponse(
  ctx: SimContext,
  consumer: ConsumerState,
  body: Extract<MessageBody, { api: "FetchResponse" }>,
): void {
  const brokerId = [...consumer.fetchInFlight].find(([, id]) => id === body.requestId)?.[0];
  if (brokerId === undefined) return;
  consumer.fetchInFlight.delete(brokerId);
  let recordCount = 0;
  let outOfRange = false;
  for (const fetched of body.partitions) {
    const position = consumer.positions.get(fetched.partition);
    if (position === null || position === undefined) continue;
    if (fetched.error === "OFFSET_OUT_OF_RANGE") {
      // Retention deleted the position (or it was never valid): forget it and reset per
      // auto.offset.reset, as the fetcher does; "none" fails the application.
      ctx.emit({
        type: "offsetOutOfRange",
        consumerId: consumer.id,
        topic: fetched.topic,
        partition: fetched.partition,
        position,
        logStartOffset: fetched.logStartOffset,
      });
      consumer.positions.set(fetched.partition, null);
      consumer.buffered.set(fetched.partition, []);
      outOfRange = true;
      continue;
    }
    if (fetched.error !== "NONE") continue;
    // Only data at the current position is usable; a seek in the meantime makes the rest stale.
    const usable = fetched.records.filter((r) => r.offset >= position);
    if (usable[0] && usable[0].offset !== position) continue;
    consumer.buffered.get(fetched.partition)!.push(...usable);
    recordCount += usable.length;
  }
  ctx.emit({
    type: "fetchResponseReceived",
    consumerId: consumer.id,
    brokerId,
    requestId: body.requestId,
    recordCount,
  });
  if (outOfRange) resetMissingPositions(ctx, consumer);
  if (consumer.status === "waitingForData" && recordCount > 0) poll(ctx, consumer);
  else sendFetches(ctx, consumer);
}

export function fetchTimedOut(ctx: SimContext, consumer: ConsumerState, requestId: number): void {
  const entry = [...consumer.fetchInFlight].find(([, id]) => id === requestId);
  if (!entry) return;
  consumer.fetchInFlight.delete(entry[0]);
  ctx.emit({ type: "fetchRequestTimedOut", consumerId: consumer.id, brokerId: entry[0], requestId });
  sendFetches(ctx, consumer);
}

/**
 * The application calls poll(): up to max.poll.records buffered records, partition by partition,
 * each starting at the current position; the position moves past what is returned. With nothing
 * buffered the application blocks until a fetch brings data (a long poll timeout, simplified).
 */
export function poll(ctx: SimContext, consumer: ConsumerState): void {
  if (consumer.status === "failed") return;
  let budget = specOf(ctx, consumer).config["max.poll.records"];
  const ranges = [];
  for (const partition of consumer.partitions) {
    const buffer = consumer.buffered.get(partition)!;
    if (budget === 0 || buffer.length === 0) continue;
    const taken = buffer.splice(0, budget);
    budget -= taken.length;
    const fromOffset = taken[0]!.offset;
    const toOffset = taken[taken.length - 1]!.offset + 1;
    consumer.positions.set(partition, toOffset);
    ranges.push({ topic: consumer.topic, partition, fromOffset, toOffset });
  }
  const recordCount = ranges.reduce((n, r) => n + (r.toOffset - r.fromOffset), 0);
  // Pipelining: the next fetches go out before the application starts processing.
  sendFetches(ctx, consumer);
  if (recordCount === 0) {
    consumer.status = "waitingForData";
    consumer.processingUntilUs = null;
    return;
  }
  consumer.polledRecords += recordCount;
  ctx.emit({ type: "recordsPolled", consumerId: consumer.id, recordCount, ranges });
  consumer.status = "processing";
  const durationUs = Math.round(recordCount * consumer.processingTimeMs * 1000);
  consumer.processingUntilUs = ctx.state.nowUs + durationUs;
  consumer.wakeEpoch++;
  ctx.at(durationUs, { type: "consumerWake", consumerId: consumer.id, epoch: consumer.wakeEpoch });
}

/** The application finished processing the last poll's records and calls poll() again. */
export function consumerWake(ctx: SimContext, consumer: ConsumerState, epoch: number): void {
  if (epoch !== consumer.wakeEpoch || consumer.status !== "processing") return;
  const polled = consumer.polledRecords - consumer.processedRecords;
  consumer.processedRecords = consumer.polledRecords;
  ctx.emit({ type: "recordsProcessed", consumerId: consumer.id, recordCount: polled });
  poll(ctx, consumer);
}

export function seekConsumer(
  ctx: SimContext,
  consumer: ConsumerState,
  partition: number,
  offset: number,
): void {
  // seek() only moves the in-memory position; buffered data for the old position is discarded.
  consumer.positions.set(partition, offset);
  consumer.buffered.set(partition, []);
  ctx.emit({
    type: "offsetReset",
    consumerId: consumer.id,
    topic: consumer.topic,
    partition,
    offset,
    strategy: "seek",
  });
  sendFetches(ctx, consumer);
}
