// The whole simulation state as plain data (Maps and arrays of plain objects, no closures), so a
// snapshot is a structured clone and a restore is exact.
import type { DigestState } from "./core/digest";
import type { NetworkState } from "./core/network";
import type { RandomStreamsState } from "./core/prng";
import type { SchedulerState } from "./core/scheduler";
import type { SimTimeUs } from "./core/time";
import type { DomainEvent } from "./events";
import type { FetchPartition, RecordData } from "./protocol";
import type { Scenario } from "./scenario/schema";

export type TimerPayload =
  | { type: "deliver"; messageId: number }
  | { type: "startClient"; clientId: string }
  | { type: "produceRecord"; producerId: string; epoch: number }
  | { type: "lingerExpired"; producerId: string; partitionKey: string; batchId: number }
  | { type: "produceTimeout"; producerId: string; requestId: number }
  | { type: "fetchWaitExpired"; brokerId: number; parkedId: number }
  | { type: "fetchTimeout"; consumerId: string; requestId: number }
  | { type: "consumerWake"; consumerId: string; epoch: number }
  | { type: "scriptedAction"; index: number };

/** Records kept in memory per partition; older ones are summarised by their offsets only. */
export const RECORDS_RETAINED_PER_PARTITION = 5_000;

export interface PartitionLogState {
  readonly topic: string;
  readonly partition: number;
  leaderBrokerId: number;
  logStartOffset: number;
  logEndOffset: number;
  /** Equal to the log end offset until replication exists (documented in engine/README.md). */
  highWatermark: number;
  /** The most recent records, oldest first, at most RECORDS_RETAINED_PER_PARTITION. */
  retained: RecordData[];
}

export interface ParkedFetch {
  readonly id: number;
  readonly consumerId: string;
  readonly requestId: number;
  readonly partitions: readonly FetchPartition[];
  readonly minBytes: number;
  readonly maxBytes: number;
}

export interface BrokerState {
  readonly id: number;
  up: boolean;
  parkedFetches: ParkedFetch[];
  nextParkedId: number;
}

export interface OpenBatch {
  readonly id: number;
  readonly topic: string;
  readonly partition: number;
  readonly createdAtUs: number;
  sizeBytes: number;
  records: Omit<RecordData, "offset">[];
}

export interface ProducerInFlight {
  readonly requestId: number;
  readonly brokerId: number;
  readonly batches: OpenBatch[];
}

export interface ProducerState {
  readonly id: string;
  readonly topic: string;
  recordsPerSec: number;
  paused: boolean;
  /** Bumped when the rate changes so stale workload ticks are ignored. */
  tickEpoch: number;
  recordCounter: number;
  /** partition → leader broker, from the last Metadata response; null until known. */
  leaders: number[] | null;
  openBatches: Map<string, OpenBatch>;
  inFlight: Map<number, ProducerInFlight>;
  nextRequestId: number;
  nextBatchId: number;
  roundRobin: number;
  acknowledgedRecords: number;
}

export type ConsumerAppStatus = "starting" | "waitingForData" | "processing" | "failed";

export interface ConsumerState {
  readonly id: string;
  readonly topic: string;
  readonly partitions: readonly number[];
  processingTimeMs: number;
  leaders: number[] | null;
  /** partition → next offset to return from poll(); null until reset or fetched. */
  positions: Map<number, number | null>;
  buffered: Map<number, RecordData[]>;
  fetchInFlight: Map<number, number>;
  nextRequestId: number;
  status: ConsumerAppStatus;
  wakeEpoch: number;
  polledRecords: number;
  processedRecords: number;
  processingUntilUs: number | null;
}

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
  digest: DigestState;
  /** The most recent events, for views; the digest covers all of them. */
  recentEvents: DomainEvent[];
  eventCount: number;
  /** Commands applied so far (user and script), with the time they applied: the run's inputs. */
  appliedCommands: { atUs: number; source: "user" | "script"; command: import("./commands").Command }[];
}

export const RECENT_EVENTS_MAX = 2_000;

export function partitionKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}
