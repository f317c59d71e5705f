// A topic's configs, editable on the live topic as `kafka-configs --alter` allows: each value is
// validated as Kafka's LogConfig validates it (a refusal shows Kafka's message and changes
// nothing); an emptied field reverts to the default (--delete-config).
import { runCommand } from "../state/actions";
import { ConfigFormFooter, useConfigEdits } from "./config-edits";

/** Kafka's topic config defaults (log.retention.hours=168, log.segment.bytes=1 GiB, …). */
export const TOPIC_DEFAULTS: Record<string, number> = {
  "retention.ms": 604_800_000,
  "retention.bytes": -1,
  "segment.bytes": 1_073_741_824,
  "segment.ms": 604_800_000,
};

/** "7 days" for 604,800,000 ms, "1 GiB" for 1,073,741,824 bytes: what an instructor reads out. */
function readable(name: string, value: number): string {
  if (value < 0) return " (no limit)";
  if (name.endsWith(".ms")) {
    const units: [number, string][] = [
      [86_400_000, "day"],
      [3_600_000, "hour"],
      [60_000, "minute"],
      [1000, "second"],
    ];
    const unit = units.find(([ms]) => value >= ms && value % ms === 0);
    return unit ? ` (${value / unit[0]} ${unit[1]}${value / unit[0] === 1 ? "" : "s"})` : "";
  }
  if (name.endsWith(".bytes")) {
    const units: [number, string][] = [
      [1_073_741_824, "GiB"],
      [1_048_576, "MiB"],
      [1024, "KiB"],
    ];
    const unit = units.find(([b]) => value >= b && value % b === 0);
    return unit ? ` (${value / unit[0]} ${unit[1]})` : "";
  }
  return "";
}

export function TopicConfigForm({ topic, config }: { topic: string; config: Record<string, number> }) {
  const edits = useConfigEdits(
    (name) => String(config[name]),
    (changed) =>
      runCommand({
        type: "alterTopicConfig",
        topic,
        config: Object.fromEntries(
          changed.map(([name, text]) => [name, text.trim() === "" ? null : text.trim()]),
        ),
      }),
  );
  return (
    <form className="config-form" onSubmit={edits.onSubmit}>
      {Object.entries(config).map(([name, value]) => (
        <label key={name} className={TOPIC_DEFAULTS[name] === value ? "config-row" : "config-row explicit"}>
          <span className="config-name">
            {name}
            <span className="config-hint">
              {readable(name, value)}
              {TOPIC_DEFAULTS[name] === value ? " (default)" : ""}
            </span>
          </span>
          <input
            value={edits.textOf(name, String(value))}
            onChange={(e) => edits.edit(name, e.target.value)}
            spellCheck={false}
            inputMode="numeric"
            data-testid={`topic-config-${name}`}
          />
        </label>
      ))}
      <ConfigFormFooter
        edits={edits}
        testId="topic-"
        submitLabel={`Alter ${topic}${edits.changed.length > 0 ? ` (${edits.changed.length})` : ""}`}
      />
      <p className="inspector-note">
        As kafka-configs --alter: every partition of {topic} takes the new values; segments roll by the new
        sizes from the next append, retention applies at the broker's next check (every 5 minutes). Empty a
        field to go back to the default.
      </p>
    </form>
  );
}
