// Commands: what a user or a scripted action asks the simulation to do. Imperative names; one
// discriminated union on `type`, validated with zod because commands also arrive from files and links.
import { z } from "zod";
import { GROUP_COMMAND_SCHEMAS } from "./group/commands";
import { producerSpecSchema } from "./producer/spec";

const id = z.string().min(1).max(64);
/** LIMITS.partitionsPerTopic of scenario/schema.ts (which imports this module, so it is not imported here). */
export const COMMAND_PARTITIONS_PER_TOPIC_MAX = 256;

export const commandSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("setProducerRate"),
      producerId: id,
      recordsPerSec: z.number().min(0).max(100_000),
    })
    .strict(),
  z.object({ type: z.literal("pauseProducer"), producerId: id }).strict(),
  z.object({ type: z.literal("resumeProducer"), producerId: id }).strict(),
  z.object({ type: z.literal("stopBroker"), brokerId: z.number().int().min(1) }).strict(),
  z.object({ type: z.literal("startBroker"), brokerId: z.number().int().min(1) }).strict(),
  z
    .object({
      type: z.literal("setProcessingTime"),
      consumerId: id,
      processingTimeMs: z.number().min(0).max(60_000),
    })
    .strict(),
  z
    .object({
      type: z.literal("seekConsumer"),
      consumerId: id,
      topic: z.string().min(1),
      partition: z.number().int().min(0),
      offset: z.number().int().min(0),
    })
    .strict(),
  z
    .object({
      type: z.literal("restartProducer"),
      producerId: id,
      /** The new client config (Kafka names); validated as Kafka validates it when applied. */
      config: z.record(z.string(), z.unknown()),
    })
    .strict(),
  z
    .object({
      type: z.literal("addPartitions"),
      topic: z.string().min(1),
      /** The new total, as `kafka-topics --alter --partitions N`; Kafka only allows increasing it. */
      count: z.number().int().min(1).max(COMMAND_PARTITIONS_PER_TOPIC_MAX),
    })
    .strict(),
  z
    .object({
      type: z.literal("alterTopicConfig"),
      topic: z.string().min(1),
      /** Topic config names to new values; null reverts one to its default (--delete-config). */
      config: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    })
    .strict(),
  /** A new KafkaProducer: it fetches metadata, then produces as its spec says. */
  z.object({ type: z.literal("addProducer"), producer: producerSpecSchema }).strict(),
  /** KafkaProducer.close(): sends what it has queued, waits for the responses, then is gone. */
  z.object({ type: z.literal("closeProducer"), producerId: id }).strict(),
  /** `kafka-consumer-groups --delete --group`: only an Empty group can be deleted (its offsets go too). */
  z.object({ type: z.literal("deleteGroup"), groupId: z.string().min(1).max(249) }).strict(),
  ...GROUP_COMMAND_SCHEMAS,
]);

export type Command = z.infer<typeof commandSchema>;
/** A command as written (defaults not filled in yet): what files, links and tests hand to the schema. */
export type CommandInput = z.input<typeof commandSchema>;
