// Consumer specs as scenarios and the addConsumer command write them: assign() consumers and
// subscribe() (group) consumers with Kafka's config names and defaults (ConsumerConfig). Validated
// like the Java client: a heartbeat interval not below the session timeout fails construction with
// Kafka's message; the session timeout's broker bounds are checked at JoinGroup time, as Kafka does.
import { z } from "zod";
import { DEFAULT_ASSIGNOR_NAMES, isAssignorName } from "../group/assignors/registry";
import type { AssignorName } from "../group/assignors/types";
import { clientId, topicName } from "../scenario/fields";
import { autoOffsetResetField } from "./offset-reset";

const groupIdString = z.string().min(1).max(249);

/** ConsumerConfig: 1048576 (1 MiB) per partition per fetch, at least 0. */
const maxPartitionFetchBytes = z.number().int().min(0).max(2_147_483_647).default(1_048_576);

export const assignConsumerSchema = z
  .object({
    id: clientId,
    mode: z.literal("assign"),
    topic: topicName,
    /** Partitions to assign(); all of the topic's partitions when omitted. */
    partitions: z.array(z.number().int().min(0)).optional(),
    processingTimeMs: z.number().min(0).max(60_000).default(1),
    config: z
      .object({
        "auto.offset.reset": autoOffsetResetField,
        "max.poll.records": z.number().int().min(1).max(100_000).default(500),
        "fetch.max.wait.ms": z.number().int().min(0).max(60_000).default(500),
        "fetch.min.bytes": z.number().int().min(0).max(52_428_800).default(1),
        "max.partition.fetch.bytes": maxPartitionFetchBytes,
        "request.timeout.ms": z.number().int().min(1).max(3_600_000).default(30_000),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** The Java class names Kafka also accepts in partition.assignment.strategy. */
const ASSIGNOR_CLASSES: Readonly<Record<string, AssignorName>> = {
  "org.apache.kafka.clients.consumer.RangeAssignor": "range",
  "org.apache.kafka.clients.consumer.RoundRobinAssignor": "roundrobin",
  "org.apache.kafka.clients.consumer.StickyAssignor": "sticky",
  "org.apache.kafka.clients.consumer.CooperativeStickyAssignor": "cooperative-sticky",
};

const assignorList = z
  .union([z.array(z.string()).min(1).max(4), z.string().min(1)])
  .transform((value, ctx): AssignorName[] => {
    const names = (typeof value === "string" ? value.split(",") : value).map((n) => n.trim());
    const resolved: AssignorName[] = [];
    for (const name of names) {
      const assignor = isAssignorName(name) ? name : ASSIGNOR_CLASSES[name];
      if (!assignor) {
        ctx.addIssue({
          code: "custom",
          message: `Invalid value ${name} for configuration partition.assignment.strategy: Class ${name} cannot be found`,
        });
        return z.NEVER;
      }
      if (!resolved.includes(assignor)) resolved.push(assignor);
    }
    return resolved;
  });

export const COMMIT_MODES = [
  "auto",
  "sync-after-processing",
  "async-after-processing",
  "sync-before-processing",
] as const;
export type CommitMode = (typeof COMMIT_MODES)[number];

export const subscribeConfigSchema = z
  .object({
    "group.id": groupIdString.nullable().default(null),
    "group.instance.id": z.string().min(1).max(249).nullable().default(null),
    "session.timeout.ms": z.number().int().min(1).max(86_400_000).default(45_000),
    "heartbeat.interval.ms": z.number().int().min(1).max(86_400_000).default(3000),
    "max.poll.interval.ms": z.number().int().min(1).max(86_400_000).default(300_000),
    "partition.assignment.strategy": assignorList.default([...DEFAULT_ASSIGNOR_NAMES]),
    "enable.auto.commit": z.boolean().default(true),
    "auto.commit.interval.ms": z.number().int().min(0).max(86_400_000).default(5000),
    "auto.offset.reset": autoOffsetResetField,
    "max.poll.records": z.number().int().min(1).max(100_000).default(500),
    // CommonClientConfigs.DEFAULT_CLIENT_RACK is "", which ConsumerCoordinator sends as no rack.
    "client.rack": z.string().max(64).nullable().default(""),
    "fetch.max.wait.ms": z.number().int().min(0).max(60_000).default(500),
    "fetch.min.bytes": z.number().int().min(0).max(52_428_800).default(1),
    "fetch.max.bytes": z.number().int().min(0).max(2_147_483_647).default(52_428_800),
    "max.partition.fetch.bytes": maxPartitionFetchBytes,
    "request.timeout.ms": z.number().int().min(1).max(3_600_000).default(30_000),
    "retry.backoff.ms": z.number().int().min(0).max(3_600_000).default(100),
  })
  .strict();

export type SubscribeConsumerConfig = z.output<typeof subscribeConfigSchema>;

export const subscribeConsumerSchema = z
  .object({
    id: clientId,
    mode: z.literal("subscribe"),
    /** The consumer group; the same as config["group.id"] (either may be given). */
    groupId: groupIdString.optional(),
    topics: z.array(topicName).min(1).max(16),
    processingTimeMs: z.number().min(0).max(60_000).default(1),
    /** How the application commits: auto-commit only, or commitSync/commitAsync around processing. */
    commit: z.enum(COMMIT_MODES).default("auto"),
    /** When the application starts (constructs the consumer and subscribes). */
    startAtMs: z
      .number()
      .min(0)
      .max(24 * 3600 * 1000)
      .optional(),
    config: subscribeConfigSchema.prefault({}),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const configured = spec.config["group.id"];
    if (spec.groupId === undefined && configured === null) {
      ctx.addIssue({
        code: "custom",
        path: ["groupId"],
        message:
          "To use the group management or offset commit APIs, you must provide a valid group.id in the consumer configuration.",
      });
    }
    if (spec.groupId !== undefined && configured !== null && spec.groupId !== configured) {
      ctx.addIssue({
        code: "custom",
        path: ["config", "group.id"],
        message: `group.id "${configured}" differs from groupId "${spec.groupId}"`,
      });
    }
    // Java's consumer constructor (Heartbeat) throws IllegalArgumentException with this message.
    if (spec.config["heartbeat.interval.ms"] >= spec.config["session.timeout.ms"]) {
      ctx.addIssue({
        code: "custom",
        path: ["config", "heartbeat.interval.ms"],
        message: "Heartbeat must be set lower than the session timeout",
      });
    }
  });

export const consumerSpecSchema = z.discriminatedUnion("mode", [
  assignConsumerSchema,
  subscribeConsumerSchema,
]);

export type AssignConsumerSpec = z.output<typeof assignConsumerSchema>;
export type SubscribeConsumerSpec = z.output<typeof subscribeConsumerSchema>;
export type AnyConsumerSpec = z.output<typeof consumerSpecSchema>;

export function groupIdOf(spec: SubscribeConsumerSpec): string {
  return spec.groupId ?? spec.config["group.id"]!;
}

/** Topics the consumer reads: assign() names one, subscribe() lists them. */
export function specTopics(spec: AnyConsumerSpec): string[] {
  return spec.mode === "assign" ? [spec.topic] : [...spec.topics];
}
