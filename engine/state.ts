// The whole simulation state as plain data (Maps and arrays of plain objects, no closures), so a
// snapshot is a structured clone and a restore is exact.

import type { TopicConfig } from "./broker/topic-config";
import type { ConsumerState } from "./consumer/types";
import type { DigestState } from "./core/digest";
import type { NetworkState } from "./core/network";
import type { RandomStreamsState } from "./core/prng";
import type { SchedulerState } from "./core/scheduler";
import type { SimTimeUs } from "./core/time";
import type { DomainEvent } from "./events";
import type { GroupCoordinatorState } from "./group/coordinator/types";
import type { GroupTimerPayload } from "./group/timers";
import type { ProducerClient, ProducerConfig, ProducerConfigKey } from "./producer/config";
import type { TopicPartitionerState } from "./producer/partitioner/partitioner";
import type { FetchPartition, RecordData } from "./protocol";
import type { Scenario } from "./scenario/schema";

export type TimerPayload =
  | { type: "deliver"; messageId: number }
  | { type: "startClient"; clientId: string }
  | { type: "produceRecord"; producerId: string; epoch: number }
  | { type: "senderWake"; producerId: string }
  | { type: "produceTimeout"; producerId: string; requestId: number }
  | { type: "initProducerIdTimeout"; producerId: string; requestId: number }
  | { type: "retentionCheck" }
  | { type: "fetchWaitExpired"; brokerId: number; parkedId: number }
  | { type: "fetchTimeout"; consumerId: string; requestId: number }
  | { type: "consumerWake"; consumerId: string; epoch: number }
  | { type: "scriptedAction"; index: number }
  /** A client refreshes its metadata after a topic's partition count changed (engine/README.md). */
  | { type: "metadataRefresh"; clientId: string }
  | GroupTimerPayload;

/** Records kept in memory per partition; older ones are summarised by their offsets only. */
export const RECORDS_RETAINED_PER_PARTITION = 5_000;

export interface PartitionLogState {
  readonly topic: string;
  readonly partition: number;
  leaderBrokerId: number;
  /**
   * The brokers assigned a replica, leader first. Placement only: followers do not fetch (no
   * replication traffic yet), so the high watermark stays the leader's log end offset.
   */
  readonly replicas: readonly number[];
  logStartOffset: number;
  logEndOffset: number;
  /** Equal to the log end offset until replication exists (documented in engine/README.md). */
  highWatermark: number;
  /** The most recent records, oldest first, at most RECORDS_RETAINED_PER_PARTITION. */
  retained: RecordData[];
  /** The batches that hold the retained records, oldest first: a fetch reads whole batches. */
  batches: LogBatch[];
  /** The topic's configs (alterTopicConfig changes them on a live topic, as kafka-configs does). */
  config: TopicConfig;
  /** Oldest first; the last one is the active segment. Never empty. */
  segments: LogSegment[];
  /** Idempotent producers' last batches, by Kafka producer id (ProducerStateManager). */
  producerStates: Map<number, BrokerProducerEntry>;
}

/** A record batch as the leader appended it; the log holds batches, not loose records. */
export interface LogBatch {
  readonly baseOffset: number;
  readonly recordCount: number;
  /** Bytes on disk: the batch as the producer sent it (header included, records compressed). */
  readonly sizeBytes: number;
}

/** A log segment, summarised: the simulator keeps offsets and sizes, not the bytes. */
export interface LogSegment {
  readonly baseOffset: number;
  sizeBytes: number;
  recordCount: number;
  readonly createdAtUs: number;
  /** Max timestamp of the segment's first batch: segment.ms counts from here (rollingBasedTimestamp). */
  rollingBasedTimestampUs: number | null;
  /** Newest record timestamp in the segment: retention.ms counts from here. */
  largestTimestampUs: number;
}

/** Kafka's ProducerStateEntry: the producer's epoch and metadata of its last 5 appended batches. */
export interface BrokerProducerEntry {
  producerEpoch: number;
  batches: { firstSequence: number; lastSequence: number; baseOffset: number }[];
}

export interface ParkedFetch {
  readonly id: number;
  readonly consumerId: string;
  readonly requestId: number;
  readonly partitions: readonly FetchPartition[];
  readonly minBytes: number;
  readonly maxBytes: number;
  /** The fetch.max.wait.ms timer, cancelled when the fetch is answered early (-1 until parked). */
  expirySeq: number;
}

export interface BrokerState {
  readonly id: number;
  up: boolean;
  parkedFetches: ParkedFetch[];
  nextParkedId: number;
}

/** A ProducerBatch: records for one partition, sent and acknowledged as a unit. */
export interface ProducerBatch {
  readonly id: number;
  readonly topic: string;
  readonly partition: number;
  readonly createdAtUs: number;
  /** Buffer taken from buffer.memory: max(batch.size, the first record's size). */
  readonly capacityBytes: number;
  /** Uncompressed bytes: record batch header plus records. */
  sizeBytes: number;
  records: Omit<RecordData, "offset">[];
  /** Closed for appends: it filled up, a record did not fit, or it was drained. */
  sealed: boolean;
  /** Produce attempts so far (0 until first drained). */
  attempts: number;
  lastAttemptAtUs: number | null;
  /** Set while re-enqueued after a retriable error: not sendable before this time. */
  retryBackoffUntilUs: number | null;
  /** Idempotence: first sequence number, assigned when first drained; null otherwise. */
  baseSequence: number | null;
  producerEpoch: number;
  /** A batchReady event was emitted for the current attempt. */
  readyAnnounced: boolean;
}

