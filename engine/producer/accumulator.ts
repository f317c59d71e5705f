// RecordAccumulator: per-partition deques of batches that fill by bytes, and the partitioner calls
// around each append in the order KafkaProducer.doSend and RecordAccumulator.append make them:
// - keyed records (Java default) hash with murmur2 before the accumulator is involved
//   (./partition-choice.ts); so do librdkafka's partitioners;
// - keyless records go to the built-in sticky partitioner: peek the sticky partition, complete a
//   deferred switch if its batches are all full, tryAppend (a record that does not fit closes the
//   last batch), and before a new batch is opened check again: the batch just closed may complete
//   the switch, so the record already lands on the next partition. After appending,
//   updatePartitionInfo with enableSwitch = allBatchesFull(deque);
// - RoundRobinPartitioner is a custom partitioner, so a record that would open a new batch aborts
//   the append, onNewBatch() runs, and partition() is called a second time.
import type { SimContext } from "../context";
import { RECORD_BATCH_OVERHEAD_BYTES, type RecordData, recordSizeBytes } from "../protocol";
import type { ProducerBatch, ProducerState } from "../state";
import { choosePartition, type PartitionChoice, topicMetadataOf } from "./partition-choice";
import {
  completeDeferredSwitch,
  isPartitionChanged,
  peekCurrentPartitionInfo,
  roundRobinOnNewBatch,
  roundRobinPartition,
  type StickyPartitionRef,
  updatePartitionInfo,
  utf8Key,
} from "./partitioner";
import { wakeSender } from "./sender";

type PendingRecord = Omit<RecordData, "offset">;

/**
 * One append tries at most two switches (a deferred one before tryAppend, the batch-boundary one
 * after it); the next partition starts with nothing produced, so it cannot switch again.
 */
const STICKY_APPEND_ATTEMPTS_MAX = 3;

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

interface Appended {
  batch: ProducerBatch;
  newBatch: boolean;
  /** What the batch grew by (the record, plus the batch header for a new batch): Kafka's appendedBytes. */
  appendedBytes: number;
}

interface Placed extends Appended {
  partition: number;
  partitionerCalls: number;
  /** The built-in sticky partition the record went to, still to be told the appended bytes. */
  stickyRef: StickyPartitionRef | null;
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
  if (producer.client === "librdkafka" && !librdkafkaQueueHasRoom(ctx, producer, record)) return;
  const choice = choosePartition(ctx, producer, keyBytes, explicitPartition);
  const placed = placeRecord(ctx, producer, choice, record, sizeBytes);
  if (!placed) return;
  producer.counters.accumulatedRecords++;
  producer.undelivered.messages++;
  producer.undelivered.valueBytes += record.valueBytes;
  ctx.emit({
    type: "recordAccumulated",
    producerId: producer.id,
    topic: producer.topic,
    partition: placed.partition,
    key: record.key,
    batchId: placed.batch.id,
    method: choice.method,
    hash: choice.hash,
    recordSizeBytes: sizeBytes,
    newBatch: placed.newBatch,
    partitionerCalls: placed.partitionerCalls,
  });
  if (placed.stickyRef) updateStickyPartition(ctx, producer, placed.stickyRef, placed);
  if (placed.newBatch || placed.batch.sealed) wakeSender(ctx, producer, ctx.state.nowUs);
}

function placeRecord(
  ctx: SimContext,
  producer: ProducerState,
  choice: PartitionChoice,
  record: PendingRecord,
  sizeBytes: number,
): Placed | null {
  if (choice.partition === null) return appendSticky(ctx, producer, record, sizeBytes);
  if (producer.partitioner.kind === "java-round-robin" && choice.method === "round-robin") {
    return appendRoundRobin(ctx, producer, choice.partition, record, sizeBytes);
  }
  const appended = appendToPartition(ctx, producer, choice.partition, record, sizeBytes);
  return appended && { ...appended, partition: choice.partition, partitionerCalls: 1, stickyRef: null };
}

/** tryAppend, else a new batch if buffer.memory has room for it, else the record is refused. */
function appendToPartition(
  ctx: SimContext,
  producer: ProducerState,
  partition: number,
  record: PendingRecord,
  sizeBytes: number,
): Appended | null {
  const deque = dequeOf(producer, partition);
  const appended = tryAppend(ctx, producer, deque, record, sizeBytes);
  if (appended) return appended;
  if (!reserveNewBatchBuffer(ctx, producer, record, sizeBytes)) return null;
  return appendNewBatch(ctx, producer, partition, deque, record, sizeBytes);
}

/**
 * RoundRobinPartitioner: with a custom partitioner KafkaProducer appends with abortOnNewBatch, so a
 * record that needs a new batch (its tryAppend closed the last one) calls onNewBatch() and asks
 * partition() again; since KAFKA-17632 (4.0) that second call returns the same partition.
 */
