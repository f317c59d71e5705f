// RecordAccumulator: per-partition deques of batches that fill by bytes, and the partitioner calls
// around each append exactly as KafkaProducer.doSend and RecordAccumulator.append make them:
// - keyed records (Java default) hash with murmur2 before the accumulator is involved;
// - keyless records go to the built-in sticky partitioner: peek the sticky partition, complete a
//   deferred switch if its batches are all full, append, then updatePartitionInfo with
//   enableSwitch = allBatchesFull(deque);
// - RoundRobinPartitioner is a custom partitioner, so a record that would open a new batch aborts
//   the append, onNewBatch() runs, and partition() is called a second time;
// - librdkafka decides the partition up front (its sticky partition is re-drawn by time).
import type { SimContext } from "../context";
import type { PartitionMethod } from "../events";
import { RECORD_BATCH_OVERHEAD_BYTES, type RecordData, recordSizeBytes } from "../protocol";
import type { ProducerBatch, ProducerState } from "../state";
import {
  completeDeferredSwitch,
  crc32,
  fnv1a,
  javaDefaultPick,
  type KeyPartitionPick,
  type LibrdkafkaPartitionerName,
  librdkafkaPick,
  murmur2,
  partitionOnSend,
  peekCurrentPartitionInfo,
  rdMurmur2,
  roundRobinOnNewBatch,
  roundRobinPartition,
  type TopicMetadataView,
  updatePartitionInfo,
  utf8Key,
} from "./partitioner";
import { wakeSender } from "./sender";

type PendingRecord = Omit<RecordData, "offset">;

/** The producer's metadata view of its topic: every partition whose leader it knows is available. */
export function topicMetadataOf(producer: ProducerState): TopicMetadataView {
  const leaders = producer.leaders ?? [];
  const availablePartitions: number[] = [];
  for (let p = 0; p < leaders.length; p++) if (leaders[p] !== undefined) availablePartitions.push(p);
  return { partitionCount: leaders.length, availablePartitions };
}

/** RecordAccumulator.allBatchesFull: the partition's last batch is closed for appends (or there is none). */
export function allBatchesFull(deque: readonly ProducerBatch[] | undefined): boolean {
  const last = deque?.[deque.length - 1];
  return last === undefined || last.sealed;
}

function dequeOf(producer: ProducerState, partition: number): ProducerBatch[] {
  let deque = producer.deques.get(partition);
  if (!deque) {
    deque = [];
    producer.deques.set(partition, deque);
  }
  return deque;
}

/** Whether appending `sizeBytes` to the partition needs a new batch (tryAppend would fail). */
function needsNewBatch(producer: ProducerState, partition: number, sizeBytes: number): boolean {
  const last = producer.deques.get(partition)?.at(-1);
  return last === undefined || last.sealed || last.sizeBytes + sizeBytes > last.capacityBytes;
}

function hashMethod(name: LibrdkafkaPartitionerName): PartitionMethod {
  if (name.startsWith("murmur2")) return "murmur2";
  if (name.startsWith("fnv1a")) return "fnv1a";
  return name === "random" ? "random" : "crc32";
}

function librdkafkaHash(method: PartitionMethod, key: Uint8Array | null): number | null {
  if (method === "murmur2") return rdMurmur2(key);
  if (method === "fnv1a") return fnv1a(key);
  if (method === "crc32") return crc32(key);
  return null;
}

interface PartitionChoice {
  /** null: Java's UNKNOWN_PARTITION, the built-in sticky partitioner decides inside append. */
  partition: number | null;
  method: PartitionMethod;
  hash: number | null;
}

/** KafkaProducer.partition() / rd_kafka_msg_partitioner(): where a record goes before the accumulator. */
function choosePartition(
  ctx: SimContext,
  producer: ProducerState,
  key: Uint8Array | null,
  explicit: number | undefined,
): PartitionChoice {
  if (explicit !== undefined) return { partition: explicit, method: "explicit", hash: null };
  const topic = topicMetadataOf(producer);
  const nextInt = ctx.random.stream("partitioner").nextInt32;
  const state = producer.partitioner;
  if (state.kind === "java-built-in") {
    const pick = javaDefaultPick(key, topic.partitionCount, state.config.ignoreKeys);
    if (pick.kind !== "partition") return { partition: null, method: "sticky", hash: null };
    return { partition: pick.partition, method: "murmur2", hash: murmur2(key!) };
  }
  if (state.kind === "java-round-robin") {
    return { partition: roundRobinPartition(state.roundRobin, topic), method: "round-robin", hash: null };
  }
  const { partitioner, stickyLingerMs } = state.config;
  const pick: KeyPartitionPick = librdkafkaPick(partitioner, key, topic.partitionCount, stickyLingerMs);
  const before = state.sticky.stickyPartition;
  const sent = partitionOnSend(state, { key, topic, nowUs: ctx.state.nowUs, nextInt });
  const partition = sent.kind === "partition" ? sent.partition : 0;
  if (pick.kind === "sticky" && state.sticky.stickyPartition !== before) {
    ctx.emit({
      type: "partitionerSwitched",
      producerId: producer.id,
      topic: producer.topic,
      fromPartition: before < 0 ? null : before,
      toPartition: state.sticky.stickyPartition,
      producedBytes: null,
      reason: "stickyLingerElapsed",
    });
  }
  if (pick.kind === "sticky") return { partition, method: "sticky", hash: null };
  if (pick.kind === "random") return { partition, method: "random", hash: null };
  const method = hashMethod(partitioner);
  return { partition, method, hash: librdkafkaHash(method, key) };
}

