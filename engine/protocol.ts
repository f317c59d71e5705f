// The Kafka requests and responses that travel on the simulated network, named as Kafka names its
// APIs (Produce, Fetch, Metadata, ListOffsets). Bodies are plain data; a message on the wire also
// carries `sentAtUs`/`deliverAtUs` (engine/core/network.ts) so the UI can draw it in flight.

import type { GroupMessageBody } from "./group/protocol";

export interface RecordData {
  readonly offset: number;
  readonly key: string | null;
  readonly valueBytes: number;
  /** CreateTime as the producer stamped it, in simulated µs. */
  readonly timestampUs: number;
  readonly producerId: string;
}

export interface ProduceBatch {
  readonly topic: string;
  readonly partition: number;
  readonly records: readonly Omit<RecordData, "offset">[];
  /** Idempotence: the batch's first sequence number, or -1 (RecordBatch.NO_SEQUENCE). */
  readonly baseSequence: number;
  /** Bytes on the wire (after compression). */
  readonly wireBytes: number;
}

/** Kafka error codes the simulated brokers return on Produce, by their protocol names. */
export type ProduceError =
  | "NONE"
  | "NOT_LEADER_OR_FOLLOWER"
  | "OUT_OF_ORDER_SEQUENCE_NUMBER"
  | "INVALID_PRODUCER_EPOCH";

export interface PartitionMetadata {
  readonly topic: string;
  readonly partition: number;
  readonly leaderBrokerId: number;
}

export interface FetchPartition {
  readonly topic: string;
  readonly partition: number;
  readonly fetchOffset: number;
  /** The partition's byte limit in this fetch: the consumer's max.partition.fetch.bytes (KIP-74). */
  readonly maxBytes: number;
}

export interface FetchedPartition {
  readonly topic: string;
  readonly partition: number;
  readonly highWatermark: number;
  readonly logStartOffset: number;
  /** The records of the whole batches read; the first batch may start below the fetch offset. */
  readonly records: readonly RecordData[];
  /** Bytes of log the partition's answer carries (batch headers included, a cut-off last batch too). */
  readonly bytes: number;
  readonly error: "NONE" | "OFFSET_OUT_OF_RANGE" | "NOT_LEADER_OR_FOLLOWER";
}

export type MessageBody =
  | GroupMessageBody
  | { readonly api: "MetadataRequest"; readonly topics: readonly string[] }
  | {
      readonly api: "MetadataResponse";
      readonly brokers: readonly number[];
      readonly partitions: readonly PartitionMetadata[];
    }
  | {
      readonly api: "ProduceRequest";
      readonly requestId: number;
      readonly acks: -1 | 0 | 1;
      /** -1 (RecordBatch.NO_PRODUCER_ID) when the producer is not idempotent. */
      readonly kafkaProducerId: number;
      readonly producerEpoch: number;
      readonly batches: readonly ProduceBatch[];
    }
  | {
      readonly api: "ProduceResponse";
      readonly requestId: number;
      readonly results: readonly {
        topic: string;
        partition: number;
        baseOffset: number;
        error: ProduceError;
      }[];
    }
  | { readonly api: "InitProducerIdRequest"; readonly requestId: number }
  | {
      readonly api: "InitProducerIdResponse";
      readonly requestId: number;
      readonly kafkaProducerId: number;
      readonly producerEpoch: number;
    }
  | {
      readonly api: "ListOffsetsRequest";
      /** EARLIEST, LATEST, or a timestamp in ms: the first offset whose record is at least that new. */
      readonly timestamp: "EARLIEST" | "LATEST" | number;
      readonly partitions: readonly { topic: string; partition: number }[];
    }
  | {
      readonly api: "ListOffsetsResponse";
      /** offset −1 (UNKNOWN_OFFSET): no record is as new as the timestamp asked for. */
      readonly partitions: readonly { topic: string; partition: number; offset: number }[];
    }
  | {
      readonly api: "FetchRequest";
      readonly requestId: number;
      readonly maxWaitMs: number;
      readonly minBytes: number;
      readonly maxBytes: number;
      readonly partitions: readonly FetchPartition[];
    }
  | {
      readonly api: "FetchResponse";
      readonly requestId: number;
      readonly partitions: readonly FetchedPartition[];
    };

export type ApiName = MessageBody["api"];

/** Bytes a record occupies in a v2 record batch, roughly: value + UTF-8 key + ~20 bytes of framing. */
export function recordSizeBytes(record: { key: string | null; valueBytes: number }): number {
  return record.valueBytes + (record.key === null ? 0 : utf8Length(record.key)) + 20;
}

/** DefaultRecordBatch.RECORD_BATCH_OVERHEAD: the v2 batch header. */
export const RECORD_BATCH_OVERHEAD_BYTES = 61;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
