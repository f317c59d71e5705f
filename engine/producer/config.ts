// Producer configuration with Kafka 4.x names, defaults and validation. Values are parsed as
// Kafka's ConfigDef parses them (a number or its string form for INT/LONG, true/false for BOOLEAN)
// and rejected with the text of the ConfigException the Java client throws, so a scenario that
// Kafka would refuse is refused here with the same words. Cross-field rules follow
// ProducerConfig.postProcessAndValidateIdempotenceConfigs and KafkaProducer.configureDeliveryTimeout.
// A librdkafka producer's config is librdkafka's own (./librdkafka-config.ts).
import {
  COMPRESSION_TYPES,
  type ConfigValue,
  type ProducerClient,
  type ProducerConfig,
  type ProducerConfigIssue,
  type ProducerConfigKey,
} from "./config-types";
import {
  applyLibrdkafkaConfig,
  LIBRDKAFKA_PRODUCER_DEFAULTS,
  LIBRDKAFKA_PRODUCER_PROPERTIES,
} from "./librdkafka-config";
import { LIBRDKAFKA_PARTITIONER_NAMES } from "./partitioner/key-partitioning";
import { JAVA_ROUND_ROBIN_PARTITIONER } from "./partitioner/names";

export type {
  CompressionType,
  ConfigValue,
  ProducerClient,
  ProducerConfig,
  ProducerConfigIssue,
  ProducerConfigKey,
} from "./config-types";
export { COMPRESSION_TYPES, PRODUCER_CLIENTS } from "./config-types";

interface ConfigDefinition {
  readonly type: "INT" | "LONG" | "BOOLEAN" | "STRING" | "CLASS";
  readonly javaDefault: ConfigValue;
  readonly min?: number;
  readonly max?: number;
  readonly validStrings?: readonly string[];
  /** Which clients have this property; the others reject it. */
  readonly clients: readonly ProducerClient[];
}

const BOTH: readonly ProducerClient[] = ["java", "librdkafka"];
const JAVA: readonly ProducerClient[] = ["java"];
const LIBRDKAFKA: readonly ProducerClient[] = ["librdkafka"];
const INT32_MAX = 2147483647;

/** In ConfigDef order, which is the order Kafka reports the first bad value in. */
export const PRODUCER_CONFIG_DEFINITIONS: Readonly<Record<ProducerConfigKey, ConfigDefinition>> = {
  "buffer.memory": { type: "LONG", javaDefault: 33_554_432, min: 0, clients: JAVA },
  retries: { type: "INT", javaDefault: INT32_MAX, min: 0, max: INT32_MAX, clients: BOTH },
  acks: { type: "STRING", javaDefault: "all", validStrings: ["all", "-1", "0", "1"], clients: BOTH },
  "compression.type": { type: "STRING", javaDefault: "none", validStrings: COMPRESSION_TYPES, clients: BOTH },
  "batch.size": { type: "INT", javaDefault: 16_384, min: 0, clients: BOTH },
  "partitioner.adaptive.partitioning.enable": { type: "BOOLEAN", javaDefault: true, clients: JAVA },
  "partitioner.availability.timeout.ms": { type: "LONG", javaDefault: 0, min: 0, clients: JAVA },
  "partitioner.ignore.keys": { type: "BOOLEAN", javaDefault: false, clients: JAVA },
  "linger.ms": { type: "LONG", javaDefault: 5, min: 0, clients: BOTH },
  "delivery.timeout.ms": { type: "INT", javaDefault: 120_000, min: 0, clients: BOTH },
  "max.request.size": { type: "INT", javaDefault: 1_048_576, min: 0, clients: BOTH },
  "retry.backoff.ms": { type: "LONG", javaDefault: 100, min: 0, clients: BOTH },
  "retry.backoff.max.ms": { type: "LONG", javaDefault: 1000, min: 0, clients: BOTH },
  "request.timeout.ms": { type: "INT", javaDefault: 30_000, min: 0, clients: BOTH },
  "max.in.flight.requests.per.connection": { type: "INT", javaDefault: 5, min: 1, clients: BOTH },
  "partitioner.class": { type: "CLASS", javaDefault: null, clients: JAVA },
  "enable.idempotence": { type: "BOOLEAN", javaDefault: true, clients: BOTH },
  partitioner: {
    type: "STRING",
    javaDefault: "consistent_random",
    validStrings: LIBRDKAFKA_PARTITIONER_NAMES,
    clients: LIBRDKAFKA,
  },
  "sticky.partitioning.linger.ms": {
    type: "INT",
    javaDefault: 10,
    min: 0,
    max: 900_000,
    clients: LIBRDKAFKA,
  },
  // librdkafka only: validated by ./librdkafka-config.ts; listed so every key has a definition.
  "batch.num.messages": { type: "INT", javaDefault: 10_000, clients: LIBRDKAFKA },
  "queue.buffering.max.messages": { type: "INT", javaDefault: 100_000, clients: LIBRDKAFKA },
  "queue.buffering.max.kbytes": { type: "INT", javaDefault: 1_048_576, clients: LIBRDKAFKA },
};

