// The producer client: a workload calls send() at a rate; records go through the partitioner into
// the accumulator (./accumulator.ts) and the sender (./sender.ts) ships batches to partition
// leaders; ./completion.ts ends them. An idempotent producer first gets a producer id with
// InitProducerId and numbers each partition's batches so brokers can drop retried duplicates.
import { brokerActor, type SimContext } from "../context";
import { US_PER_SECOND } from "../core/time";
import type { MessageBody } from "../protocol";
import type { ProducerState } from "../state";
import { accumulateRecord } from "./accumulator";
import { handleProduceResponse } from "./completion";
import { type ProducerConfig, validateProducerConfig } from "./config";
import {
  createPartitioner,
  JAVA_DEFAULT_PARTITIONER,
  JAVA_ROUND_ROBIN_PARTITIONER,
  type PartitionerConfig,
} from "./partitioner";
import { wakeSender } from "./sender";
import { type ProducerSpec, producerSpecOf } from "./spec";
import { nextRecordKey } from "./workload";

/** The partitioner a producer's client and config select. */
export function partitionerConfigOf(
  client: ProducerSpec["client"],
  config: ProducerConfig,
): PartitionerConfig {
  if (client === "librdkafka") {
    return {
      kind: "librdkafka",
      partitioner: config.partitioner,
      stickyLingerMs: config["sticky.partitioning.linger.ms"],
    };
  }
  if (config["partitioner.class"] === JAVA_ROUND_ROBIN_PARTITIONER) {
    return { kind: "java-round-robin", legacyDoubleAdvance: false };
  }
  return {
    kind: "java-built-in",
    // BuiltInPartitioner needs at least 1 byte; batch.size=0 means "no batching", every record its own batch.
    batchSizeBytes: Math.max(1, config["batch.size"]),
    adaptivePartitioningEnable: config["partitioner.adaptive.partitioning.enable"],
    availabilityTimeoutMs: config["partitioner.availability.timeout.ms"],
    ignoreKeys: config["partitioner.ignore.keys"],
  };
}

/** The partitioner's display name: the Java class (or "default (built-in)"), or librdkafka's `partitioner`. */
export function partitionerNameOf(producer: ProducerState): string {
  if (producer.client === "librdkafka") return producer.config.partitioner;
  return producer.config["partitioner.class"] ?? JAVA_DEFAULT_PARTITIONER;
}

export function createProducerState(spec: ProducerSpec): ProducerState {
  const resolved = validateProducerConfig(spec.config, spec.client);
  // The scenario decoder has validated this config already; failing here is an engine bug.
  if (!resolved.ok)
    throw new Error(`producer ${spec.id}: ${resolved.issues.map((i) => i.message).join("; ")}`);
  return {
    id: spec.id,
    topic: spec.topic,
    client: spec.client,
    config: resolved.config,
    explicitConfig: resolved.explicit,
    configNotes: resolved.notes,
    recordsPerSec: spec.recordsPerSec,
    paused: false,
    status: "running",
    tickEpoch: 0,
    recordCounter: 0,
    leaders: null,
    partitioner: createPartitioner(partitionerConfigOf(spec.client, resolved.config)),
    deques: new Map(),
    inFlight: new Map(),
    mutedPartitions: new Set(),
    nextRequestId: 1,
    nextBatchId: 1,
    senderWakeAtUs: null,
    drainIndexByBroker: new Map(),
    nodeLatency: new Map(),
    bufferUsedBytes: 0,
    undelivered: { messages: 0, valueBytes: 0 },
    idempotence: { producerIdNumber: null, producerEpoch: 0, initRequestId: null, nextSequence: new Map() },
    counters: {
      accumulatedRecords: 0,
      sentRecords: 0,
      acknowledgedRecords: 0,
      failedRecords: 0,
      expiredRecords: 0,
      retriedBatches: 0,
      rejectedRecords: 0,
    },
  };
}

