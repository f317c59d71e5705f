// Views are projections: plain, structured-clone-safe data sized for drawing (a window of recent
// records per partition, not the whole log). The UI never sees engine objects.

import {
  buildConsumerView,
  type ConsumerGroupFieldsView,
  type ConsumerPartitionView,
} from "./consumer/consumer-view";
import { digestHex } from "./core/digest";
import { peek } from "./core/scheduler";
import { type DeliveryView, deliveryView } from "./delivery";
import type { DomainEvent } from "./events";
import { GROUP_COORDINATOR_DEFAULTS, groupCoordinatorConfig } from "./group/coordinator/config";
import {
  buildProtocolHistoryView,
  type ProtocolHistoryOptions,
  type ProtocolHistoryView,
} from "./group/protocol-history";
import { buildGroupViews, type GroupView } from "./group/view";
import { buildProducerDetail, flatConfigOf, type ProducerDetailView } from "./producer/producer-view";
import type { ApiName } from "./protocol";
import type { Lesson } from "./scenario/lesson";
import type { SimState } from "./state";

/** Event types a timeline marks (rebalances, removals, crashes, stops, interventions). */
export const MILESTONE_TYPES: ReadonlySet<string> = new Set([
  "rebalanceStarted",
  "memberRemoved",
  "consumerCrashed",
  "consumerFailed",
  "brokerStopped",
  "commandApplied",
]);

export interface ViewOptions {
  /** Also return milestone events with an index above this one (from the last ~2,000 events). */
  milestonesAfter?: number;
  /** Records per partition to include, newest last. */
  recordsPerPartition?: number;
  /** Recent events to include, newest last. */
  recentEvents?: number;
  /** A group's protocol messages and state changes over a window, for the sequence diagram. */
  protocolHistory?: ProtocolHistoryOptions;
}

export interface RecordView {
  offset: number;
  key: string | null;
  producerId: string;
  timestampUs: number;
}

export interface PartitionView {
  topic: string;
  partition: number;
  leaderBrokerId: number;
  /** Brokers assigned a replica, leader first (placement only: replication is not simulated). */
  replicas: number[];
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  records: RecordView[];
  /** Log segments, oldest first; the last is the active one. */
  segments: SegmentView[];
  /** Bytes on disk (sum of segment sizes). */
  sizeBytes: number;
}

export interface SegmentView {
  baseOffset: number;
  /** Exclusive: the next segment's base offset, or the log end offset for the active segment. */
  endOffset: number;
  sizeBytes: number;
  recordCount: number;
  createdAtUs: number;
  /** Newest record timestamp (retention.ms counts from it); -1 while empty. */
  largestTimestampUs: number;
  active: boolean;
}

export interface MessageView {
  id: number;
  api: ApiName;
  from: string;
  to: string;
  sentAtUs: number;
  deliverAtUs: number;
  recordCount: number;
  /** "topic-partition" of the first partition the message carries data for, if any. */
  partitionKey: string | null;
}

export interface ProducerView {
  id: string;
  topic: string;
  recordsPerSec: number;
  paused: boolean;
  /** "closing" between close() and its last response. */
  status: "running" | "closing";
  config: Record<string, string | number>;
  openBatches: { partition: number; recordCount: number; sizeBytes: number; createdAtUs: number }[];
  inFlightRequests: number;
  accumulatedRecords: number;
  acknowledgedRecords: number;
  /** Batching, in-flight requests, resolved config and counters (engine/producer/producer-view.ts). */
  detail: ProducerDetailView;
}

/** Group fields (engine/consumer/consumer-view.ts) are null or empty for assign() consumers. */
export interface ConsumerView extends ConsumerGroupFieldsView {
  id: string;
  topic: string;
  mode: "assign" | "subscribe";
  status: string;
  processingTimeMs: number;
  processingUntilUs: number | null;
  partitions: ConsumerPartitionView[];
  polledRecords: number;
  processedRecords: number;
  config: Record<string, string | number>;
}

export interface SimView {
  title: string;
  description: string;
  /** The scenario's lesson (goals, captions, "try this"), if it has one. */
  lesson: Lesson | null;
  seed: number;
  durationMs: number;
  nowUs: number;
  stepCount: number;
  eventCount: number;
  /** Events emitted so far, by type. */
  eventTypeCounts: Record<string, number>;
  eventLogHash: string;
  nextEventAtUs: number | null;
  brokers: { id: number; rack: string | null; up: boolean; leaderOf: number }[];
  /** The group coordinator's broker configs (cluster.config), each with Kafka's default. */
  brokerConfig: { name: string; value: number; defaultValue: number }[];
  topics: {
    name: string;
    partitions: PartitionView[];
    /** Resolved topic configs (retention.ms, retention.bytes, segment.bytes, segment.ms). */
    config: Record<string, number>;
  }[];
  producers: ProducerView[];
  consumers: ConsumerView[];
  /** Consumer groups the coordinators know, with the `kafka-consumer-groups --describe` table. */
  groups: GroupView[];
  /** Records delivered, duplicated and lost, per group (or assign() consumer) and partition. */
  deliveries: DeliveryView[];
  messages: MessageView[];
  recentEvents: DomainEvent[];
  /** Milestone events after `ViewOptions.milestonesAfter`, when asked for. */
  milestoneEvents: DomainEvent[];
  /** The sequence diagram's data, when `ViewOptions.protocolHistory` asks for it. */
  protocolHistory: ProtocolHistoryView | null;
}

