// The consumer inspector: what the client is doing, its partitions (position, committed offset,
// lag), its Kafka configs, and the classroom's "what if": crash it, close it, restart it, pause it,
// or slow its processing down.
import { useState } from "react";
import type { ConsumerView } from "../../engine/view";
import { applyCommand } from "../state/actions";
import { ConsumerConfigForm } from "./ConsumerConfigForm";

export function ConsumerInspector({ consumer }: { consumer: ConsumerView }) {
  const [processingMs, setProcessingMs] = useState(String(consumer.processingTimeMs));
  const dead = consumer.mode === "subscribe" && consumer.activity === "dead";
  const act = (type: string) => void applyCommand({ type, consumerId: consumer.id });
  return (
    <>
      <p className="inspector-lede">
        {consumer.mode === "assign" ? (
          <>An autonomous consumer: it chose its partitions with assign(); no group, no rebalances.</>
        ) : (
          <>
            A member of <b>{consumer.groupId}</b>
            {consumer.generationId !== null && consumer.generationId >= 0
              ? ` in generation ${consumer.generationId}`
              : ""}
            {consumer.isLeader ? ", and its leader: it computes the assignment" : ""}. Rebalance protocol{" "}
            <b>{consumer.rebalanceProtocol}</b> ({consumer.assignors.join(", ")}).
          </>
        )}
      </p>
      {consumer.memberId && (
        <p className="inspector-note">
          member id <code>{consumer.memberId}</code>
        </p>
      )}
      <fieldset className="inspector-actions">
        <legend className="sr-only">Consumer actions</legend>
        {consumer.mode === "subscribe" && (
          <>
            <button type="button" className="btn" onClick={() => act("crashConsumer")} disabled={dead}>
              Crash
            </button>
            <button type="button" className="btn" onClick={() => act("closeConsumer")} disabled={dead}>
              Close
            </button>
            <button type="button" className="btn" onClick={() => act("restartConsumer")} disabled={!dead}>
              Restart
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => act(consumer.paused ? "resumeConsumer" : "pauseConsumer")}
              disabled={dead}
            >
              {consumer.paused ? "Resume" : "Pause"}
            </button>
          </>
        )}
      </fieldset>
      <form
        className="processing-form"
        onSubmit={(e) => {
          e.preventDefault();
          void applyCommand({
            type: "setProcessingTime",
            consumerId: consumer.id,
            processingTimeMs: Number(processingMs),
          });
        }}
      >
        <label>
          processing time per record (ms)
          <input
            value={processingMs}
            onChange={(e) => setProcessingMs(e.target.value)}
            inputMode="decimal"
            data-testid="processing-ms"
          />
        </label>
        <button type="submit" className="btn">
          Apply
        </button>
      </form>
      <h3>Partitions</h3>
      <table className="inspector-table">
        <thead>
          <tr>
            <th scope="col">partition</th>
            <th scope="col">position</th>
            <th scope="col">committed</th>
            <th scope="col">lag</th>
          </tr>
        </thead>
        <tbody>
          {consumer.partitions.map((p) => (
            <tr key={`${p.topic}-${p.partition}`}>
              <td>
                {p.topic}-{p.partition}
              </td>
              <td>{p.position ?? "—"}</td>
              <td>{p.committed ?? "—"}</td>
              <td>{p.lag ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="inspector-note">Lag here is the client metric records-lag: high watermark − position.</p>
      <h3>Configs</h3>
      {consumer.mode === "subscribe" ? (
        <ConsumerConfigForm key={consumer.id} consumer={consumer} />
      ) : (
        <dl className="config-list">
          {Object.entries(consumer.config).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