function specOf(ctx: SimContext, producer: ProducerState): ProducerSpec {
  return producerSpecOf(ctx.state, producer.id)!;
}

export function startProducer(ctx: SimContext, producer: ProducerState): void {
  const bootstrap = [...ctx.state.brokers.values()].find((b) => b.up) ?? ctx.state.brokers.get(1)!;
  ctx.send(producer.id, brokerActor(bootstrap.id), { api: "MetadataRequest", topics: [producer.topic] });
}

export function scheduleNextRecord(ctx: SimContext, producer: ProducerState): void {
  if (producer.paused || producer.recordsPerSec <= 0 || producer.leaders === null) return;
  ctx.at(US_PER_SECOND / producer.recordsPerSec, {
    type: "produceRecord",
    producerId: producer.id,
    epoch: producer.tickEpoch,
  });
}

/** InitProducerId to a broker (Kafka sends it to the least loaded node; here the first that is up). */
function sendInitProducerId(ctx: SimContext, producer: ProducerState): void {
  const broker = [...ctx.state.brokers.values()].find((b) => b.up) ?? ctx.state.brokers.get(1)!;
  const requestId = producer.nextRequestId++;
  producer.idempotence.initRequestId = requestId;
  ctx.send(producer.id, brokerActor(broker.id), { api: "InitProducerIdRequest", requestId });
  ctx.at(producer.config["request.timeout.ms"] * 1000, {
    type: "initProducerIdTimeout",
    producerId: producer.id,
    requestId,
  });
}

/** No InitProducerId response within request.timeout.ms: ask again. */
export function initProducerIdTimedOut(ctx: SimContext, producer: ProducerState, requestId: number): void {
  if (producer.idempotence.initRequestId !== requestId) return;
  sendInitProducerId(ctx, producer);
}

export function handleProducerMessage(
  ctx: SimContext,
  producer: ProducerState,
  body: MessageBody,
  from: string,
): void {
  switch (body.api) {
    case "MetadataResponse": {
      const first = producer.leaders === null;
      const leaders: number[] = [];
      for (const p of body.partitions)
        if (p.topic === producer.topic) leaders[p.partition] = p.leaderBrokerId;
      producer.leaders = leaders;
      ctx.emit({ type: "metadataReceived", clientId: producer.id, brokerId: Number(body.brokers[0] ?? 0) });
      if (!first) return;
      if (producer.config["enable.idempotence"]) sendInitProducerId(ctx, producer);
      scheduleNextRecord(ctx, producer);
      return;
    }
    case "InitProducerIdResponse": {
      if (producer.idempotence.initRequestId !== body.requestId) return;
      producer.idempotence.initRequestId = null;
      producer.idempotence.producerIdNumber = body.kafkaProducerId;
      producer.idempotence.producerEpoch = body.producerEpoch;
      ctx.emit({
        type: "producerIdAssigned",
        producerId: producer.id,
        brokerId: Number(from.slice("broker-".length)),
        kafkaProducerId: body.kafkaProducerId,
        producerEpoch: body.producerEpoch,
      });
      wakeSender(ctx, producer, ctx.state.nowUs);
      return;
    }
    case "ProduceResponse":
      handleProduceResponse(ctx, producer, body);
      return;
    default:
      return;
  }
}

/** The workload's next send(): a key from the distribution, then partitioner and accumulator. */
export function produceRecord(ctx: SimContext, producer: ProducerState, epoch: number): void {
  if (epoch !== producer.tickEpoch || producer.paused || producer.leaders === null) return;
  const spec = specOf(ctx, producer);
  const key = nextRecordKey(spec.keys, producer.recordCounter, ctx.random.stream("workload"));
  producer.recordCounter++;
  const record = { key, valueBytes: spec.valueBytes, timestampUs: ctx.state.nowUs, producerId: producer.id };
  accumulateRecord(ctx, producer, record, spec.partition);
  scheduleNextRecord(ctx, producer);
}
