// Producer specs as scenarios and the addProducer command write them: which topic, which client
// library (its partitioners and defaults), the workload (rate, value size, keys) and the Kafka
// configs, validated as the client validates them (ConfigException texts).
import { z } from "zod";
import { addConfigIssues, clientId, configObject, topicName } from "../scenario/fields";
import { PRODUCER_CLIENTS, validateProducerConfig } from "./config";

export const PRODUCER_RECORDS_PER_SEC_MAX = 100_000;

const keyDistribution = z.discriminatedUnion("kind", [
  /** Every record has a null key. */
  z.object({ kind: z.literal("none") }).strict(),
  /** The listed keys, cycling in order. */
  z.object({ kind: z.literal("fixed"), keys: z.array(z.string().max(256)).min(1).max(1000) }).strict(),
  /** key-0 … key-{count-1}, drawn uniformly from the seeded workload stream. */
  z.object({ kind: z.literal("uniform"), count: z.number().int().min(1).max(1_000_000) }).strict(),
  /** `hotKey` for a `hotShare` of records, the rest uniform over key-0 … key-{count-1}. */
  z
    .object({
      kind: z.literal("skewed"),
      count: z.number().int().min(1).max(1_000_000),
      hotKey: z.string().max(256).default("hot"),
      hotShare: z.number().min(0).max(1).default(0.5),
    })
    .strict(),
  /** `${prefix}0`, `${prefix}1`, …: a new key per record. */
  z.object({ kind: z.literal("sequential"), prefix: z.string().max(64).default("id-") }).strict(),
]);

export const producerSpecSchema = z
  .object({
    id: clientId,
    topic: topicName,
    /** Which client library's partitioners and defaults to model. */
    client: z.enum(PRODUCER_CLIENTS as ["java", "librdkafka"]).default("java"),
    recordsPerSec: z.number().min(0).max(PRODUCER_RECORDS_PER_SEC_MAX),
    valueBytes: z.number().int().min(0).max(1_048_576).default(100),
    keys: keyDistribution.default({ kind: "none" }),
    /** Send every record to this partition (ProducerRecord with an explicit partition). */
    partition: z.number().int().min(0).optional(),
    config: configObject.default({}),
  })
  .strict()
  .superRefine((producer, ctx) =>
    addConfigIssues(ctx, validateProducerConfig(producer.config, producer.client)),
  );

export type ProducerSpec = z.output<typeof producerSpecSchema>;

/** A producer's spec: from the scenario, or from the addProducer command that created it. */
export function producerSpecOf(
  state: {
    readonly scenario: { readonly producers: readonly ProducerSpec[] };
    readonly addedProducers: readonly ProducerSpec[];
  },
  producerId: string,
): ProducerSpec | undefined {
  return (
    state.scenario.producers.find((p) => p.id === producerId) ??
    state.addedProducers.find((p) => p.id === producerId)
  );
}
