// The consumer client's state as plain data: SubscriptionState (assignment, positions), the fetch
// buffer, the application's poll loop, and for subscribe() consumers the ConsumerCoordinator's view
// of its group (member id, generation, what the join/sync/heartbeat machinery is doing).
import type { AssignorName, RebalanceProtocol, TopicPartition } from "../group/assignors/types";
import type { CommittedOffset } from "../group/protocol";
import type { RecordData } from "../protocol";
import type { AnyConsumerSpec } from "./spec";

/** What the application thread is doing. */
export type ConsumerAppStatus =
  | "starting"
  | "waitingForData"
  | "processing"
  /** Blocked in commitSync(). */
  | "committing"
  /** poll() threw (NoOffsetForPartitionException, a fatal group error): the application stopped. */
  | "failed"
  | "closing"
  | "closed"
  | "crashed";

/** The client's MemberState, refined: where the coordinator protocol stands. */
export type GroupClientPhase =
  | "unjoined"
  | "findingCoordinator"
  /** onJoinPrepare: the auto-commit before a rebalance is awaited. */
  | "committingBeforeJoin"
  | "joining"
  | "syncing"
  | "stable";

export type CommitTrigger = "auto" | "sync" | "async" | "beforeRebalance" | "close";

export interface PendingCommit {
  readonly trigger: CommitTrigger;
  readonly generationId: number;
  readonly offsets: readonly CommittedOffset[];
}

export interface GroupClientState {
  readonly groupId: string;
  readonly groupInstanceId: string | null;
  readonly assignors: readonly AssignorName[];
  readonly protocol: RebalanceProtocol;
  phase: GroupClientPhase;
  coordinatorBrokerId: number | null;
  findCoordinatorInFlight: boolean;
  /** "" until the coordinator hands one out. */
  memberId: string;
  /** -1 outside a generation. */
  generationId: number;
  protocolName: AssignorName | null;
  leaderId: string | null;
  rejoinNeeded: boolean;
  rejoinReason: string;
  /** The in-flight JoinGroup, SyncGroup, Heartbeat, OffsetFetch requests (null when none). */
  joinRequestId: number | null;
  syncRequestId: number | null;
  heartbeatRequestId: number | null;
  offsetFetchRequestId: number | null;
  commits: Map<number, PendingCommit>;
  /** Restarts the heartbeat loop (bumped when a generation is joined or the member resets). */
  heartbeatEpoch: number;
  nextAutoCommitUs: number;
  /** max.poll.interval.ms timer: bumped by every poll() call. */
  pollEpoch: number;
  /** The pending consumerPollTimeout timer, cancelled when the next poll() re-arms it. */
  pollTimeoutSeq: number | null;
  lastPollUs: number;
  /** Eager: after the pre-rebalance commit is sent, owned partitions stop fetching (pending revocation). */
  fetchSuspended: boolean;
  joinedGenerations: number;
  /**
   * The leader's assignmentSnapshot: topic → partition count it assigned over (null on followers).
   * When a metadata refresh disagrees, the leader rejoins ("cached metadata has changed").
   */
  assignmentSnapshot: Record<string, number> | null;
}

export interface ConsumerState {
  readonly id: string;
  readonly spec: AnyConsumerSpec;
  readonly mode: "assign" | "subscribe";
  /** The first topic (assign(): the only one). */
  readonly topic: string;
  readonly topics: readonly string[];
  /** Where the coordinator sees this client connect from (the HOST column of kafka-consumer-groups). */
  readonly clientHost: string;
  processingTimeMs: number;
  /** Partitions the consumer owns now (SubscriptionState.assignedPartitions), in assignment order. */
  assigned: TopicPartition[];
  /** "topic-partition" → leader broker, from the last Metadata response; null until known. */
  leaders: Map<string, number> | null;
  /** "topic-partition" → next offset to return from poll(); null until initialized. */
  positions: Map<string, number | null>;
  /** "topic-partition" → last offset known committed for the group (OffsetFetch or a successful commit). */
  committed: Map<string, number>;
  buffered: Map<string, RecordData[]>;
  /** broker → the Fetch in flight to it and its request.timeout.ms timer (cancelled on the response). */
  fetchInFlight: Map<number, { requestId: number; timeoutSeq: number }>;
  nextRequestId: number;
  status: ConsumerAppStatus;
  paused: boolean;
  wakeEpoch: number;
  /** The pending consumerWake or consumerPollWake timer (both follow wakeEpoch), cancelled when superseded. */
  wakeSeq: number | null;
  polledRecords: number;
  processedRecords: number;
  processingUntilUs: number | null;
  /** Records returned by the last poll, processed once commitSync (before processing) returns. */
  awaitingCommitRecords: number;
  /** Bumped on crash and restart: every timer and response of the previous life is stale. */
  incarnation: number;
  /** restartConsumer with new configs on a running consumer: close() first, then start with this spec. */
  restartWith: import("./spec").AnyConsumerSpec | null;
  group: GroupClientState | null;
}

export function tpKey(tp: { topic: string; partition: number }): string {
  return `${tp.topic}-${tp.partition}`;
}