function emitStickySwitch(
  ctx: SimContext,
  producer: ProducerState,
  from: number,
  producedBytes: number,
): void {
  if (producer.partitioner.kind !== "java-built-in") return;
  ctx.emit({
    type: "partitionerSwitched",
    producerId: producer.id,
    topic: producer.topic,
    fromPartition: from,
    toPartition: producer.partitioner.builtIn.sticky!.partition,
    producedBytes,
    reason: "stickyBatchSizeReached",
  });
}

/** The built-in sticky partition to append to, completing a switch an incomplete batch deferred. */
function peekStickyPartition(ctx: SimContext, producer: ProducerState) {
  if (producer.partitioner.kind !== "java-built-in") throw new Error("not the built-in partitioner");
  const builtIn = producer.partitioner.builtIn;
  const topic = topicMetadataOf(producer);
  const nextInt = ctx.random.stream("partitioner").nextInt32;
  let ref = peekCurrentPartitionInfo(builtIn, topic, nextInt);
  // Each retry follows a switch to a new random partition; a handful always settles it.
  for (let attempt = 0; attempt <= topic.partitionCount + 1; attempt++) {
    const producedBytes = builtIn.sticky!.producedBytes;
    const full = allBatchesFull(producer.deques.get(ref.partition));
    if (!completeDeferredSwitch(builtIn, ref, full, topic, nextInt)) break;
    emitStickySwitch(ctx, producer, ref.partition, producedBytes);
    ref = peekCurrentPartitionInfo(builtIn, topic, nextInt);
  }
  return ref;
}

/**
 * send(): choose the partition, append the record to its deque, and wake the sender if a batch
 * filled or a new one opened. A record the buffer cannot hold is refused (BufferExhaustedException).
 */
export function accumulateRecord(
  ctx: SimContext,
  producer: ProducerState,
  record: PendingRecord,
  explicitPartition: number | undefined,
): void {
  const keyBytes = record.key === null ? null : utf8Key(record.key);
  const sizeBytes = recordSizeBytes(record);
  if (!ensureValidRecordSize(ctx, producer, record, sizeBytes + RECORD_BATCH_OVERHEAD_BYTES)) return;
  const choice = choosePartition(ctx, producer, keyBytes, explicitPartition);
  let partitionerCalls = 1;
  let partition = choice.partition;
  const stickyRef = partition === null ? peekStickyPartition(ctx, producer) : null;
  if (stickyRef) partition = stickyRef.partition;
  const state = producer.partitioner;
  if (
    state.kind === "java-round-robin" &&
    choice.method === "round-robin" &&
    needsNewBatch(producer, partition!, sizeBytes)
  ) {
    roundRobinOnNewBatch(state.roundRobin, partition!);
    partition = roundRobinPartition(state.roundRobin, topicMetadataOf(producer));
    partitionerCalls = 2;
  }
  const appended = appendToDeque(ctx, producer, partition!, record, sizeBytes);
  if (!appended) return;
  producer.counters.accumulatedRecords++;
  ctx.emit({
    type: "recordAccumulated",
    producerId: producer.id,
    topic: producer.topic,
    partition: partition!,
    key: record.key,
    batchId: appended.batch.id,
    method: choice.method,
    hash: choice.hash,
    recordSizeBytes: sizeBytes,
    newBatch: appended.newBatch,
    partitionerCalls,
  });
  if (stickyRef && state.kind === "java-built-in") {
    const builtIn = state.builtIn;
    const produced = builtIn.sticky!.producedBytes + appended.appendedBytes;
    const enableSwitch = allBatchesFull(producer.deques.get(partition!));
    const nextInt = ctx.random.stream("partitioner").nextInt32;
    if (
      updatePartitionInfo(
        builtIn,
        stickyRef,
        appended.appendedBytes,
        topicMetadataOf(producer),
        nextInt,
        enableSwitch,
      )
    ) {
      emitStickySwitch(ctx, producer, stickyRef.partition, produced);
    }
  }
  if (appended.newBatch || appended.batch.sealed) wakeSender(ctx, producer, ctx.state.nowUs);
}