export const PRODUCER_CONFIG_KEYS = Object.keys(PRODUCER_CONFIG_DEFINITIONS) as ProducerConfigKey[];

/** The Java classes partitioner.class can name in a 4.x client (DefaultPartitioner and UniformStickyPartitioner are gone). */
const KNOWN_PARTITIONER_CLASSES: readonly string[] = [JAVA_ROUND_ROBIN_PARTITIONER];

export type ProducerConfigResult =
  | {
      readonly ok: true;
      readonly config: ProducerConfig;
      /** Properties the user set; the rest are defaults (or were adjusted, see `notes`). */
      readonly explicit: readonly ProducerConfigKey[];
      /** What Kafka would log at INFO/WARN while resolving (silently disabled idempotence, raised delivery.timeout.ms). */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly issues: readonly ProducerConfigIssue[] };

export function defaultProducerConfig(client: ProducerClient = "java"): ProducerConfig {
  const config = {} as Record<ProducerConfigKey, ConfigValue>;
  for (const key of PRODUCER_CONFIG_KEYS) config[key] = PRODUCER_CONFIG_DEFINITIONS[key].javaDefault;
  if (client === "librdkafka") Object.assign(config, LIBRDKAFKA_PRODUCER_DEFAULTS);
  return config as unknown as ProducerConfig;
}

/** Java's `ConfigException(name, value, message)` text. */
export function invalidValue(key: string, value: unknown, reason: string): string {
  return `Invalid value ${value === null ? "null" : String(value)} for configuration ${key}: ${reason}`;
}

type Parsed = { ok: true; value: ConfigValue } | { ok: false; message: string };

function parseInteger(key: string, raw: unknown, def: ConfigDefinition): Parsed {
  const bits = def.type === "INT" ? 32 : 64;
  let value: number;
  if (typeof raw === "number") {
    if (!Number.isInteger(raw)) {
      return {
        ok: false,
        message: invalidValue(
          key,
          raw,
          `Expected value to be a ${bits}-bit integer, but it was a java.lang.Double`,
        ),
      };
    }
    value = raw;
  } else if (typeof raw === "string" && /^\s*[+-]?\d+\s*$/.test(raw)) {
    value = Number(raw.trim());
  } else if (typeof raw === "string") {
    return { ok: false, message: invalidValue(key, raw, `Not a number of type ${def.type}`) };
  } else {
    return {
      ok: false,
      message: invalidValue(
        key,
        raw,
        `Expected value to be a ${bits}-bit integer, but it was a java.lang.Boolean`,
      ),
    };
  }
  const limit = def.type === "INT" ? INT32_MAX : Number.MAX_SAFE_INTEGER;
  if (value > limit || value < -limit - 1) {
    return { ok: false, message: invalidValue(key, raw, `Not a number of type ${def.type}`) };
  }
  if (def.min !== undefined && value < def.min) {
    return { ok: false, message: invalidValue(key, value, `Value must be at least ${def.min}`) };
  }
  if (def.max !== undefined && value > def.max) {
    return { ok: false, message: invalidValue(key, value, `Value must be no more than ${def.max}`) };
  }
  return { ok: true, value };
}

function parseValue(key: ProducerConfigKey, raw: unknown, def: ConfigDefinition): Parsed {
  if (raw === null) {
    if (def.type === "CLASS") return { ok: true, value: null };
    return { ok: false, message: invalidValue(key, null, "Value must be non-null") };
  }
  switch (def.type) {
    case "INT":
    case "LONG":
      return parseInteger(key, raw, def);
    case "BOOLEAN": {
      if (typeof raw === "boolean") return { ok: true, value: raw };
      const text = String(raw).trim().toLowerCase();
      if (text === "true" || text === "false") return { ok: true, value: text === "true" };
      return { ok: false, message: invalidValue(key, raw, "Expected value to be either true or false") };
    }
    case "STRING": {
      // A JSON number is accepted as its string form, as a .properties file would carry it.
      const text = typeof raw === "string" ? raw.trim() : String(raw);
      if (def.validStrings && !def.validStrings.includes(text)) {
        return {
          ok: false,
          message: invalidValue(key, text, `String must be one of: ${def.validStrings.join(", ")}`),
        };
      }
      return { ok: true, value: text };
    }
    case "CLASS": {
      const text = String(raw).trim();
      if (!KNOWN_PARTITIONER_CLASSES.includes(text)) {
        return { ok: false, message: invalidValue(key, text, `Class ${text} could not be found.`) };
      }
      return { ok: true, value: text };
    }
    default: {
      const unreachable: never = def.type;
      throw new Error(`unknown config type ${String(unreachable)}`);
    }
  }
}

function notForJava(key: string): string {
  if (key === "partitioner" || key === "sticky.partitioning.linger.ms") {
    return `${key} is a librdkafka property; the Java client uses partitioner.class (set "client": "librdkafka" to use it)`;
  }
  return `${key} is not a producer config this simulator models`;
}