function firstPartitionOf(body: { api: ApiName } & Record<string, unknown>): string | null {
  const list = (
    body.api === "ProduceRequest" ? body.batches : body.api === "FetchResponse" ? body.partitions : null
  ) as { topic: string; partition: number; records: unknown[] }[] | null;
  const first = list?.find((p) => p.records.length > 0) ?? list?.[0];
  return first ? `${first.topic}-${first.partition}` : null;
}

function recordCountOf(body: { api: ApiName } & Record<string, unknown>): number {
  if (body.api === "ProduceRequest") {
    return (body.batches as { records: unknown[] }[]).reduce((n, b) => n + b.records.length, 0);
  }
  if (body.api === "FetchResponse") {
    return (body.partitions as { records: unknown[] }[]).reduce((n, p) => n + p.records.length, 0);
  }
  return 0;
}

export function buildView(state: SimState, options: ViewOptions = {}): SimView {
  const recordsPerPartition = options.recordsPerPartition ?? 40;
  const scenario = state.scenario;
  const logs = [...state.partitions.values()];
  return {
    title: scenario.title,
    description: scenario.description,
    lesson: scenario.lesson ?? null,
    seed: scenario.seed,
    durationMs: scenario.durationMs,
    nowUs: state.nowUs,
    stepCount: state.stepCount,
    eventCount: state.eventCount,
    eventTypeCounts: { ...state.eventTypeCounts },
    eventLogHash: digestHex(state.digest),
    nextEventAtUs: peek(state.scheduler)?.atUs ?? null,
    brokerConfig: Object.entries(groupCoordinatorConfig(state.scenario.cluster)).map(([name, value]) => ({
      name,
      value,
      defaultValue: GROUP_COORDINATOR_DEFAULTS[name as keyof typeof GROUP_COORDINATOR_DEFAULTS],
    })),
    brokers: [...state.brokers.values()].map((b) => ({
      id: b.id,
      rack: scenario.cluster.brokers.find((spec) => spec.id === b.id)?.rack ?? null,
      up: b.up,
      leaderOf: logs.filter((l) => l.leaderBrokerId === b.id).length,
    })),
    topics: scenario.cluster.topics.map((t) => ({
      name: t.name,
      partitions: logs
        .filter((l) => l.topic === t.name)
        .map((l) => ({
          topic: l.topic,
          partition: l.partition,
          leaderBrokerId: l.leaderBrokerId,
          replicas: [...l.replicas],
          logStartOffset: l.logStartOffset,
          logEndOffset: l.logEndOffset,
          highWatermark: l.highWatermark,
          records: l.retained.slice(-recordsPerPartition).map((r) => ({
            offset: r.offset,
            key: r.key,
            producerId: r.producerId,
            timestampUs: r.timestampUs,
          })),
          segments: l.segments.map((segment, i) => ({
            baseOffset: segment.baseOffset,
            endOffset: l.segments[i + 1]?.baseOffset ?? l.logEndOffset,
            sizeBytes: segment.sizeBytes,
            recordCount: segment.recordCount,
            createdAtUs: segment.createdAtUs,
            largestTimestampUs: segment.largestTimestampUs,
            active: i === l.segments.length - 1,
          })),
          sizeBytes: l.segments.reduce((n, segment) => n + segment.sizeBytes, 0),
        })),
      config: { ...(logs.find((l) => l.topic === t.name)?.config ?? {}) },
    })),
    // A closed producer is gone from the cluster's picture (its counters stay in the events).
    producers: [...state.producers.values()]
      .filter((p) => p.status !== "closed")
      .map((p) => ({
        id: p.id,
        topic: p.topic,
        status: p.status === "closing" ? "closing" : "running",
        recordsPerSec: p.recordsPerSec,
        paused: p.paused,
        config: flatConfigOf(p),
        openBatches: [...p.deques.values()].flatMap((deque) =>
          deque.map((b) => ({
            partition: b.partition,
            recordCount: b.records.length,
            sizeBytes: b.sizeBytes,
            createdAtUs: b.createdAtUs,
          })),
        ),
        inFlightRequests: p.inFlight.size,
        accumulatedRecords: p.counters.accumulatedRecords,
        acknowledgedRecords: p.counters.acknowledgedRecords,
        detail: buildProducerDetail(p, state.nowUs),
      })),
    consumers: [...state.consumers.values()].map((c) => buildConsumerView(state, c)),
    groups: buildGroupViews(state),
    deliveries: deliveryView(state),
    messages: [...state.network.inFlight.values()].map((m) => ({
      id: m.id,
      api: m.body.api,
      from: m.from,
      to: m.to,
      sentAtUs: m.sentAtUs,
      deliverAtUs: m.deliverAtUs,
      recordCount: recordCountOf(m.body as never),
      partitionKey: firstPartitionOf(m.body as never),
    })),
    recentEvents: state.recentEvents.slice(-(options.recentEvents ?? 60)),
    milestoneEvents:
      options.milestonesAfter === undefined
        ? []
        : state.recentEvents.filter((e) => e.index > options.milestonesAfter! && MILESTONE_TYPES.has(e.type)),
    protocolHistory: options.protocolHistory
      ? buildProtocolHistoryView(state, options.protocolHistory)
      : null,
  };
}