export interface ProducerInFlight {
  readonly requestId: number;
  readonly brokerId: number;
  readonly sentAtUs: number;
  readonly batches: ProducerBatch[];
  /** The request.timeout.ms timer, cancelled when the response arrives. */
  readonly timeoutSeq: number;
}

export interface ProducerCounters {
  accumulatedRecords: number;
  sentRecords: number;
  acknowledgedRecords: number;
  failedRecords: number;
  expiredRecords: number;
  retriedBatches: number;
  /** Records refused by send(): BufferExhaustedException or RecordTooLargeException. */
  rejectedRecords: number;
}

export interface ProducerIdempotenceState {
  /** Kafka producer id from InitProducerId; null until assigned (or when idempotence is off). */
  producerIdNumber: number | null;
  producerEpoch: number;
  initRequestId: number | null;
  /** partition → next sequence number to assign. */
  nextSequence: Map<number, number>;
}

export interface ProducerState {
  readonly id: string;
  readonly topic: string;
  readonly client: ProducerClient;
  readonly config: ProducerConfig;
  readonly explicitConfig: readonly ProducerConfigKey[];
  /** What Kafka logs while resolving the config (idempotence silently disabled, delivery.timeout.ms raised). */
  readonly configNotes: readonly string[];
  recordsPerSec: number;
  paused: boolean;
  /**
   * close() was called (closing: the accumulator is closed, so every batch is ready at once, and
   * the sender finishes what is queued and in flight) or has finished (closed: gone from the scene).
   */
  status: "running" | "closing" | "closed";
  /** Bumped when the rate changes so stale workload ticks are ignored. */
  tickEpoch: number;
  recordCounter: number;
  /** partition → leader broker, from the last Metadata response; null until known. */
  leaders: number[] | null;
  partitioner: TopicPartitionerState;
  /** RecordAccumulator's batches map: partition → deque, oldest first. Entries are never removed. */
  deques: Map<number, ProducerBatch[]>;
  inFlight: Map<number, ProducerInFlight>;
  /** max.in.flight.requests.per.connection=1 guarantees order by muting partitions with a batch in flight. */
  mutedPartitions: Set<number>;
  nextRequestId: number;
  nextBatchId: number;
  /** When the sender thread will next wake; a senderWake timer for another time is stale. */
  senderWakeAtUs: number | null;
  /**
   * Per leader, the index (in that leader's partitions) where its next drain starts, so no
   * partition starves: RecordAccumulator.nodesDrainIndex keeps one per node.
   */
  drainIndexByBroker: Map<number, number>;
  /** Per leader: last time it had ready data and last time it was drained (adaptive partitioning). */
  nodeLatency: Map<number, { readyTimeMs: number; drainTimeMs: number }>;
  bufferUsedBytes: number;
  /**
   * Records send() accepted that have no delivery report yet, and their value bytes: what
   * librdkafka's queue.buffering.max.messages and queue.buffering.max.kbytes bound.
   */
  undelivered: { messages: number; valueBytes: number };
  idempotence: ProducerIdempotenceState;
  counters: ProducerCounters;
}

export type { ConsumerAppStatus, ConsumerState } from "./consumer/types";

export interface SimState {
  readonly scenario: Scenario;
  nowUs: SimTimeUs;
  stepCount: number;
  scheduler: SchedulerState<TimerPayload>;
  network: NetworkState;
  random: RandomStreamsState;
  brokers: Map<number, BrokerState>;
  partitions: Map<string, PartitionLogState>;
  producers: Map<string, ProducerState>;
  consumers: Map<string, ConsumerState>;
  /** The classic group coordinators' groups and the committed offsets (engine/group/coordinator/). */
  groupCoordinator: GroupCoordinatorState;
  digest: DigestState;
  /** The most recent events, for views; the digest covers all of them. */
  recentEvents: DomainEvent[];
  eventCount: number;
  /** Metrics sampled over time for the operations charts. */
  metrics: import("./metrics").MetricsState;
  /** Lost and duplicated records per group and partition (engine/delivery.ts). */
  delivery: import("./delivery").DeliveryState;
  /** How many events of each type the run has emitted (lesson captions bound to the n-th event). */
  eventTypeCounts: Record<string, number>;
  /** Commands applied so far (user and script), with the time they applied: the run's inputs. */
  appliedCommands: { atUs: number; source: "user" | "script"; command: import("./commands").Command }[];
  /** The cluster's producer id allocator (InitProducerId). */
  nextKafkaProducerId: number;
  /** Producers the addProducer command created, in order (the scenario lists the others). */
  addedProducers: import("./producer/spec").ProducerSpec[];
  /** Each group's protocol messages and state changes, for the sequence diagram (bounded). */
  protocolHistory: import("./group/protocol-history").ProtocolHistoryState;
}

export const RECENT_EVENTS_MAX = 2_000;

export function partitionKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/** The topic's partition count now (it grows with addPartitions; the scenario holds the initial one). */
export function topicPartitionCount(state: Pick<SimState, "partitions">, topic: string): number {
  let count = 0;
  for (const log of state.partitions.values()) if (log.topic === topic) count++;
  return count;
}
