// A librdkafka producer's configuration as rd_kafka_conf_set and rd_kafka_conf_finalize take it
// (librdkafka CONFIGURATION.md, src/rdkafka_conf.c): librdkafka's own property names with their
// aliases (linger.ms is queue.buffering.max.ms, delivery.timeout.ms is message.timeout.ms, …), its
// defaults and ranges, its error texts ("No such configuration property", "… is outside allowed
// range …") and its own cross-checks (idempotence adjusts what the user left unset;
// message.timeout.ms must exceed linger.ms). Java-only properties such as buffer.memory are
// unknown to it. Values land on the engine's internal keys (ProducerConfig).
import type { ProducerConfig, ProducerConfigIssue, ProducerConfigKey } from "./config-types";
import { LIBRDKAFKA_PARTITIONER_NAMES } from "./partitioner/key-partitioning";

const INT32_MAX = 2147483647;
const IDEMPOTENCE_MAX_IN_FLIGHT = 5;

type PropertyType = "INT" | "DBL" | "BOOL" | "ENUM" | "STR";

interface LibrdkafkaProperty {
  /** The property as librdkafka names it in errors and configuration dumps. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly key: ProducerConfigKey;
  readonly type: PropertyType;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
}

/** The producer properties the simulator models, in CONFIGURATION.md order. */
export const LIBRDKAFKA_PRODUCER_PROPERTIES: readonly LibrdkafkaProperty[] = [
  {
    name: "message.max.bytes",
    aliases: [],
    key: "max.request.size",
    type: "INT",
    min: 1000,
    max: 1_000_000_000,
  },
  {
    name: "max.in.flight.requests.per.connection",
    aliases: ["max.in.flight"],
    key: "max.in.flight.requests.per.connection",
    type: "INT",
    min: 1,
    max: 1_000_000,
  },
  { name: "enable.idempotence", aliases: [], key: "enable.idempotence", type: "BOOL" },
  {
    name: "queue.buffering.max.messages",
    aliases: [],
    key: "queue.buffering.max.messages",
    type: "INT",
    min: 0,
    max: INT32_MAX,
  },
  {
    name: "queue.buffering.max.kbytes",
    aliases: [],
    key: "queue.buffering.max.kbytes",
    type: "INT",
    min: 1,
    max: INT32_MAX,
  },
  {
    name: "queue.buffering.max.ms",
    aliases: ["linger.ms"],
    key: "linger.ms",
    type: "DBL",
    min: 0,
    max: 900_000,
  },
  {
    name: "message.send.max.retries",
    aliases: ["retries"],
    key: "retries",
    type: "INT",
    min: 0,
    max: INT32_MAX,
  },
  { name: "retry.backoff.ms", aliases: [], key: "retry.backoff.ms", type: "INT", min: 1, max: 300_000 },
  {
    name: "retry.backoff.max.ms",
    aliases: [],
    key: "retry.backoff.max.ms",
    type: "INT",
    min: 1,
    max: 300_000,
  },
  {
    name: "compression.codec",
    aliases: ["compression.type"],
    key: "compression.type",
    type: "ENUM",
    values: ["none", "gzip", "snappy", "lz4", "zstd"],
  },
  { name: "batch.num.messages", aliases: [], key: "batch.num.messages", type: "INT", min: 1, max: 1_000_000 },
  { name: "batch.size", aliases: [], key: "batch.size", type: "INT", min: 1, max: INT32_MAX },
  {
    name: "sticky.partitioning.linger.ms",
    aliases: [],
    key: "sticky.partitioning.linger.ms",
    type: "INT",
    min: 0,
    max: 900_000,
  },
  // -1 .. 1000 in librdkafka; acks above 1 are refused below (brokers answer INVALID_REQUIRED_ACKS).
  { name: "request.required.acks", aliases: ["acks"], key: "acks", type: "INT", min: -1, max: 1000 },
  { name: "request.timeout.ms", aliases: [], key: "request.timeout.ms", type: "INT", min: 1, max: 900_000 },
  {
    name: "message.timeout.ms",
    aliases: ["delivery.timeout.ms"],
    key: "delivery.timeout.ms",
    type: "INT",
    min: 0,
    max: INT32_MAX,
  },
  { name: "partitioner", aliases: [], key: "partitioner", type: "STR", values: LIBRDKAFKA_PARTITIONER_NAMES },
];

/** librdkafka's defaults, on the internal keys (CONFIGURATION.md). */
export const LIBRDKAFKA_PRODUCER_DEFAULTS: Readonly<
  Partial<Record<ProducerConfigKey, ProducerConfig[ProducerConfigKey]>>
> = {
  "max.request.size": 1_000_000,
  "max.in.flight.requests.per.connection": 1_000_000,
  "enable.idempotence": false,
  "queue.buffering.max.messages": 100_000,
  "queue.buffering.max.kbytes": 1_048_576,
  "linger.ms": 5,
  retries: INT32_MAX,
  "retry.backoff.ms": 100,
  "retry.backoff.max.ms": 1000,
  "compression.type": "none",
  "batch.num.messages": 10_000,
  "batch.size": 1_000_000,
  "sticky.partitioning.linger.ms": 10,
  acks: "all",
  "request.timeout.ms": 30_000,
  "delivery.timeout.ms": 300_000,
  partitioner: "consistent_random",
};

const BY_NAME = new Map<string, LibrdkafkaProperty>();
for (const property of LIBRDKAFKA_PRODUCER_PROPERTIES) {
  BY_NAME.set(property.name, property);
  for (const alias of property.aliases) BY_NAME.set(alias, property);
}

/** The property a name (or alias) sets, as rd_kafka_conf_prop_find resolves it. */
export function librdkafkaPropertyOf(name: string): LibrdkafkaProperty | undefined {
  return BY_NAME.get(name);
}

type Parsed = { ok: true; value: number | boolean | string } | { ok: false; message: string };

function outOfRange(property: LibrdkafkaProperty, value: number): string {
  return `Configuration property "${property.name}" value ${value} is outside allowed range ${property.min}..${property.max}`;
}

function parseNumber(property: LibrdkafkaProperty, raw: unknown): Parsed {
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  const pattern = property.type === "INT" ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  if (property.key === "acks" && text === "all") return { ok: true, value: -1 };
  if (!pattern.test(text))
    return { ok: false, message: `Invalid value for configuration property "${property.name}"` };
  const value = Number(text);
  if (value < property.min! || value > property.max!)
    return { ok: false, message: outOfRange(property, value) };
  return { ok: true, value };
}

/** rd_kafka_anyconf_set_prop: one property's value as librdkafka parses it. */
function parseProperty(property: LibrdkafkaProperty, raw: unknown): Parsed {
  switch (property.type) {
    case "INT":
    case "DBL":
      return parseNumber(property, raw);
    case "BOOL": {
      const text = String(raw).trim().toLowerCase();
      if (["true", "t", "1"].includes(text)) return { ok: true, value: true };
      if (["false", "f", "0"].includes(text)) return { ok: true, value: false };
      return { ok: false, message: `Expected bool value for "${property.name}": true or false` };
    }
    case "ENUM":
    case "STR": {
      const text = String(raw).trim();
      if (property.values!.includes(text)) return { ok: true, value: text };
      return { ok: false, message: `Invalid value for configuration property "${property.name}": ${text}` };
    }
    default: {
      const unreachable: never = property.type;
      throw new Error(`unknown librdkafka property type ${String(unreachable)}`);
    }
  }
}

/** The engine keeps acks as Java's strings; librdkafka's -1 is "all". */
function internalValue(
  property: LibrdkafkaProperty,
  value: number | boolean | string,
): ProducerConfig[ProducerConfigKey] {
  if (property.key !== "acks") return value;
  return value === -1 ? "all" : (String(value) as ProducerConfig["acks"]);
}

export interface LibrdkafkaConfigResult {
  readonly issues: ProducerConfigIssue[];
  readonly explicit: ProducerConfigKey[];
  readonly notes: string[];
}

/** Sets every given property on `config` (librdkafka's defaults already in it), then finalizes. */
export function applyLibrdkafkaConfig(
  config: ProducerConfig,
  given: Record<string, unknown>,
): LibrdkafkaConfigResult {
  const issues: ProducerConfigIssue[] = [];
  const explicit: ProducerConfigKey[] = [];
  const target = config as unknown as Record<ProducerConfigKey, ProducerConfig[ProducerConfigKey]>;
  for (const [name, raw] of Object.entries(given)) {
    const property = librdkafkaPropertyOf(name);
    if (!property) {
      issues.push({ key: name, message: `No such configuration property: "${name}"` });
      continue;
    }
    const parsed = parseProperty(property, raw);
    if (!parsed.ok) issues.push({ key: name, message: parsed.message });
    else if (property.key === "acks" && (parsed.value as number) > 1)
      issues.push({ key: name, message: acksAboveOne(parsed.value as number) });
    else {
      target[property.key] = internalValue(property, parsed.value);
      if (!explicit.includes(property.key)) explicit.push(property.key);
    }
  }
  if (issues.length > 0) return { issues, explicit, notes: [] };
  const notes: string[] = [];
  const finalIssues = finalizeLibrdkafkaConfig(config, explicit, notes);
  return { issues: finalIssues, explicit, notes };
}

function acksAboveOne(acks: number): string {
  return `request.required.acks=${acks} is accepted by librdkafka, but brokers refuse every such request (INVALID_REQUIRED_ACKS); the simulator models -1 (all), 0 and 1`;
}

/**
 * rd_kafka_conf_finalize / rd_kafka_topic_conf_finalize for a producer: idempotence caps
 * max.in.flight at 5, sets retries and acks=all where the user left them unset and refuses
 * conflicting explicit values; message.timeout.ms (unless 0, infinite) must exceed linger.ms, or
 * linger.ms is lowered when the user did not set it; sticky.partitioning.linger.ms defaults to
 * twice linger.ms (at most 900000).
 */
function finalizeLibrdkafkaConfig(
  config: ProducerConfig,
  explicit: readonly ProducerConfigKey[],
  notes: string[],
): ProducerConfigIssue[] {
  const set = (key: ProducerConfigKey) => explicit.includes(key);
  if (config["enable.idempotence"]) {
    const inFlight = config["max.in.flight.requests.per.connection"];
    if (set("max.in.flight.requests.per.connection") && inFlight > IDEMPOTENCE_MAX_IN_FLIGHT)
      return [
        issue(
          "max.in.flight.requests.per.connection",
          "`max.in.flight` must be set <= 5 when `enable.idempotence` is true",
        ),
      ];
    config["max.in.flight.requests.per.connection"] = Math.min(inFlight, IDEMPOTENCE_MAX_IN_FLIGHT);
    if (set("retries") && config.retries < 1)
      return [issue("retries", "`retries` must be set >= 1 when `enable.idempotence` is true")];
    if (!set("retries")) config.retries = INT32_MAX;
    if (set("acks") && config.acks !== "all")
      return [issue("acks", "`acks` must be set to `all` when `enable.idempotence` is true")];
    config.acks = "all";
  }
  const timeoutMs = config["delivery.timeout.ms"];
  if (timeoutMs !== 0 && timeoutMs <= config["linger.ms"]) {
    if (set("linger.ms"))
      return [issue("delivery.timeout.ms", "`message.timeout.ms` must be greater than `linger.ms`")];
    config["linger.ms"] = timeoutMs - 0.1;
    notes.push(`linger.ms lowered to ${config["linger.ms"]} to stay below message.timeout.ms.`);
  }
  if (!set("sticky.partitioning.linger.ms"))
    config["sticky.partitioning.linger.ms"] = Math.trunc(Math.min(900_000, 2 * config["linger.ms"]));
  return [];
}

function issue(key: ProducerConfigKey, message: string): ProducerConfigIssue {
  return { key, message };
}

/** librdkafka's name for an internal key, and the alias most users write. */
export function librdkafkaNamesOf(key: ProducerConfigKey): { name: string; alias: string | null } | null {
  const property = LIBRDKAFKA_PRODUCER_PROPERTIES.find((p) => p.key === key);
  return property ? { name: property.name, alias: property.aliases[0] ?? null } : null;
}
