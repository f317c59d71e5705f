// DomainEvents: what happened, in past tense. The event log drives narration, animation triggers,
// metrics and tests; nothing infers events by diffing state. Each event is plain data.

import type { Command } from "./commands";
import type { GroupEventBody } from "./group/events";
import type { ApiName } from "./protocol";

export interface PartitionRange {
  readonly topic: string;
  readonly partition: number;
  readonly fromOffset: number;
  /** Exclusive. */
  readonly toOffset: number;
}

export type PartitionMethod =
  | "explicit"
  | "murmur2"
  | "crc32"
  | "fnv1a"
  | "sticky"
  | "round-robin"
  | "random";

export interface ProduceBatchSummary {
  readonly topic: string;
  readonly partition: number;
  readonly batchId: number;
  readonly recordCount: number;
  /** Uncompressed size in the accumulator. */
  readonly sizeBytes: number;
  /** Size on the wire after compression.type (an approximation, see engine/README.md). */
  readonly wireBytes: number;
  readonly attempt: number;
  readonly baseSequence: number | null;
}

export type DomainEventBody =
  | GroupEventBody
  | { type: "simulationStarted"; title: string; seed: number }
  | { type: "commandApplied"; command: Command; source: "user" | "script" }
  | { type: "messageSent"; messageId: number; api: ApiName; from: string; to: string; deliverAtUs: number }
  | { type: "messageDelivered"; messageId: number; api: ApiName; from: string; to: string; sentAtUs: number }
  | { type: "messageDropped"; messageId: number; api: ApiName; from: string; to: string; reason: string }
  | { type: "metadataReceived"; clientId: string; brokerId: number }
  | {
      type: "recordAccumulated";
      producerId: string;
      topic: string;
      partition: number;
      key: string | null;
      batchId: number;
      /** How the partition was chosen: a key hash, the sticky partition, round robin, random or explicit. */
      method: PartitionMethod;
      /** The hash of the key bytes when a hash decided (murmur2 signed int32; crc32/fnv1a uint32). */
      hash: number | null;
      recordSizeBytes: number;
      /** The record opened a new batch. */
      newBatch: boolean;
      /** RoundRobinPartitioner only: the append was aborted for a new batch and partition() ran again. */
      partitionerCalls: number;
    }
  | {
      type: "partitionerSwitched";
      producerId: string;
      topic: string;
      fromPartition: number | null;
      toPartition: number;
      /** Java built-in: bytes produced to the old sticky partition (switches at batch.size, or 2× regardless). */
      producedBytes: number | null;
      reason: "stickyBatchSizeReached" | "stickyLingerElapsed";
    }
  | {
      type: "batchSealed";
      producerId: string;
      topic: string;
      partition: number;
      batchId: number;
      recordCount: number;
      sizeBytes: number;
      reason: "full" | "recordDidNotFit";
    }
  | {
      type: "batchReady";
      producerId: string;
      topic: string;
      partition: number;
      batchId: number;
      reason: "full" | "queuedBehind" | "lingerElapsed" | "retryBackoffElapsed" | "closing";
      waitedMs: number;
    }
  | {
      type: "bufferExhausted";
      producerId: string;
      topic: string;
      key: string | null;
      requestedBytes: number;
      availableBytes: number;
      /** BufferExhaustedException's message. */
      message: string;
    }
  | {
      /** send() threw before the record reached a batch (RecordTooLargeException). */
      type: "sendFailed";
      producerId: string;
      topic: string;
      key: string | null;
      exception: string;
      message: string;
    }
  | {
      type: "producerIdAssigned";
      producerId: string;
      brokerId: number;
      kafkaProducerId: number;
      producerEpoch: number;
    }
  | {
      type: "produceRequestSent";
      producerId: string;
      brokerId: number;
      requestId: number;
      messageId: number;
      acks: -1 | 0 | 1;
      batches: readonly ProduceBatchSummary[];
    }
  | {
      type: "batchAppended";
      brokerId: number;
      producerId: string;
      topic: string;
      partition: number;
      baseOffset: number;
      recordCount: number;
      logEndOffset: number;
      highWatermark: number;
      /** The appended records' keys, in offset order. */
      keys: readonly (string | null)[];
      baseSequence: number | null;
    }
  | {
      type: "duplicateBatchIgnored";
      brokerId: number;
      producerId: string;
      topic: string;
      partition: number;
      kafkaProducerId: number;
      baseSequence: number;
      lastSequence: number;
      /** The offset the batch got when first appended; the response reports it again. */
      baseOffset: number;
    }
  | {
      type: "produceAcknowledged";
      producerId: string;
      brokerId: number;
      requestId: number;
      recordCount: number;
      /** Per batch; baseOffset is -1 for acks=0 (no response: the client completes at once). */
      batches: readonly {
        topic: string;
        partition: number;
        batchId: number;
        baseOffset: number;
        recordCount: number;
      }[];
    }
  | {
      type: "produceRequestTimedOut";
      producerId: string;
      brokerId: number;
      requestId: number;
      recordCount: number;
    }
  | {
      type: "produceRetried";
      producerId: string;
      topic: string;
      partition: number;
      batchId: number;
      /** The attempt that failed (1 = the first send). */
      attempt: number;
      error: string;
      backoffMs: number;
    }
  | {
      type: "produceFailed";
      producerId: string;
      topic: string;
      partition: number;
      batchId: number;
      recordCount: number;
      error: string;
      /** The exception the send() callback gets, e.g. "OutOfOrderSequenceException". */
      exception: string;
      message: string;
    }
  | {
      type: "recordExpired";
      producerId: string;
      topic: string;
      partition: number;
      batchId: number;
      recordCount: number;
      /** Always "TimeoutException". */
      exception: string;
      message: string;
    }
  | {
      type: "segmentRolled";
      brokerId: number;
      topic: string;
      partition: number;
      /** Base offset of the new active segment. */
      baseOffset: number;
      reason: "segmentBytes" | "segmentMs";
      closedSegmentBytes: number;
    }
  | {
      type: "segmentsDeleted";
      brokerId: number;
      topic: string;
      partition: number;
      segmentCount: number;
      deletedBytes: number;
      reason: "logStartOffsetBreach" | "retentionBytes" | "retentionMs";
      logStartOffset: number;
    }
  | {
      type: "offsetOutOfRange";
      consumerId: string;
      topic: string;
      partition: number;
      position: number;
      logStartOffset: number;
    }
  | {
      type: "offsetReset";
      consumerId: string;
      topic: string;
      partition: number;
      offset: number;
      /** by_duration: the first record no older than the duration, or the latest offset when none is. */
      strategy: "earliest" | "latest" | "by_duration" | "seek";
    }
  | { type: "noOffsetForPartition"; consumerId: string; topic: string; partition: number }
  | { type: "fetchRequestSent"; consumerId: string; brokerId: number; requestId: number; messageId: number }
  | {
      type: "fetchResponseReceived";
      consumerId: string;
      brokerId: number;
      requestId: number;
      recordCount: number;
    }
  | { type: "fetchRequestTimedOut"; consumerId: string; brokerId: number; requestId: number }
  | { type: "recordsPolled"; consumerId: string; recordCount: number; ranges: readonly PartitionRange[] }
  | { type: "recordsProcessed"; consumerId: string; recordCount: number }
  | { type: "brokerStopped"; brokerId: number }
  | { type: "brokerStarted"; brokerId: number }
  /** `kafka-topics --alter --partitions`: the topic grew from `from` to `to` partitions. */
  | { type: "partitionsAdded"; topic: string; from: number; to: number }
  | { type: "producerRestarted"; producerId: string; changedConfigs: readonly string[] }
  | { type: "producerAdded"; producerId: string; topic: string }
  /** kafka-configs --alter on a topic: the values now in force for every partition. */
  | { type: "topicConfigAltered"; topic: string; changes: readonly { key: string; value: number }[] }
  /** close(): no new records; what is queued (`pendingRecords`) and in flight is still delivered. */
  | { type: "producerClosing"; producerId: string; pendingRecords: number; inFlightRequests: number }
  | { type: "producerClosed"; producerId: string };

export type DomainEventType = DomainEventBody["type"];

export type DomainEvent = DomainEventBody & {
  /** Position in the run's event log, from 0. */
  readonly index: number;
  readonly atUs: number;
};
