// The consumer's Fetcher: leaders from Metadata, one Fetch in flight per leader for the fetchable
// partitions (assigned, with a position, nothing buffered, not paused, not pending revocation),
// position resets with ListOffsets per auto.offset.reset, and OFFSET_OUT_OF_RANGE handling.
import { brokerActor, type SimContext } from "../context";
import type { FetchPartition, MessageBody } from "../protocol";
import { poll } from "./poll";
import { type ConsumerState, tpKey } from "./types";

export function autoOffsetReset(consumer: ConsumerState): "earliest" | "latest" | "none" {
  return consumer.spec.config["auto.offset.reset"];
}

export function handleMetadataResponse(
  ctx: SimContext,
  consumer: ConsumerState,
  body: Extract<MessageBody, { api: "MetadataResponse" }>,
): void {
  const leaders = new Map<string, number>();
  for (const p of body.partitions)
    if (consumer.topics.includes(p.topic)) leaders.set(tpKey(p), p.leaderBrokerId);
  consumer.leaders = leaders;
  ctx.emit({ type: "metadataReceived", clientId: consumer.id, brokerId: Number(body.brokers[0] ?? 0) });
  // assign() consumers reset at once; group consumers first ask the coordinator for committed offsets.
  if (consumer.mode === "assign") resetMissingPositions(ctx, consumer);
  else sendFetches(ctx, consumer);
}

