// Scenario format v2: the JSON a run starts from. Validated with zod so a malformed file is
// rejected with the path of the bad field before anything runs. docs/scenario-format.md documents
// every field; bump `version` and add a step to migrations.ts when the shape changes (v2: brokers
// are a list with racks, topics have a replication factor).
import { z } from "zod";
import { placementProblem } from "../broker/replica-placement";
import { validateTopicConfig } from "../broker/topic-config";
import { commandSchema } from "../commands";
import { consumerSpecSchema } from "../consumer/spec";
import { clusterConfigSchema } from "../group/coordinator/config";
import { PRODUCER_RECORDS_PER_SEC_MAX, producerSpecSchema } from "../producer/spec";
import { addConfigIssues, configObject, topicName } from "./fields";
import { lessonSchema } from "./lesson";

export const SCENARIO_VERSION = 2;

export const LIMITS = {
  brokers: 12,
  topics: 16,
  partitionsPerTopic: 256,
  producers: 16,
  consumers: 64,
  recordsPerSecPerProducer: PRODUCER_RECORDS_PER_SEC_MAX,
  actions: 1_000,
  durationMs: 24 * 3600 * 1000,
} as const;

const topicSchema = z
  .object({
    name: topicName,
    partitions: z.number().int().min(1).max(LIMITS.partitionsPerTopic),
    /** Replicas per partition, placed as Kafka's AdminUtils does; at most the number of brokers. */
    replicationFactor: z.number().int().min(1).max(LIMITS.brokers).default(1),
    config: configObject.default({}),
  })
  .strict()
  .superRefine((topic, ctx) => addConfigIssues(ctx, validateTopicConfig(topic.config)));

/** A broker: `id` 1 … N in order; `broker.rack` when it has one (all brokers or none). */
const brokerSchema = z
  .object({
    id: z.number().int().min(1).max(LIMITS.brokers),
    rack: z.string().min(1).max(64).optional(),
  })
  .strict();

/** assign() and subscribe() consumers: engine/consumer/spec.ts. */
const consumerSchema = consumerSpecSchema;

export const scenarioSchema = z
  .object({
    version: z.literal(SCENARIO_VERSION),
    title: z.string().max(200).default("Untitled scenario"),
    description: z.string().max(4000).default(""),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    durationMs: z.number().int().min(1).max(LIMITS.durationMs).default(10_000),
    network: z
      .object({
        latencyMs: z.number().min(0.001).max(10_000).default(2),
        jitterMs: z.number().min(0).max(10_000).default(0.5),
      })
      .strict()
      .default({ latencyMs: 2, jitterMs: 0.5 }),
    cluster: z
      .object({
        brokers: z.array(brokerSchema).min(1).max(LIMITS.brokers),
        topics: z.array(topicSchema).min(1).max(LIMITS.topics),
        /** Broker configs of the group coordinator (group.initial.rebalance.delay.ms, session bounds). */
        config: clusterConfigSchema.prefault({}),
      })
      .strict(),
    producers: z.array(producerSpecSchema).max(LIMITS.producers).default([]),
    consumers: z.array(consumerSchema).max(LIMITS.consumers).default([]),
    actions: z
      .array(z.object({ atMs: z.number().min(0).max(LIMITS.durationMs), command: commandSchema }).strict())
      .max(LIMITS.actions)
      .default([]),
    /** Optional lesson: learning goals, captions with pause points, a "try this". */
    lesson: lessonSchema.optional(),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const brokers = scenario.cluster.brokers;
    brokers.forEach((broker, i) => {
      if (broker.id !== i + 1) {
        ctx.addIssue({
          code: "custom",
          path: ["cluster", "brokers", i, "id"],
          message: `brokers are numbered 1 … ${brokers.length} in order: expected ${i + 1}`,
        });
      }
    });
    const placement = brokers.map((b) => ({ id: b.id, rack: b.rack ?? null }));
    const rackProblem = placementProblem(placement, 1);
    if (rackProblem) ctx.addIssue({ code: "custom", path: ["cluster", "brokers"], message: rackProblem });
    scenario.cluster.topics.forEach((topic, i) => {
      const problem = placementProblem(
        placement.map((b) => ({ ...b, rack: null })),
        topic.replicationFactor,
      );
      if (problem) {
        ctx.addIssue({
          code: "custom",
          path: ["cluster", "topics", i, "replicationFactor"],
          message: problem,
        });
      }
    });
    const topics = new Map(scenario.cluster.topics.map((t) => [t.name, t.partitions]));
    if (topics.size !== scenario.cluster.topics.length) {
      ctx.addIssue({ code: "custom", path: ["cluster", "topics"], message: "topic names must be unique" });
    }
    const ids = new Set<string>();
    const clients = [
      ...scenario.producers.map((p, i) => ({
        id: p.id,
        topics: [p.topic],
        path: ["producers", i],
        field: "topic",
      })),
      ...scenario.consumers.map((c, i) =>
        c.mode === "assign"
          ? { id: c.id, topics: [c.topic], path: ["consumers", i], field: "topic" }
          : { id: c.id, topics: c.topics, path: ["consumers", i], field: "topics" },
      ),
    ];
    for (const client of clients) {
      if (ids.has(client.id)) {
        ctx.addIssue({
          code: "custom",
          path: [...client.path, "id"],
          message: `duplicate client id "${client.id}"`,
        });
      }
      ids.add(client.id);
      client.topics.forEach((topic, j) => {
        if (topics.has(topic)) return;
        ctx.addIssue({
          code: "custom",
          path: client.field === "topic" ? [...client.path, "topic"] : [...client.path, "topics", j],
          message: `unknown topic "${topic}" (not in cluster.topics)`,
        });
      });
    }
    scenario.producers.forEach((producer, i) => {
      const count = topics.get(producer.topic) ?? 0;
      if (producer.partition !== undefined && producer.partition >= count) {
        ctx.addIssue({
          code: "custom",
          path: ["producers", i, "partition"],
          message: `partition ${producer.partition} does not exist (topic "${producer.topic}" has ${count})`,
        });
      }
    });
    scenario.consumers.forEach((consumer, i) => {
      if (consumer.mode !== "assign") return;
      const count = topics.get(consumer.topic) ?? 0;
      consumer.partitions?.forEach((p, j) => {
        if (p >= count) {
          ctx.addIssue({
            code: "custom",
            path: ["consumers", i, "partitions", j],
            message: `partition ${p} does not exist (topic "${consumer.topic}" has ${count})`,
          });
        }
      });
    });
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type { ProducerSpec } from "../producer/spec";
export type ConsumerSpec = Scenario["consumers"][number];
export type BrokerSpec = Scenario["cluster"]["brokers"][number];
