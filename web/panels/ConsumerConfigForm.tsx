// A consumer's configs, editable the way Kafka allows: a KafkaConsumer's configs are fixed for its
// life, so applying restarts the client with them (a running one is closed first: commit,
// LeaveGroup, then the new instance joins). Kafka's own validation message is shown on a refusal.
import { useState } from "react";
import type { ConsumerView } from "../../engine/view";
import { runCommand } from "../state/actions";

/** group.id names the group; changing it is another group, not a config change. */
const READ_ONLY = new Set(["group.id"]);

/** The view shows configs as text or numbers; the command needs their real types back. */
function typed(name: string, current: string | number, text: string): unknown {
  const t = text.trim();
  if (name === "partition.assignment.strategy")
    return t
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (t === "null" || (t === "" && (current === "null" || typeof current === "string"))) return null;
  if (t === "true" || t === "false") return t === "true";
  if (typeof current === "number" && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

export function ConsumerConfigForm({ consumer }: { consumer: ConsumerView }) {
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const changed = Object.entries(edits).filter(([name, text]) => text !== String(consumer.config[name]));
  const dead = consumer.activity === "dead";
  const apply = async () => {
    const config = Object.fromEntries(
      changed.map(([name, text]) => [name, typed(name, consumer.config[name]!, text)]),
    );
    const message = await runCommand({ type: "restartConsumer", consumerId: consumer.id, config });
    setError(message);
    if (message === null) setEdits({});
  };
  return (
    <form
      className="config-form"
      onSubmit={(e) => {
        e.preventDefault();
        void apply();
      }}
    >
      {Object.entries(consumer.config).map(([name, value]) => (
        <label key={name} className="config-row">
          <span className="config-name">{name}</span>
          <input
            value={edits[name] ?? String(value)}
            onChange={(e) => setEdits({ ...edits, [name]: e.target.value })}
            readOnly={READ_ONLY.has(name)}
            spellCheck={false}
            data-testid={`consumer-config-${name}`}
          />
        </label>
      ))}
      {error && (
        <p className="config-error" role="alert" data-testid="consumer-config-error">
          {error}
        </p>
      )}
      <div className="inspector-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={changed.length === 0}
          data-testid="consumer-config-apply"
        >
          {dead ? "Restart" : "Close and restart"} with{" "}
          {changed.length === 0 ? "changes" : `${changed.length} change${changed.length === 1 ? "" : "s"}`}
        </button>
        <button type="button" className="btn" onClick={() => setEdits({})} disabled={changed.length === 0}>
          Reset
        </button>
      </div>
      <p className="inspector-note">
        Consumer configs cannot change on a live KafkaConsumer: applying closes this one (it commits and
        leaves its group) and starts a new one with the new values, which joins again.
      </p>
    </form>
  );
}