/** Assigned partitions without a position reset per auto.offset.reset (after OffsetFetch found nothing). */
export function resetMissingPositions(
  ctx: SimContext,
  consumer: ConsumerState,
  only?: ReadonlySet<string>,
): void {
  const policy = autoOffsetReset(consumer);
  const byBroker = new Map<number, { topic: string; partition: number }[]>();
  for (const tp of consumer.assigned) {
    const key = tpKey(tp);
    if (consumer.positions.get(key) !== null || (only && !only.has(key))) continue;
    if (policy === "none") {
      // Java throws NoOffsetForPartitionException from poll(); the application stops here.
      ctx.emit({
        type: "noOffsetForPartition",
        consumerId: consumer.id,
        topic: tp.topic,
        partition: tp.partition,
      });
      consumer.status = "failed";
      return;
    }
    const leader = consumer.leaders?.get(key);
    if (leader === undefined) continue;
    const list = byBroker.get(leader) ?? [];
    list.push({ topic: tp.topic, partition: tp.partition });
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

export function handleListOffsetsResponse(
  ctx: SimContext,
  consumer: ConsumerState,
  body: Extract<MessageBody, { api: "ListOffsetsResponse" }>,
): void {
  for (const p of body.partitions) {
    const key = tpKey(p);
    // Only a partition still assigned and still without a position takes the reset.
    if (!consumer.positions.has(key) || consumer.positions.get(key) !== null) continue;
    consumer.positions.set(key, p.offset);
    ctx.emit({
      type: "offsetReset",
      consumerId: consumer.id,
      topic: p.topic,
      partition: p.partition,
      offset: p.offset,
      strategy: autoOffsetReset(consumer) === "earliest" ? "earliest" : "latest",
    });
  }
  sendFetches(ctx, consumer);
  if (consumer.status === "starting") poll(ctx, consumer);
}

function fetchable(consumer: ConsumerState, key: string): boolean {
  if (consumer.paused || consumer.group?.fetchSuspended) return false;
  const position = consumer.positions.get(key);
  return position !== null && position !== undefined && (consumer.buffered.get(key)?.length ?? 0) === 0;
}

/** One Fetch per leader that has no fetch in flight, for its fetchable partitions. */
export function sendFetches(ctx: SimContext, consumer: ConsumerState): void {
  if (consumer.leaders === null || !isRunning(consumer)) return;
  const config = consumer.spec.config;
  const byBroker = new Map<number, FetchPartition[]>();
  for (const tp of consumer.assigned) {
    const key = tpKey(tp);
    const leader = consumer.leaders.get(key);
    if (leader === undefined || consumer.fetchInFlight.has(leader) || !fetchable(consumer, key)) continue;
    const list = byBroker.get(leader) ?? [];
    const fetchOffset = consumer.positions.get(key)!;
    list.push({
      topic: tp.topic,
      partition: tp.partition,
      fetchOffset,
      maxBytes: config["max.partition.fetch.bytes"],
    });
    byBroker.set(leader, list);
  }
  for (const [brokerId, partitions] of byBroker) {
    const requestId = consumer.nextRequestId++;
    const messageId = ctx.send(consumer.id, brokerActor(brokerId), {
      api: "FetchRequest",
      requestId,
      maxWaitMs: config["fetch.max.wait.ms"],
      minBytes: config["fetch.min.bytes"],
      maxBytes: "fetch.max.bytes" in config ? config["fetch.max.bytes"] : 52_428_800,
      partitions,
    });
    ctx.emit({ type: "fetchRequestSent", consumerId: consumer.id, brokerId, requestId, messageId });
    const timeoutSeq = ctx.at(config["request.timeout.ms"] * 1000, {
      type: "fetchTimeout",
      consumerId: consumer.id,
      requestId,
    });
    consumer.fetchInFlight.set(brokerId, { requestId, timeoutSeq });
  }
}

export function isRunning(consumer: ConsumerState): boolean {
  return consumer.status !== "failed" && consumer.status !== "closed" && consumer.status !== "crashed";
}

export function handleFetchResponse(
  ctx: SimContext,
  consumer: ConsumerState,
  body: Extract<MessageBody, { api: "FetchResponse" }>,
): void {
  const brokerId = fetchBrokerOf(consumer, body.requestId);
  if (brokerId === undefined) return;
  ctx.cancel(consumer.fetchInFlight.get(brokerId)!.timeoutSeq);
  consumer.fetchInFlight.delete(brokerId);
  let recordCount = 0;
  const outOfRange = new Set<string>();
  for (const fetched of body.partitions) {
    const key = tpKey(fetched);
    const position = consumer.positions.get(key);
    // A partition revoked or reset meanwhile: its data is stale.
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
      consumer.positions.set(key, null);
      consumer.buffered.set(key, []);
      outOfRange.add(key);
      continue;
    }
    if (fetched.error !== "NONE") continue;
    // Only data at the current position is usable; a seek in the meantime makes the rest stale.
    const usable = fetched.records.filter((r) => r.offset >= position);
    if (usable[0] && usable[0].offset !== position) continue;
    consumer.buffered.get(key)!.push(...usable);
    recordCount += usable.length;
  }
  ctx.emit({
    type: "fetchResponseReceived",
    consumerId: consumer.id,
    brokerId,
    requestId: body.requestId,
    recordCount,
  });
  if (outOfRange.size > 0) resetMissingPositions(ctx, consumer, outOfRange);
  if (consumer.status === "waitingForData" && recordCount > 0) poll(ctx, consumer);
  else sendFetches(ctx, consumer);
}

function fetchBrokerOf(consumer: ConsumerState, requestId: number): number | undefined {
  for (const [brokerId, inFlight] of consumer.fetchInFlight)
    if (inFlight.requestId === requestId) return brokerId;
  return undefined;
}

export function fetchTimedOut(ctx: SimContext, consumer: ConsumerState, requestId: number): void {
  const brokerId = fetchBrokerOf(consumer, requestId);
  if (brokerId === undefined) return;
  consumer.fetchInFlight.delete(brokerId);
  ctx.emit({ type: "fetchRequestTimedOut", consumerId: consumer.id, brokerId, requestId });
  sendFetches(ctx, consumer);
}

/** Drop partitions from the assignment: their positions and buffered records go (SubscriptionState). */
export function removeFromAssignment(consumer: ConsumerState, keys: ReadonlySet<string>): void {
  consumer.assigned = consumer.assigned.filter((tp) => !keys.has(tpKey(tp)));
  for (const key of keys) {
    consumer.positions.delete(key);
    consumer.buffered.delete(key);
  }
}
