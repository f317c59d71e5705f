// The consumer client. assign() consumers own fixed partitions: Metadata, ListOffsets per
// auto.offset.reset, Fetch, poll. subscribe() consumers get their partitions from a classic
// consumer group (group-client.ts, group-assignment.ts, heartbeat.ts, commits.ts). Both share the
// Fetcher (fetcher.ts) and the application's poll loop (poll.ts): poll() returns at most
// max.poll.records buffered records at the current positions, advances them, and the application
// processes them for processingTimeMs each.
import { brokerActor, type SimContext } from "../context";
import { selectRebalanceProtocol } from "../group/assignors/registry";
import { isGroupMessage } from "../group/protocol";
import type { GroupTimerPayload } from "../group/timers";
import type { MessageBody } from "../protocol";
import { completeCommit, handleOffsetFetchResponse } from "./commits";
import {
  handleFetchResponse,
  handleListOffsetsResponse,
  handleMetadataResponse,
  sendFetches,
} from "./fetcher";
import { handleSyncGroupResponse, rejoinIfMetadataChanged } from "./group-assignment";
import {
  handleFindCoordinatorResponse,
  handleJoinGroupResponse,
  markCoordinatorUnknown,
  requestRejoin,
  retryCoordinatorLookup,
} from "./group-client";
import { handleHeartbeatResponse, heartbeatTick, pollTimedOut } from "./heartbeat";
import { poll, pollWake } from "./poll";
import { type AnyConsumerSpec, groupIdOf } from "./spec";
import { type ConsumerState, tpKey } from "./types";

export { fetchTimedOut } from "./fetcher";
export { consumerWake, poll } from "./poll";

/** A simulated address per client, in creation order: the HOST column of kafka-consumer-groups. */
export function clientHostFor(index: number): string {
  return `/10.0.${Math.floor(index / 250)}.${(index % 250) + 1}`;
}

export function createConsumerState(
  spec: AnyConsumerSpec,
  partitionCount: number,
  clientHost = "/10.0.0.1",
): ConsumerState {
  const assigned =
    spec.mode === "assign"
      ? (spec.partitions ?? Array.from({ length: partitionCount }, (_, p) => p)).map((p) => ({
          topic: spec.topic,
          partition: p,
        }))
      : [];
  const topics = spec.mode === "assign" ? [spec.topic] : [...spec.topics];
  return {
    id: spec.id,
    spec,
    mode: spec.mode,
    topic: topics[0]!,
    topics,
    clientHost,
    processingTimeMs: spec.processingTimeMs,
    assigned,
    leaders: null,
    positions: new Map(assigned.map((tp) => [tpKey(tp), null])),
    committed: new Map(),
    buffered: new Map(assigned.map((tp) => [tpKey(tp), []])),
    fetchInFlight: new Map(),
    nextRequestId: 1,
    status: "starting",
    paused: false,
    wakeEpoch: 0,
    wakeSeq: null,
    polledRecords: 0,
    processedRecords: 0,
    processingUntilUs: null,
    awaitingCommitRecords: 0,
    incarnation: 0,
    restartWith: null,
    group:
      spec.mode === "subscribe"
        ? {
            groupId: groupIdOf(spec),
            groupInstanceId: spec.config["group.instance.id"],
            assignors: spec.config["partition.assignment.strategy"],
            protocol: selectRebalanceProtocol(spec.config["partition.assignment.strategy"]),
            phase: "unjoined",
            coordinatorBrokerId: null,
            findCoordinatorInFlight: false,
            memberId: "",
            generationId: -1,
            protocolName: null,
            leaderId: null,
            rejoinNeeded: true,
            rejoinReason: "the consumer subscribed",
            joinRequestId: null,
            syncRequestId: null,
            heartbeatRequestId: null,
            offsetFetchRequestId: null,
            commits: new Map(),
            heartbeatEpoch: 0,
            nextAutoCommitUs: 0,
            pollEpoch: 0,
            pollTimeoutSeq: null,
            lastPollUs: 0,
            fetchSuspended: false,
            joinedGenerations: 0,
            assignmentSnapshot: null,
          }
        : null,
  };
}

/** When the application starts: subscribe() consumers may start later (startAtMs). */
export function consumerStartMs(spec: AnyConsumerSpec): number {
  return spec.mode === "subscribe" ? (spec.startAtMs ?? 0) : 0;
}

export function startConsumer(ctx: SimContext, consumer: ConsumerState): void {
  if (consumer.status !== "starting") return;
  const bootstrap = [...ctx.state.brokers.values()].find((b) => b.up) ?? ctx.state.brokers.get(1)!;
  ctx.send(consumer.id, brokerActor(bootstrap.id), { api: "MetadataRequest", topics: [...consumer.topics] });
  const group = consumer.group;
  if (!group || consumer.spec.mode !== "subscribe") return;
  group.nextAutoCommitUs = ctx.state.nowUs + consumer.spec.config["auto.commit.interval.ms"] * 1000;
  poll(ctx, consumer);
}

