// The consumer's Fetcher: leaders from Metadata, one Fetch in flight per leader for the fetchable
// partitions (assigned, with a position, nothing buffered, not paused, not pending revocation),
// position resets with ListOffsets per auto.offset.reset, and OFFSET_OUT_OF_RANGE handling.
import { brokerActor, type SimContext } from "../context";
import type { FetchPartition, MessageBody } from "../protocol";
import { type AutoOffsetReset, parseAutoOffsetReset } from "./offset-reset";
import { poll } from "./poll";
import { type ConsumerState, tpKey } from "./types";

export function autoOffsetReset(consumer: ConsumerState): AutoOffsetReset {
  return parseAutoOffsetReset(consumer.spec.config["auto.offset.reset"]) ?? { kind: "latest" };
}

/** The ListOffsets timestamp a reset asks for: by_duration asks for now − duration (ms). */
function resetTimestamp(ctx: SimContext, policy: AutoOffsetReset): "EARLIEST" | "LATEST" | number {
  if (policy.kind === "earliest") return "EARLIEST";
  if (policy.kind === "by_duration") return Math.floor(ctx.state.nowUs / 1000 - policy.durationMs);
  return "LATEST";
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
  const missing: { topic: string; partition: number }[] = [];
  for (const tp of consumer.assigned) {
    const key = tpKey(tp);
    if (consumer.positions.get(key) !== null || (only && !only.has(key))) continue;
    if (policy.kind === "none") {
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
    missing.push({ topic: tp.topic, partition: tp.partition });
  }
  const byBroker = byLeader(consumer, missing);
  for (const [brokerId, partitions] of byBroker)
    sendListOffsets(ctx, consumer, brokerId, resetTimestamp(ctx, policy), partitions);
  if (byBroker.size === 0) sendFetches(ctx, consumer);
}

/** The partitions grouped by the leader the consumer knows for them (those without one wait). */
function byLeader(
  consumer: ConsumerState,
  partitions: readonly { topic: string; partition: number }[],
): Map<number, { topic: string; partition: number }[]> {
  const grouped = new Map<number, { topic: string; partition: number }[]>();
  for (const tp of partitions) {
    const leader = consumer.leaders?.get(tpKey(tp));
    if (leader === undefined) continue;
    const list = grouped.get(leader) ?? [];
    list.push(tp);
    grouped.set(leader, list);
  }
  return grouped;
}

function sendListOffsets(
  ctx: SimContext,
  consumer: ConsumerState,
  brokerId: number,
  timestamp: "EARLIEST" | "LATEST" | number,
  partitions: { topic: string; partition: number }[],
): void {
  ctx.send(consumer.id, brokerActor(brokerId), { api: "ListOffsetsRequest", timestamp, partitions });
}

export function handleListOffsetsResponse(
  ctx: SimContext,
  consumer: ConsumerState,
  body: Extract<MessageBody, { api: "ListOffsetsResponse" }>,
): void {
  const strategy = autoOffsetReset(consumer).kind;
  const noneThatNew: { topic: string; partition: number }[] = [];
  for (const p of body.partitions) {
    const key = tpKey(p);
    // Only a partition still assigned and still without a position takes the reset.
    if (!consumer.positions.has(key) || consumer.positions.get(key) !== null) continue;
    if (p.offset < 0) {
      noneThatNew.push({ topic: p.topic, partition: p.partition });
      continue;
    }
    consumer.positions.set(key, p.offset);
    ctx.emit({
      type: "offsetReset",
      consumerId: consumer.id,
      topic: p.topic,
      partition: p.partition,
      offset: p.offset,
      strategy: strategy === "none" ? "latest" : strategy,
    });
  }
  // by_duration found no record that new: the partition resets to the latest offset instead.
  for (const [brokerId, partitions] of byLeader(consumer, noneThatNew)) {
    sendListOffsets(ctx, consumer, brokerId, "LATEST", partitions);
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
