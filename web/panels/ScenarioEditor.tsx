// The scenario editor: the cluster, the clients with their Kafka configs, and the scripted actions,
// as a form over the current scenario. Applying restarts the run with the edited scenario; any
// problem is listed by field (from the engine's decoder) and the current run is kept.
import { useState } from "react";
import { applyEditedScenario, setEditorOpen } from "../state/actions";
import { useStore } from "../state/store";
import { ClientRows, type FieldSpec } from "./ClientRows";
import { patchAt, removeAt, removeBroker, type ScenarioDraft, scenarioOf } from "./scenario-draft";

const PRODUCER_FIELDS: FieldSpec[] = [
  { key: "id", label: "id", kind: "text" },
  { key: "topic", label: "topic", kind: "text" },
  { key: "recordsPerSec", label: "records/s", kind: "number" },
  { key: "valueBytes", label: "value bytes", kind: "number" },
];

const CONSUMER_FIELDS: FieldSpec[] = [
  { key: "id", label: "id", kind: "text" },
  { key: "mode", label: "mode", kind: "text" },
  { key: "topic", label: "topic (assign)", kind: "text" },
  { key: "topics", label: "topics", kind: "list" },
  { key: "groupId", label: "group", kind: "text" },
  { key: "processingTimeMs", label: "ms per record", kind: "number" },
];

