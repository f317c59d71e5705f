// The side inspector: click an element of the scene for its live numbers, its Kafka configs and a
// short explanation. Producers so far.
import { inspect } from "../state/actions";
import { useStore } from "../state/store";
import { ProducerInspector } from "./ProducerInspector";

export function Inspector() {
  const inspected = useStore((s) => s.inspected);
  const producer = useStore((s) =>
    s.inspected?.kind === "producer" ? s.view?.producers.find((p) => p.id === s.inspected!.id) : undefined,
  );
  if (!inspected) return null;
  return (
    <aside className="inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <header className="inspector-header">
        <h2 id="inspector-title">{inspected.id}</h2>
        <button
          type="button"
          className="btn btn-icon"
          onClick={() => inspect(null)}
          aria-label="Close inspector"
        >
          ✕
        </button>
      </header>
      {producer ? <ProducerInspector key={producer.id} producer={producer} /> : <p>This element is gone.</p>}
    </aside>
  );
}