function sealBatch(
  ctx: SimContext,
  producer: ProducerState,
  batch: ProducerBatch,
  reason: "full" | "recordDidNotFit",
): void {
  batch.sealed = true;
  ctx.emit({
    type: "batchSealed",
    producerId: producer.id,
    topic: batch.topic,
    partition: batch.partition,
    batchId: batch.id,
    recordCount: batch.records.length,
    sizeBytes: batch.sizeBytes,
    reason,
  });
}

/** tryAppend to the last batch, else a new batch of max(batch.size, record size) from buffer.memory. */
function appendToDeque(
  ctx: SimContext,
  producer: ProducerState,
  partition: number,
  record: PendingRecord,
  sizeBytes: number,
) {
  const deque = dequeOf(producer, partition);
  let batch = deque.at(-1);
  let newBatch = false;
  if (!batch || batch.sealed || batch.sizeBytes + sizeBytes > batch.capacityBytes) {
    if (batch && !batch.sealed) sealBatch(ctx, producer, batch, "recordDidNotFit");
    const capacityBytes = Math.max(producer.config["batch.size"], sizeBytes + RECORD_BATCH_OVERHEAD_BYTES);
    const totalBytes = producer.config["buffer.memory"];
    if (producer.bufferUsedBytes + capacityBytes > totalBytes) {
      refuseRecord(ctx, producer, record, capacityBytes);
      return null;
    }
    producer.bufferUsedBytes += capacityBytes;
    batch = {
      id: producer.nextBatchId++,
      topic: producer.topic,
      partition,
      createdAtUs: ctx.state.nowUs,
      capacityBytes,
      sizeBytes: RECORD_BATCH_OVERHEAD_BYTES,
      records: [],
      sealed: false,
      attempts: 0,
      lastAttemptAtUs: null,
      retryBackoffUntilUs: null,
      baseSequence: null,
      producerEpoch: producer.idempotence.producerEpoch,
      readyAnnounced: false,
    };
    deque.push(batch);
    newBatch = true;
  }
  batch.records.push(record);
  batch.sizeBytes += sizeBytes;
  if (batch.sizeBytes >= batch.capacityBytes) sealBatch(ctx, producer, batch, "full");
  return { batch, newBatch, appendedBytes: sizeBytes + (newBatch ? RECORD_BATCH_OVERHEAD_BYTES : 0) };
}

/**
 * buffer.memory is used up. Kafka's send() blocks up to max.block.ms waiting for memory and then
 * throws BufferExhaustedException; here the record is refused at once (see engine/README.md).
 */
function refuseRecord(
  ctx: SimContext,
  producer: ProducerState,
  record: PendingRecord,
  requestedBytes: number,
): void {
  const totalBytes = producer.config["buffer.memory"];
  const availableBytes = totalBytes - producer.bufferUsedBytes;
  producer.counters.rejectedRecords++;
  ctx.emit({
    type: "bufferExhausted",
    producerId: producer.id,
    topic: producer.topic,
    key: record.key,
    requestedBytes,
    availableBytes,
    message: `Failed to allocate ${requestedBytes} bytes within the configured max blocking time 60000 ms. Total memory: ${totalBytes} bytes. Available memory: ${availableBytes} bytes. Poolable size: ${producer.config["batch.size"]} bytes`,
  });
}

/** KafkaProducer.ensureValidRecordSize: a record that could never be sent fails in send() itself. */
function ensureValidRecordSize(
  ctx: SimContext,
  producer: ProducerState,
  record: PendingRecord,
  sizeBytes: number,
): boolean {
  const maxRequestSize = producer.config["max.request.size"];
  const prefix = `The message is ${sizeBytes} bytes when serialized which is larger than`;
  const message =
    sizeBytes > maxRequestSize
      ? `${prefix} ${maxRequestSize}, which is the value of the max.request.size configuration.`
      : sizeBytes > producer.config["buffer.memory"]
        ? `${prefix} the total memory buffer you have configured with the buffer.memory configuration.`
        : null;
  if (message === null) return true;
  producer.counters.rejectedRecords++;
  ctx.emit({
    type: "sendFailed",
    producerId: producer.id,
    topic: producer.topic,
    key: record.key,
    exception: "RecordTooLargeException",
    message,
  });
  return false;
}