/**
 * Validates a producer `config` object as the chosen client would, and resolves every property
 * (explicit or default). Callable on its own so an editor can check a config before applying it.
 */
export function validateProducerConfig(raw: unknown, client: ProducerClient = "java"): ProducerConfigResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [{ key: null, message: "config must be an object of Kafka property names to values" }],
    };
  }
  const given = raw as Record<string, unknown>;
  if (client === "librdkafka") {
    const config = defaultProducerConfig("librdkafka");
    const { issues, explicit, notes } = applyLibrdkafkaConfig(config, given);
    return issues.length > 0 ? { ok: false, issues } : { ok: true, config, explicit, notes };
  }
  const config = defaultProducerConfig("java") as unknown as Record<ProducerConfigKey, ConfigValue>;
  const issues: ProducerConfigIssue[] = [];
  const explicit: ProducerConfigKey[] = [];
  for (const key of Object.keys(given)) {
    const def = (PRODUCER_CONFIG_DEFINITIONS as Record<string, ConfigDefinition | undefined>)[key];
    if (!def?.clients.includes("java")) issues.push({ key, message: notForJava(key) });
  }
  for (const key of PRODUCER_CONFIG_KEYS) {
    const def = PRODUCER_CONFIG_DEFINITIONS[key];
    if (!(key in given) || !def.clients.includes("java")) continue;
    const parsed = parseValue(key, given[key], def);
    if (!parsed.ok) issues.push({ key, message: parsed.message });
    else {
      config[key] = parsed.value;
      explicit.push(key);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const resolved = config as unknown as ProducerConfig;
  const notes: string[] = [];
  const crossIssues = [
    ...resolveIdempotence(resolved, explicit, notes),
    ...resolveDeliveryTimeout(resolved, explicit, notes),
  ];
  if (crossIssues.length > 0) return { ok: false, issues: crossIssues };
  return { ok: true, config: resolved, explicit, notes };
}

/**
 * `postProcessAndValidateIdempotenceConfigs`: idempotence needs retries > 0, acks=all and at most
 * 5 in flight. Set explicitly, a conflict is an error; on only by default, it is silently turned off.
 * The in-flight limit is an error either way.
 */
function resolveIdempotence(
  config: ProducerConfig,
  explicit: readonly ProducerConfigKey[],
  notes: string[],
): ProducerConfigIssue[] {
  if (!config["enable.idempotence"]) return [];
  const userSet = explicit.includes("enable.idempotence");
  const key = "enable.idempotence";
  let disable = false;
  if (config.retries === 0) {
    if (userSet)
      return [{ key, message: "Must set retries to non-zero when using the idempotent producer." }];
    notes.push("Idempotence will be disabled because retries is set to 0.");
    disable = true;
  }
  const acks = config.acks === "all" ? "-1" : config.acks;
  if (acks !== "-1") {
    if (userSet) {
      return [
        {
          key,
          message:
            "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.",
        },
      ];
    }
    notes.push(`Idempotence will be disabled because acks is set to ${acks}, not set to 'all'.`);
    disable = true;
  }
  const inFlight = config["max.in.flight.requests.per.connection"];
  if (inFlight > 5) {
    return [
      {
        key: "max.in.flight.requests.per.connection",
        message: `To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is ${inFlight}.`,
      },
    ];
  }
  if (disable) config["enable.idempotence"] = false;
  return [];
}

/** `configureDeliveryTimeout`: delivery.timeout.ms must cover linger.ms + request.timeout.ms. */
function resolveDeliveryTimeout(
  config: ProducerConfig,
  explicit: readonly ProducerConfigKey[],
  notes: string[],
): ProducerConfigIssue[] {
  const lingerAndRequestTimeoutMs = Math.min(config["linger.ms"] + config["request.timeout.ms"], INT32_MAX);
  if (config["delivery.timeout.ms"] >= lingerAndRequestTimeoutMs) return [];
  if (explicit.includes("delivery.timeout.ms")) {
    return [
      {
        key: "delivery.timeout.ms",
        message: "delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms",
      },
    ];
  }
  notes.push(
    `delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms. Setting it to ${lingerAndRequestTimeoutMs}.`,
  );
  config["delivery.timeout.ms"] = lingerAndRequestTimeoutMs;
  return [];
}

/** The acks value on the wire: "all" is -1. */
export function acksOf(config: ProducerConfig): -1 | 0 | 1 {
  return config.acks === "all" || config.acks === "-1" ? -1 : config.acks === "0" ? 0 : 1;
}

/** The keys a client has, in its documentation's order (for views and editors). */
export function producerConfigKeysFor(client: ProducerClient): ProducerConfigKey[] {
  if (client === "librdkafka") return LIBRDKAFKA_PRODUCER_PROPERTIES.map((p) => p.key);
  return PRODUCER_CONFIG_KEYS.filter((key) => PRODUCER_CONFIG_DEFINITIONS[key].clients.includes(client));
}
