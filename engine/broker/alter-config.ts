// `kafka-configs --alter --entity-type topics --entity-name t --add-config k=v` (and
// `--delete-config k`, written as null): topic configs change on a live topic, as in Kafka. Each
// value is validated as LogConfig validates it; the new values apply to every partition of the
// topic at once: segment.bytes and segment.ms on the next append, retention.ms and retention.bytes
// at the next retention check (log.retention.check.interval.ms), as the broker's log manager does.
import type { SimContext } from "../context";
import { CommandError } from "../core/errors";
import type { SimState } from "../state";
import {
  TOPIC_CONFIG_DEFAULTS,
  type TopicConfig,
  type TopicConfigKey,
  validateTopicConfig,
} from "./topic-config";

type Changes = Readonly<Record<string, string | number | null>>;

function logsOf(state: SimState, topic: string) {
  return [...state.partitions.values()].filter((log) => log.topic === topic);
}

/** The topic's config after the changes; throws Kafka's message for a bad name or value. */
function alteredConfig(state: SimState, topic: string, changes: Changes): TopicConfig {
  const logs = logsOf(state, topic);
  if (logs.length === 0) throw new CommandError(`alterTopicConfig: unknown topic "${topic}"`);
  const keys = Object.keys(changes);
  if (keys.length === 0) throw new CommandError("alterTopicConfig: no config to change");
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== null));
  const checked = validateTopicConfig(set);
  if (!checked.ok) {
    throw new CommandError(
      checked.issues.map((i) => (i.key ? `${i.key}: ${i.message}` : i.message)).join("; "),
    );
  }
  const next: TopicConfig = { ...logs[0]!.config };
  for (const key of keys) {
    if (!(key in TOPIC_CONFIG_DEFAULTS))
      throw new CommandError(`${key} is not a topic config this simulator models`);
    const k = key as TopicConfigKey;
    next[k] = changes[key] === null ? TOPIC_CONFIG_DEFAULTS[k] : checked.config[k];
  }
  return next;
}

export function validateAlterTopicConfig(state: SimState, topic: string, changes: Changes): void {
  alteredConfig(state, topic, changes);
}

export function alterTopicConfig(ctx: SimContext, topic: string, changes: Changes): void {
  const config = alteredConfig(ctx.state, topic, changes);
  for (const log of logsOf(ctx.state, topic)) log.config = { ...config };
  ctx.emit({
    type: "topicConfigAltered",
    topic,
    changes: Object.keys(changes).map((key) => ({ key, value: config[key as TopicConfigKey] })),
  });
}