export function ScenarioEditor() {
  const initial = useStore((s) => s.editorDraft);
  const [draft, setDraft] = useState<ScenarioDraft | null>(initial);
  const [errors, setErrors] = useState<string[]>([]);
  if (!initial || !draft) return null;
  const base = draft.base;
  const setBase = (patch: Record<string, unknown>) => setDraft({ ...draft, base: { ...base, ...patch } });
  const patchTopic = (i: number, patch: Partial<ScenarioDraft["topics"][number]>) =>
    setDraft({ ...draft, topics: patchAt(draft.topics, i, patch) });
  const patchAction = (i: number, patch: Partial<ScenarioDraft["actions"][number]>) =>
    setDraft({ ...draft, actions: patchAt(draft.actions, i, patch) });
  const apply = async () => {
    const built = scenarioOf(draft);
    if (!built.ok) return setErrors(built.errors);
    setErrors(await applyEditedScenario(built.scenario));
  };
  const firstTopic = draft.topics[0]?.name ?? "topic";
  return (
    <div className="modal-backdrop">
      <div
        className="modal editor"
        role="dialog"
        aria-modal="true"
        aria-labelledby="editor-title"
        data-testid="editor"
      >
        <h2 id="editor-title">Edit scenario</h2>
        <fieldset className="editor-section editor-grid">
          <legend>Scenario</legend>
          <label>
            title
            <input
              value={String(base.title ?? "")}
              onChange={(e) => setBase({ title: e.target.value })}
              data-testid="editor-title"
            />
          </label>
          <label>
            seed
            <input
              value={String(base.seed ?? 1)}
              inputMode="numeric"
              onChange={(e) => setBase({ seed: Number(e.target.value) })}
            />
          </label>
          <label>
            duration (ms)
            <input
              value={String(base.durationMs ?? 10000)}
              inputMode="numeric"
              onChange={(e) => setBase({ durationMs: Number(e.target.value) })}
            />
          </label>
        </fieldset>
        <fieldset className="editor-section" data-testid="editor-brokers">
          <legend>Brokers</legend>
          <p className="inspector-note">
            A rack (broker.rack) on every broker, or on none: with racks, replicas spread over racks and
            consumers with client.rack get partitions that have a replica on their rack.
          </p>
          {draft.brokers.map((b, i) => (
            <div key={b.id} className="editor-row">
              <span className="editor-label">broker {b.id}</span>
              <input
                aria-label={`rack of broker ${b.id}`}
                placeholder="no rack"
                value={b.rack}
                onChange={(e) =>
                  setDraft({ ...draft, brokers: patchAt(draft.brokers, i, { rack: e.target.value }) })
                }
                data-testid={`editor-rack-${i}`}
              />
              <button
                type="button"
                className="btn"
                disabled={draft.brokers.length === 1}
                onClick={() => setDraft({ ...draft, brokers: removeBroker(draft.brokers, i) })}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn"
            onClick={() =>
              setDraft({ ...draft, brokers: [...draft.brokers, { id: draft.brokers.length + 1, rack: "" }] })
            }
            data-testid="editor-add-broker"
          >
            Add broker
          </button>
        </fieldset>
        <fieldset className="editor-section">
          <legend>Topics</legend>
          {draft.topics.map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, names change as you type.
            <div key={i} className="editor-row">
              <input
                aria-label="topic name"
                value={t.name}
                onChange={(e) => patchTopic(i, { name: e.target.value })}
              />
              <label className="editor-inline">
                partitions
                <input
                  aria-label="partitions"
                  value={String(t.partitions)}
                  inputMode="numeric"
                  onChange={(e) => patchTopic(i, { partitions: Number(e.target.value) })}
                  data-testid={`editor-partitions-${i}`}
                />
              </label>
              <label className="editor-inline">
                replicas
                <input
                  aria-label="replication factor"
                  value={String(t.replicationFactor)}
                  inputMode="numeric"
                  onChange={(e) => patchTopic(i, { replicationFactor: Number(e.target.value) })}
                  data-testid={`editor-rf-${i}`}
                />
              </label>
              <button
                type="button"
                className="btn"
                onClick={() => setDraft({ ...draft, topics: removeAt(draft.topics, i) })}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn"
            onClick={() =>
              setDraft({
                ...draft,
                topics: [
                  ...draft.topics,
                  { name: `topic-${draft.topics.length + 1}`, partitions: 3, replicationFactor: 1 },
                ],
              })
            }
          >
            Add topic
          </button>
        </fieldset>
        <ClientRows
          title="Producers"
          rows={draft.producers}
          fields={PRODUCER_FIELDS}
          onChange={(producers) => setDraft({ ...draft, producers })}
          template={() => ({
            fields: { id: `producer-${draft.producers.length + 1}`, topic: firstTopic, recordsPerSec: 5 },
            json: { keys: '{"kind": "none"}', config: "{}" },
          })}
        />
        <ClientRows
          title="Consumers"
          rows={draft.consumers}
          fields={CONSUMER_FIELDS}
          onChange={(consumers) => setDraft({ ...draft, consumers })}
          template={() => ({
            fields: {
              id: `consumer-${draft.consumers.length + 1}`,
              mode: "subscribe",
              topics: [firstTopic],
              groupId: "group-1",
            },
            json: { config: "{}" },
          })}
        />
        <fieldset className="editor-section">
          <legend>Scripted actions</legend>
          {draft.actions.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: actions are edited in place.
            <div key={i} className="editor-row">
              <input
                aria-label="at (ms)"
                value={String(a.atMs)}
                inputMode="numeric"
                onChange={(e) => patchAction(i, { atMs: Number(e.target.value) })}
              />
              <input
                aria-label="command (JSON)"
                className="editor-command"
                value={a.command}
                onChange={(e) => patchAction(i, { command: e.target.value })}
              />
              <button
                type="button"
                className="btn"
                onClick={() => setDraft({ ...draft, actions: removeAt(draft.actions, i) })}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn"
            onClick={() =>
              setDraft({
                ...draft,
                actions: [
                  ...draft.actions,
                  { atMs: 5000, command: '{"type": "pauseProducer", "producerId": ""}' },
                ],
              })
            }
          >
            Add action
          </button>
        </fieldset>
        {errors.length > 0 && (
          <ul className="config-error" role="alert" data-testid="editor-errors">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        <div className="inspector-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void apply()}
            data-testid="editor-apply"
          >
            Apply and restart the run
          </button>
          <button type="button" className="btn" onClick={() => setEditorOpen(false)}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
