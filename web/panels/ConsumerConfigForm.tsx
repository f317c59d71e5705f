// A consumer's configs, editable the way Kafka allows: a KafkaConsumer's configs are fixed for its
// life, so applying restarts the client with them (a running one is closed first: commit,
// LeaveGroup, then the new instance joins). Kafka's own validation message is shown on a refusal.
import type { ConsumerView } from "../../engine/view";
import { runCommand } from "../state/actions";
import { ConfigFormFooter, changesLabel, useConfigEdits } from "./config-edits";

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
  const dead = consumer.activity === "dead";
  const edits = useConfigEdits(
    (name) => String(consumer.config[name]),
    (changed) =>
      runCommand({
        type: "restartConsumer",
        consumerId: consumer.id,
        config: Object.fromEntries(
          changed.map(([name, text]) => [name, typed(name, consumer.config[name]!, text)]),
        ),
      }),
  );
  return (
    <form className="config-form" onSubmit={edits.onSubmit}>
      {Object.entries(consumer.config).map(([name, value]) => (
        <label key={name} className="config-row">
          <span className="config-name">{name}</span>
          <input
            value={edits.textOf(name, String(value))}
            onChange={(e) => edits.edit(name, e.target.value)}
            readOnly={READ_ONLY.has(name)}
            spellCheck={false}
            data-testid={`consumer-config-${name}`}
          />
        </label>
      ))}
      <ConfigFormFooter
        edits={edits}
        testId="consumer-"
        submitLabel={`${dead ? "Restart" : "Close and restart"} with ${changesLabel(edits)}`}
      />
      <p className="inspector-note">
        Consumer configs cannot change on a live KafkaConsumer: applying closes this one (it commits and
        leaves its group) and starts a new one with the new values, which joins again.
      </p>
    </form>
  );
}
