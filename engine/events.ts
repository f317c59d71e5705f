// DomainEvents: what happened, in past tense. The event log drives narration, animation triggers,
// metrics and tests; nothing infers events by diffing state. Each event is plain data.

import type { Command } from "./commands";
import type { ApiName } from "./protocol";

export interface PartitionRange {
  readonly topic: string;
  readonly partition: number;
  readonly fromOffset: number;
  /** Exclusive. */
  readonly toOffset: number;
}

export type DomainEventBody =
  | { type: "simulationStarted"; title: string; seed: number }
  | { type: "commandApplied"; command: Command; source: "user" | "script" }
  | { type: "messageSent"; messageId: number; api: ApiName; from: string; to: string; deliverAtUs: number }
  | { type: "messageDelivered"; messageId: number; api: ApiName; from: string; to: string; sentAtUs: number }
  | { type: "messageDropped"; messageId: number; api: ApiName; from: string; to: string; reason: string }
  | { type: "metadataReceived"; clientId: string; brokerId: number }
  | { type: "recordAccumulated"; producerId: string; topic: string; partition: number; key: string | null }
  | {
      type: "produceRequestSent";
      producerId: string;
      brokerId: number;
      requestId: number;
      messageId: number;
      batches: readonly { topic: string; partition: number; recordCount: number }[];
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
    }
  | {
      type: "produceAcknowledged";
      producerId: string;
      brokerId: number;
      requestId: number;
      recordCount: number;
    }
  | {
      type: "produceRequestTimedOut";
      producerId: string;
      brokerId: number;
      requestId: number;
      recordCount: number;
    }
  | {
      type: "offsetReset";
      consumerId: string;
      topic: string;
      partition: number;
      offset: number;
      strategy: "earliest" | "latest" | "seek";
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
  | { type: "brokerStarted"; brokerId: number };

export type DomainEventType = DomainEventBody["type"];

export type DomainEvent = DomainEventBody & {
  /** Position in the run's event log, from 0. */
  readonly index: number;
  readonly atUs: number;
};