/** A crashed or closed consumer starts again with the same config (static members keep their instance id). */
/** A crashed or closed consumer's next life: the same spec, or new configs (a new KafkaConsumer). */
export function restartedConsumerState(old: ConsumerState, spec: AnyConsumerSpec = old.spec): ConsumerState {
  const fresh = createConsumerState(spec, 0, old.clientHost);
  return {
    ...fresh,
    processingTimeMs: old.processingTimeMs,
    // Counters and ids keep counting, so stale timers and responses of the old life never match.
    nextRequestId: old.nextRequestId,
    wakeEpoch: old.wakeEpoch + 1,
    // A batch that was still being processed died with the old process: it counts as neither
    // polled nor processed by the new one (it will be fetched again from the committed offset).
    polledRecords: old.processedRecords,
    processedRecords: old.processedRecords,
    incarnation: old.incarnation + 1,
    group:
      fresh.group && old.group
        ? { ...fresh.group, heartbeatEpoch: old.group.heartbeatEpoch + 1 }
        : fresh.group,
  };
}

/**
 * Starts the consumer's next life now: with new configs, it is a new KafkaConsumer created with
 * them (the configs that changed are announced first). It joins its group again from scratch.
 */
export function restartConsumerNow(
  ctx: SimContext,
  old: ConsumerState,
  spec: AnyConsumerSpec = old.spec,
): void {
  const fresh = restartedConsumerState(old, spec);
  ctx.state.consumers.set(fresh.id, fresh);
  if (spec !== old.spec) {
    const before = old.spec.config as Record<string, unknown>;
    const after = spec.config as Record<string, unknown>;
    const changedConfigs = Object.keys(after).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    ctx.emit({ type: "consumerReconfigured", consumerId: fresh.id, changedConfigs });
  }
  ctx.emit({ type: "consumerRestarted", consumerId: fresh.id, groupId: fresh.group?.groupId ?? null });
  ctx.at(0, { type: "startClient", clientId: fresh.id });
}

export function handleConsumerMessage(ctx: SimContext, consumer: ConsumerState, body: MessageBody): void {
  if (isGroupMessage(body)) {
    switch (body.api) {
      case "FindCoordinatorResponse":
        return handleFindCoordinatorResponse(ctx, consumer, body);
      case "JoinGroupResponse":
        return handleJoinGroupResponse(ctx, consumer, body);
      case "SyncGroupResponse":
        return handleSyncGroupResponse(ctx, consumer, body);
      case "HeartbeatResponse":
        return handleHeartbeatResponse(ctx, consumer, body);
      case "OffsetCommitResponse":
        return completeCommit(ctx, consumer, body.requestId, body.error);
      case "OffsetFetchResponse":
        return handleOffsetFetchResponse(ctx, consumer, body);
      default:
        return;
    }
  }
  switch (body.api) {
    case "MetadataResponse":
      handleMetadataResponse(ctx, consumer, body);
      return rejoinIfMetadataChanged(ctx, consumer);
    case "ListOffsetsResponse":
      return handleListOffsetsResponse(ctx, consumer, body);
    case "FetchResponse":
      return handleFetchResponse(ctx, consumer, body);
    default:
      return;
  }
}

/** A group request went unanswered: the coordinator is presumed gone; rediscover it and rejoin if needed. */
function groupRequestTimedOut(ctx: SimContext, consumer: ConsumerState, requestId: number): void {
  const group = consumer.group!;
  if (group.commits.has(requestId))
    return completeCommit(ctx, consumer, requestId, "COORDINATOR_NOT_AVAILABLE");
  const pending = [
    group.joinRequestId,
    group.syncRequestId,
    group.heartbeatRequestId,
    group.offsetFetchRequestId,
  ];
  if (!pending.includes(requestId)) return;
  const wasRebalancing = group.joinRequestId === requestId || group.syncRequestId === requestId;
  markCoordinatorUnknown(consumer);
  if (wasRebalancing) requestRejoin(ctx, consumer, "a group request timed out");
}

export function fireConsumerGroupTimer(ctx: SimContext, payload: GroupTimerPayload): void {
  if (!("consumerId" in payload)) return;
  const consumer = ctx.state.consumers.get(payload.consumerId);
  if (!consumer?.group || payload.incarnation !== consumer.incarnation) return;
  switch (payload.type) {
    case "consumerHeartbeatTick":
      return heartbeatTick(ctx, consumer, payload);
    case "consumerPollTimeout":
      return pollTimedOut(ctx, consumer, payload);
    case "consumerPollWake":
      return pollWake(ctx, consumer, payload.epoch);
    case "consumerGroupRequestTimeout":
      return groupRequestTimedOut(ctx, consumer, payload.requestId);
    case "consumerCoordinatorRetry":
      return retryCoordinatorLookup(ctx, consumer);
  }
}

export function isAssigned(consumer: ConsumerState, topic: string, partition: number): boolean {
  return consumer.assigned.some((tp) => tp.topic === topic && tp.partition === partition);
}

export function seekConsumer(
  ctx: SimContext,
  consumer: ConsumerState,
  topic: string,
  partition: number,
  offset: number,
): void {
  // seek() only moves the in-memory position; buffered data for the old position is discarded.
  const key = tpKey({ topic, partition });
  consumer.positions.set(key, offset);
  consumer.buffered.set(key, []);
  ctx.emit({ type: "offsetReset", consumerId: consumer.id, topic, partition, offset, strategy: "seek" });
  sendFetches(ctx, consumer);
}
