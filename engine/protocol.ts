// The Kafka requests and responses that travel on the simulated network, named as Kafka names its
// APIs (Produce, Fetch, Metadata, ListOffsets). Bodies are plain data; a message on the wire also
// carries `sentAtUs`/`deliverAtUs` (engine/core/network.ts) so the UI can draw it in flight.

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
}

export interface PartitionMetadata {
  readonly topic: string;
  readonly partition: number;
  readonly leaderBrokerId: number;
}

export interface FetchPartition {
  readonly topic: string;
  readonly partition: number;
  readonly fetchOffset: number;
}

export interface FetchedPartition {
  readonly topic: string;
  readonly partition: number;
  readonly highWatermark: number;
  readonly logStartOffset: number;
  readonly records: readonly RecordData[];
  readonly error: "NONE" | "OFFSET_OUT_OF_RANGE" | "NOT_LEADER_OR_FOLLOWER";
}

export type MessageBody =
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
      readonly batches: readonly ProduceBatch[];
    }
  | {
      readonly api: "ProduceResponse";
      readonly requestId: number;
      readonly results: readonly { topic: string; partition: number; baseOffset: number; error: string }[];
    }
  | {
      readonly api: "ListOffsetsRequest";
      readonly timestamp: "EARLIEST" | "LATEST";
      readonly partitions: readonly { topic: string; partition: number }[];
    }
  | {
      readonly api: "ListOffsetsResponse";
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

/** Bytes a record occupies in a v2 record batch, roughly: value + key + ~20 bytes of framing. */
export function recordSizeBytes(record: { key: string | null; valueBytes: number }): number {
  return record.valueBytes + (record.key === null ? 0 : record.key.length) + 20;
}