function appendRoundRobin(
  ctx: SimContext,
  producer: ProducerState,
  partition: number,
  record: PendingRecord,
  sizeBytes: number,
): Placed | null {
  const state = producer.partitioner;
  if (state.kind !== "java-round-robin") throw new Error("not the round-robin partitioner");
  const first = tryAppend(ctx, producer, dequeOf(producer, partition), record, sizeBytes);
  if (first) return { ...first, partition, partitionerCalls: 1, stickyRef: null };
  roundRobinOnNewBatch(state.roundRobin, partition);
  const next = roundRobinPartition(state.roundRobin, topicMetadataOf(producer));
  const appended = appendToPartition(ctx, producer, next, record, sizeBytes);
  return appended && { ...appended, partition: next, partitionerCalls: 2, stickyRef: null };
}

/**
 * RecordAccumulator.append for UNKNOWN_PARTITION: peek the sticky partition, check it did not
 * change (completing a deferred switch), tryAppend; if a new batch is needed, allocate its buffer
 * and check again before creating it, since the batch tryAppend just closed can complete the
 * switch: the record then starts the next partition's batch instead of waiting alone for linger.ms.
 */
function appendSticky(ctx: SimContext, producer: ProducerState, record: PendingRecord, sizeBytes: number) {
  const builtIn = builtInOf(producer);
  const nextInt = ctx.random.stream("partitioner").nextInt32;
  for (let attempt = 0; attempt < STICKY_APPEND_ATTEMPTS_MAX; attempt++) {
    const stickyRef = peekCurrentPartitionInfo(builtIn, topicMetadataOf(producer), nextInt);
    const partition = stickyRef.partition;
    const deque = dequeOf(producer, partition);
    if (stickyPartitionChanged(ctx, producer, stickyRef, deque)) continue;
    const appended = tryAppend(ctx, producer, deque, record, sizeBytes);
    if (appended) return { ...appended, partition, partitionerCalls: 1, stickyRef };
    if (!reserveNewBatchBuffer(ctx, producer, record, sizeBytes)) return null;
    if (stickyPartitionChanged(ctx, producer, stickyRef, deque)) continue;
    const created = appendNewBatch(ctx, producer, partition, deque, record, sizeBytes);
    return { ...created, partition, partitionerCalls: 1, stickyRef };
  }
  throw new Error(`${producer.id}: the sticky partition kept switching during one append (engine bug)`);
}

function builtInOf(producer: ProducerState) {
  if (producer.partitioner.kind !== "java-built-in") throw new Error("not the built-in partitioner");
  return producer.partitioner.builtIn;
}

/**
 * RecordAccumulator.partitionChanged: the sticky partition moved since it was peeked, or a switch
 * that an incomplete batch deferred completes now that the partition's batches are all full.
 */
function stickyPartitionChanged(
  ctx: SimContext,
  producer: ProducerState,
  stickyRef: StickyPartitionRef,
  deque: readonly ProducerBatch[],
): boolean {
  const builtIn = builtInOf(producer);
  if (isPartitionChanged(builtIn, stickyRef)) return true;
  const producedBytes = builtIn.sticky!.producedBytes;
  const nextInt = ctx.random.stream("partitioner").nextInt32;
  const topic = topicMetadataOf(producer);
  if (!completeDeferredSwitch(builtIn, stickyRef, allBatchesFull(deque), topic, nextInt)) return false;
  emitStickySwitch(ctx, producer, stickyRef.partition, producedBytes);
  return true;
}

/** updatePartitionInfo after the append: count the bytes, switch if enough went to this partition. */
function updateStickyPartition(
  ctx: SimContext,
  producer: ProducerState,
  stickyRef: StickyPartitionRef,
  placed: Placed,
): void {
  const builtIn = builtInOf(producer);
  const produced = builtIn.sticky!.producedBytes + placed.appendedBytes;
  const enableSwitch = allBatchesFull(producer.deques.get(placed.partition));
  const nextInt = ctx.random.stream("partitioner").nextInt32;
  const topic = topicMetadataOf(producer);
  if (updatePartitionInfo(builtIn, stickyRef, placed.appendedBytes, topic, nextInt, enableSwitch)) {
    emitStickySwitch(ctx, producer, stickyRef.partition, produced);
  }
}

