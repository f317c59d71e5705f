// Topic configs that shape a partition's log: segment rolling and delete retention, with Kafka 4.x
// names, defaults and LogConfig validation messages (segment.bytes has a 1 MiB minimum since
// KIP-1030 in 4.0). Broker-wide settings that have no per-topic override live here as constants.
import { invalidValue } from "../producer/config";

export interface TopicConfig {
  /** Delete a segment once its newest record is older than this; -1 keeps data forever. */
  "retention.ms": number;
  /** Delete oldest segments while the partition is larger than this; -1 means unlimited. */
  "retention.bytes": number;
  /** Roll a new segment when an append would make the active one larger than this. */
  "segment.bytes": number;
  /** Roll a new segment when the active one's first record is older than this. */
  "segment.ms": number;
}

export type TopicConfigKey = keyof TopicConfig;

export const TOPIC_CONFIG_DEFAULTS: Readonly<TopicConfig> = {
  "retention.ms": 604_800_000,
  "retention.bytes": -1,
  "segment.bytes": 1_073_741_824,
  "segment.ms": 604_800_000,
};

/** `log.retention.check.interval.ms`: how often the broker's log manager runs retention. */
export const LOG_RETENTION_CHECK_INTERVAL_MS = 300_000;

const DEFINITIONS: Readonly<Record<TopicConfigKey, { type: "INT" | "LONG"; min: number | null }>> = {
  "retention.ms": { type: "LONG", min: -1 },
  "retention.bytes": { type: "LONG", min: null },
  "segment.bytes": { type: "INT", min: 1_048_576 },
  "segment.ms": { type: "LONG", min: 1 },
};

export type TopicConfigResult =
  | { ok: true; config: TopicConfig; explicit: TopicConfigKey[] }
  | { ok: false; issues: { key: string | null; message: string }[] };

function parseOne(key: TopicConfigKey, raw: unknown): number | string {
  const def = DEFINITIONS[key];
  const bits = def.type === "INT" ? 32 : 64;
  let value: number;
  if (typeof raw === "number" && Number.isInteger(raw)) value = raw;
  else if (typeof raw === "string" && /^\s*[+-]?\d+\s*$/.test(raw)) value = Number(raw.trim());
  else if (typeof raw === "string") return invalidValue(key, raw, `Not a number of type ${def.type}`);
  else
    return invalidValue(key, raw, `Expected value to be a ${bits}-bit integer, but it was a ${typeof raw}`);
  if (def.type === "INT" && (value > 2147483647 || value < -2147483648)) {
    return invalidValue(key, raw, "Not a number of type INT");
  }
  if (def.min !== null && value < def.min)
    return invalidValue(key, value, `Value must be at least ${def.min}`);
  return value;
}

/** Validates a topic's `config` object; unknown keys are rejected (only these four are modelled). */
export function validateTopicConfig(raw: unknown): TopicConfigResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [{ key: null, message: "config must be an object of topic config names to values" }],
    };
  }
  const config: TopicConfig = { ...TOPIC_CONFIG_DEFAULTS };
  const explicit: TopicConfigKey[] = [];
  const issues: { key: string | null; message: string }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in DEFINITIONS)) {
      issues.push({ key, message: `${key} is not a topic config this simulator models` });
      continue;
    }
    const parsed = parseOne(key as TopicConfigKey, value);
    if (typeof parsed === "string") issues.push({ key, message: parsed });
    else {
      config[key as TopicConfigKey] = parsed;
      explicit.push(key as TopicConfigKey);
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, config, explicit };
}
