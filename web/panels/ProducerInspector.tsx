// The producer inspector: live numbers and every client config with Kafka's name, its value and
// whether it was set or is the default. Producer configs cannot change on a live KafkaProducer, so
// editing restarts the client with the new values; an invalid value gets Kafka's own error and the
// run is left as it was.
import { useState } from "react";
import type { ProducerView } from "../../engine/view";
import { applyCommand, restartProducerWith } from "../state/actions";
import { ConfigFormFooter, changesLabel, useConfigEdits } from "./config-edits";

type Value = string | number | boolean | null;

/** Reads the edited text back as the kind of value the config holds, so Kafka's validator judges it. */
function parseLike(current: Value, text: string): Value {
  const trimmed = text.trim();
  if (typeof current === "number" && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (typeof current === "boolean" && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  if (current === null && trimmed === "") return null;
  return trimmed;
}

const show = (value: Value) => (value === null ? "" : String(value));

export function ProducerInspector({ producer }: { producer: ProducerView }) {
  const detail = producer.detail;
  const configValue = (name: string) => detail.configEntries.find((e) => e.name === name)?.value ?? null;
  const edits = useConfigEdits(
    (name) => show(configValue(name)),
    (changed) => {
      // Keep what the scenario set explicitly, so defaults Kafka adjusts stay defaults.
      const config: Record<string, Value> = {};
      for (const entry of detail.configEntries) if (entry.explicit) config[entry.name] = entry.value;
      for (const [name, text] of changed) config[name] = parseLike(configValue(name), text);
      return restartProducerWith(producer.id, config);
    },
  );
  return (
    <>
      <p className="inspector-lede">
        A {detail.client === "java" ? "Java" : "librdkafka"} producer writing to <b>{producer.topic}</b> with
        the <code>{detail.partitioner}</code> partitioner.
      </p>
      <dl className="inspector-stats">
        <dt>produced</dt>
        <dd>{producer.accumulatedRecords}</dd>
        <dt>acknowledged</dt>
        <dd>{producer.acknowledgedRecords}</dd>
        <dt>requests in flight</dt>
        <dd>{producer.inFlightRequests}</dd>
        <dt>status</dt>
        <dd data-testid="producer-status">
          {producer.status === "closing"
            ? "closing: sending what is queued"
            : producer.paused
              ? "paused"
              : "producing"}
        </dd>
      </dl>
      <ProducerActions producer={producer} />
      <h3>Configs</h3>
      <p className="inspector-note">
        Bold values were set in the scenario; the others are the client's defaults.
      </p>
      <form className="config-form" onSubmit={edits.onSubmit}>
        {detail.configEntries.map((entry) => (
          <label key={entry.name} className={entry.explicit ? "config-row explicit" : "config-row"}>
            <span className="config-name">
              {entry.name}
              {entry.alias && <span className="config-alias"> (alias {entry.alias})</span>}
            </span>
            <input
              value={edits.textOf(entry.name, show(entry.value))}
              onChange={(e) => edits.edit(entry.name, e.target.value)}
              spellCheck={false}
              data-testid={`config-${entry.name}`}
            />
          </label>
        ))}
        {detail.configNotes.map((note) => (
          <p key={note} className="inspector-note">
            {note}
          </p>
        ))}
        <ConfigFormFooter
          edits={edits}
          testId=""
          submitLabel={`Restart producer with ${changesLabel(edits)}`}
        />
        <p className="inspector-note">
          Producer configs cannot change on a live client: applying closes it and starts a new one.
        </p>
        <p className="inspector-note" data-testid="compression-note">
          Simplified: compression.type shrinks each batch by a fixed ratio per codec (gzip 0.30, snappy 0.50,
          lz4 0.45, zstd 0.28 of the record bytes), an approximation of real compression.
        </p>
      </form>
    </>
  );
}

/** The workload (the application's send() calls) changes live; close() ends the client. */
function ProducerActions({ producer }: { producer: ProducerView }) {
  const [rate, setRate] = useState(String(producer.recordsPerSec));
  const closing = producer.status === "closing";
  const act = (type: string) => void applyCommand({ type, producerId: producer.id });
  return (
    <form
      className="inspector-actions"
      onSubmit={(e) => {
        e.preventDefault();
        void applyCommand({ type: "setProducerRate", producerId: producer.id, recordsPerSec: Number(rate) });
      }}
    >
      <label className="rate-field">
        records/s
        <input
          type="number"
          min={0}
          max={100000}
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          disabled={closing}
          data-testid="producer-rate"
        />
      </label>
      <button type="submit" className="btn" disabled={closing}>
        Set rate
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => act(producer.paused ? "resumeProducer" : "pauseProducer")}
        disabled={closing}
      >
        {producer.paused ? "Resume" : "Pause"}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => act("closeProducer")}
        disabled={closing}
        data-testid="close-producer"
      >
        Close producer
      </button>
    </form>
  );
}
