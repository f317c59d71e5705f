// The producer as the UI draws it: per-partition batches filling toward batch.size and aging toward
// linger.ms, requests in flight, the resolved config (explicit vs default) and counters.
import type { ProducerBatch, ProducerState } from "../state";
import { producerConfigKeysFor } from "./config";
import { librdkafkaNamesOf } from "./librdkafka-config";
import { partitionerNameOf } from "./producer";
import { wireBytesOf } from "./sender";

export interface ProducerBatchView {
  batchId: number;
  recordCount: number;
  sizeBytes: number;
  /** max(batch.size, first record): the buffer the batch took from buffer.memory. */
  capacityBytes: number;
  /** sizeBytes / batch.size, capped at 1 (a lone oversized record is a full batch). */
  fill: number;
  createdAtUs: number;
  ageMs: number;
  lingerMs: number;
  /** Closed for appends (full, or the next record did not fit). */
  sealed: boolean;
  attempts: number;
  /** Not sendable before this time (retry backoff), or null. */
  retryBackoffUntilUs: number | null;
  baseSequence: number | null;
}

export interface ProducerInFlightView {
  requestId: number;
  brokerId: number;
  sentAtUs: number;
  timeoutAtUs: number;
  batches: { batchId: number; partition: number; recordCount: number; wireBytes: number; attempt: number }[];
}

export interface ProducerConfigEntryView {
  /** The client's own name: Java's ProducerConfig name, or librdkafka's property (queue.buffering.max.ms). */
  name: string;
  /** librdkafka: the alias most users write (linger.ms for queue.buffering.max.ms), or null. */
  alias: string | null;
  value: string | number | boolean | null;
  /** Set in the scenario (otherwise the client's default, or a value Kafka adjusted). */
  explicit: boolean;
}

export interface ProducerDetailView {
  client: "java" | "librdkafka";
  /** "default (built-in)", the RoundRobinPartitioner class, or librdkafka's `partitioner` value. */
  partitioner: string;
  /** Java built-in / librdkafka: the current sticky partition for keyless records, if any. */
  stickyPartition: number | null;
  configEntries: ProducerConfigEntryView[];
  /** Kafka's INFO/WARN lines from resolving the config, e.g. "Idempotence will be disabled because acks is set to 1, not set to 'all'." */
  configNotes: string[];
  batchesByPartition: { partition: number; leaderBrokerId: number | null; batches: ProducerBatchView[] }[];
  inFlight: ProducerInFlightView[];
  counters: {
    accumulatedRecords: number;
    sentRecords: number;
    acknowledgedRecords: number;
    failedRecords: number;
    expiredRecords: number;
    retriedBatches: number;
    rejectedRecords: number;
  };
  bufferUsedBytes: number;
  bufferMemoryBytes: number;
  idempotence: { enabled: boolean; kafkaProducerId: number | null; producerEpoch: number };
}

function batchView(producer: ProducerState, batch: ProducerBatch, nowUs: number): ProducerBatchView {
  const batchSize = producer.config["batch.size"];
  return {
    batchId: batch.id,
    recordCount: batch.records.length,
    sizeBytes: batch.sizeBytes,
    capacityBytes: batch.capacityBytes,
    fill: batchSize <= 0 ? 1 : Math.min(1, batch.sizeBytes / batchSize),
    createdAtUs: batch.createdAtUs,
    ageMs: (nowUs - batch.createdAtUs) / 1000,
    lingerMs: producer.config["linger.ms"],
    sealed: batch.sealed,
    attempts: batch.attempts,
    retryBackoffUntilUs: batch.retryBackoffUntilUs,
    baseSequence: batch.baseSequence,
  };
}

function stickyPartitionOf(producer: ProducerState): number | null {
  const state = producer.partitioner;
  if (state.kind === "java-built-in") return state.builtIn.sticky?.partition ?? null;
  if (state.kind === "librdkafka")
    return state.sticky.stickyPartition < 0 ? null : state.sticky.stickyPartition;
  return null;
}

/** Config values as strings or numbers, for the original `ProducerView.config` field. */
export function flatConfigOf(producer: ProducerState): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const entry of configEntriesOf(producer)) {
    const value =
      typeof entry.value === "number" || typeof entry.value === "string" ? entry.value : String(entry.value);
    out[entry.name] = value;
    if (entry.alias !== null) out[entry.alias] = value;
  }
  return out;
}

function configEntriesOf(producer: ProducerState): ProducerConfigEntryView[] {
  return producerConfigKeysFor(producer.client).map((key) => {
    const names = producer.client === "librdkafka" ? librdkafkaNamesOf(key) : null;
    return {
      name: names?.name ?? key,
      alias: names?.alias ?? null,
      value: producer.config[key],
      explicit: producer.explicitConfig.includes(key),
    };
  });
}

/** Java: batch buffers out of buffer.memory; librdkafka: queued value bytes out of queue.buffering.max.kbytes. */
function bufferOf(producer: ProducerState): { bufferUsedBytes: number; bufferMemoryBytes: number } {
  if (producer.client === "librdkafka") {
    const maxBytes = producer.config["queue.buffering.max.kbytes"] * 1024;
    return { bufferUsedBytes: producer.undelivered.valueBytes, bufferMemoryBytes: maxBytes };
  }
  return { bufferUsedBytes: producer.bufferUsedBytes, bufferMemoryBytes: producer.config["buffer.memory"] };
}

export function buildProducerDetail(producer: ProducerState, nowUs: number): ProducerDetailView {
  const partitions = [...producer.deques.keys()].sort((a, b) => a - b);
  const compression = producer.config["compression.type"];
  return {
    client: producer.client,
    partitioner: partitionerNameOf(producer),
    stickyPartition: stickyPartitionOf(producer),
    configEntries: configEntriesOf(producer),
    configNotes: [...producer.configNotes],
    batchesByPartition: partitions.map((partition) => ({
      partition,
      leaderBrokerId: producer.leaders?.[partition] ?? null,
      batches: producer.deques.get(partition)!.map((b) => batchView(producer, b, nowUs)),
    })),
    inFlight: [...producer.inFlight.values()].map((r) => ({
      requestId: r.requestId,
      brokerId: r.brokerId,
      sentAtUs: r.sentAtUs,
      timeoutAtUs: r.sentAtUs + producer.config["request.timeout.ms"] * 1000,
      batches: r.batches.map((b) => ({
        batchId: b.id,
        partition: b.partition,
        recordCount: b.records.length,
        wireBytes: wireBytesOf(b, compression),
        attempt: b.attempts,
      })),
    })),
    counters: { ...producer.counters },
    ...bufferOf(producer),
    idempotence: {
      enabled: producer.config["enable.idempotence"],
      kafkaProducerId: producer.idempotence.producerIdNumber,
      producerEpoch: producer.idempotence.producerEpoch,
    },
  };
}