function emitStickySwitch(
  ctx: SimContext,
  producer: ProducerState,
  from: number,
  producedBytes: number,
): void {
  ctx.emit({
    type: "partitionerSwitched",
    producerId: producer.id,
    topic: producer.topic,
    fromPartition: from,
    toPartition: builtInOf(producer).sticky!.partition,
    producedBytes,
    reason: "stickyBatchSizeReached",
  });
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

/**
 * RecordAccumulator.tryAppend on the deque's last batch. A record that does not fit closes that
 * batch for appends (closeForRecordAppends), which makes it full and sendable at once.
 */
function tryAppend(
  ctx: SimContext,
  producer: ProducerState,
  deque: ProducerBatch[],
  record: PendingRecord,
  sizeBytes: number,
): Appended | null {
  const last = deque.at(-1);
  if (last === undefined) return null;
  if (last.sealed || last.sizeBytes + sizeBytes > last.capacityBytes) {
    if (!last.sealed) sealBatch(ctx, producer, last, "recordDidNotFit");
    return null;
  }
  addRecord(ctx, producer, last, record, sizeBytes);
  return { batch: last, newBatch: false, appendedBytes: sizeBytes };
}

function addRecord(
  ctx: SimContext,
  producer: ProducerState,
  batch: ProducerBatch,
  record: PendingRecord,
  sizeBytes: number,
): void {
  batch.records.push(record);
  batch.sizeBytes += sizeBytes;
  // librdkafka also closes a MessageSet at batch.num.messages records.
  const countFull =
    producer.client === "librdkafka" && batch.records.length >= producer.config["batch.num.messages"];
  if (batch.sizeBytes >= batch.capacityBytes || countFull) sealBatch(ctx, producer, batch, "full");
}

/** A new batch takes max(batch.size, the record with its batch header) from buffer.memory. */
function newBatchCapacityBytes(producer: ProducerState, sizeBytes: number): number {
  return Math.max(producer.config["batch.size"], sizeBytes + RECORD_BATCH_OVERHEAD_BYTES);
}

/** BufferPool.allocate: whether a new batch's buffer fits, else the record is refused. */
function reserveNewBatchBuffer(
  ctx: SimContext,
  producer: ProducerState,
  record: PendingRecord,
  sizeBytes: number,
): boolean {
  const capacityBytes = newBatchCapacityBytes(producer, sizeBytes);
  // librdkafka has no buffer pool: its queue limits were checked when send() took the record.
  if (producer.client === "librdkafka") return true;
  if (producer.bufferUsedBytes + capacityBytes <= producer.config["buffer.memory"]) return true;
  refuseRecord(ctx, producer, record, capacityBytes);
  return false;
}

function appendNewBatch(
  ctx: SimContext,
  producer: ProducerState,
  partition: number,
  deque: ProducerBatch[],
  record: PendingRecord,
  sizeBytes: number,
): Appended {
  const capacityBytes = newBatchCapacityBytes(producer, sizeBytes);
  producer.bufferUsedBytes += capacityBytes;
  const batch: ProducerBatch = {
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
  addRecord(ctx, producer, batch, record, sizeBytes);
  return { batch, newBatch: true, appendedBytes: sizeBytes + RECORD_BATCH_OVERHEAD_BYTES };
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

/**
 * rd_kafka_producev: a record that would take the queue past queue.buffering.max.messages or
 * queue.buffering.max.kbytes (value bytes of records without a delivery report) fails at once.
 */
function librdkafkaQueueHasRoom(ctx: SimContext, producer: ProducerState, record: PendingRecord): boolean {
  const maxMessages = producer.config["queue.buffering.max.messages"];
  const maxBytes = producer.config["queue.buffering.max.kbytes"] * 1024;
  const { messages, valueBytes } = producer.undelivered;
  if ((maxMessages === 0 || messages + 1 <= maxMessages) && valueBytes + record.valueBytes <= maxBytes)
    return true;
  refuseSend(ctx, producer, record, {
    exception: "RD_KAFKA_RESP_ERR__QUEUE_FULL",
    message: "Local: Queue full",
  });
  return false;
}

/** send() fails at once: the record is counted as rejected and never reaches a batch. */
function refuseSend(
  ctx: SimContext,
  producer: ProducerState,
  record: PendingRecord,
  refusal: { exception: string; message: string },
): void {
  producer.counters.rejectedRecords++;
  ctx.emit({
    type: "sendFailed",
    producerId: producer.id,
    topic: producer.topic,
    key: record.key,
    ...refusal,
  });
}

/** The refusal send() gives a record too large to ever be sent, per client; null if it fits. */
function recordTooLarge(
  producer: ProducerState,
  sizeBytes: number,
): { exception: string; message: string } | null {
  const maxRequestSize = producer.config["max.request.size"];
  if (producer.client === "librdkafka") {
    // rd_kafka_msg_new: the record's wire size past message.max.bytes.
    if (sizeBytes <= maxRequestSize) return null;
    return { exception: "RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE", message: "Broker: Message size too large" };
  }
  const prefix = `The message is ${sizeBytes} bytes when serialized which is larger than`;
  const message =
    sizeBytes > maxRequestSize
      ? `${prefix} ${maxRequestSize}, which is the value of the max.request.size configuration.`
      : sizeBytes > producer.config["buffer.memory"]
        ? `${prefix} the total memory buffer you have configured with the buffer.memory configuration.`
        : null;
  return message === null ? null : { exception: "RecordTooLargeException", message };
}

/** KafkaProducer.ensureValidRecordSize: a record that could never be sent fails in send() itself. */
function ensureValidRecordSize(
  ctx: SimContext,
  producer: ProducerState,
  record: PendingRecord,
  sizeBytes: number,
): boolean {
  const refusal = recordTooLarge(producer, sizeBytes);
  if (refusal === null) return true;
  refuseSend(ctx, producer, record, refusal);
  return false;
}
