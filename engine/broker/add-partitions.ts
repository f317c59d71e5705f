// `kafka-topics --alter --partitions N`: a topic grows to N partitions (never shrinks). The new
// partitions start empty, their replicas are placed as Kafka does (AdminUtils, leaders continuing the
// round-robin placement), and every running
// client of the topic refreshes its metadata METADATA_REFRESH_AFTER_CHANGE_MS later (a teaching
// simplification of metadata.max.age.ms, see engine/README.md): producers then hash keys over the
// new count, and a subscribe() group's leader sees its cached metadata changed and rejoins.
import { brokerActor, type SimContext } from "../context";
import { CommandError } from "../core/errors";
import { msToUs } from "../core/time";
import { partitionKey, type SimState, topicPartitionCount } from "../state";
import { createPartitionLog } from "./partition-log";
import { assignReplicas, brokerPlacements } from "./replica-placement";

/**
 * How long after the change clients ask for metadata again. Kafka clients refresh when
 * metadata.max.age.ms (300000) elapses or an error forces it; a second keeps the lesson short.
 */
export const METADATA_REFRESH_AFTER_CHANGE_MS = 1_000;

/** The controller's checks, with Kafka's messages (InvalidPartitionsException). */
export function validateAddPartitions(state: SimState, topic: string, count: number): void {
  if (!state.scenario.cluster.topics.some((t) => t.name === topic)) {
    throw new CommandError(`addPartitions: unknown topic "${topic}" (not in cluster.topics)`);
  }
  const current = topicPartitionCount(state, topic);
  if (count === current) throw new CommandError(`Topic already has ${current} partitions.`);
  if (count < current) {
    throw new CommandError(
      `Topic currently has ${current} partitions, which is higher than the requested ${count}.`,
    );
  }
}

export function addPartitions(ctx: SimContext, topic: string, count: number): void {
  const { state } = ctx;
  const from = topicPartitionCount(state, topic);
  const placement = brokerPlacements(state.scenario.cluster.brokers);
  const first = state.partitions.get(partitionKey(topic, 0))!;
  // As Kafka adds partitions: AdminUtils with the topic's replication factor (partition 0's replica
  // count), numbering on from the existing partitions. The start index continues the cluster-wide
  // round-robin: the n-th partition of the cluster is led by broker n mod N.
  const n = placement.length;
  const startIndex = (((state.partitions.size - from) % n) + n) % n;
  const replicas = assignReplicas(placement, count - from, first.replicas.length, startIndex, from);
  for (let p = from; p < count; p++) {
    state.partitions.set(
      partitionKey(topic, p),
      createPartitionLog(topic, p, replicas[p - from]!, first.config),
    );
  }
  ctx.emit({ type: "partitionsAdded", topic, from, to: count });
  for (const producer of state.producers.values()) {
    if (producer.topic === topic) scheduleRefresh(ctx, producer.id);
  }
  for (const consumer of state.consumers.values()) {
    if (consumer.topics.includes(topic)) scheduleRefresh(ctx, consumer.id);
  }
}

function scheduleRefresh(ctx: SimContext, clientId: string): void {
  ctx.at(msToUs(METADATA_REFRESH_AFTER_CHANGE_MS), { type: "metadataRefresh", clientId });
}

/** The refresh itself: a MetadataRequest to a live broker, unless the client is gone or not started. */
export function refreshMetadata(ctx: SimContext, clientId: string): void {
  const { state } = ctx;
  const producer = state.producers.get(clientId);
  const consumer = state.consumers.get(clientId);
  let topics: readonly string[];
  if (producer) {
    // Not started yet: its first Metadata request will see the new count anyway.
    if (producer.leaders === null) return;
    topics = [producer.topic];
  } else if (consumer) {
    const gone =
      consumer.status === "crashed" || consumer.status === "closed" || consumer.status === "failed";
    if (gone || consumer.leaders === null) return;
    topics = consumer.topics;
  } else return;
  const broker = [...state.brokers.values()].find((b) => b.up);
  if (!broker) return;
  ctx.send(clientId, brokerActor(broker.id), { api: "MetadataRequest", topics: [...topics] });
}
