// The requests and responses on the wire right now, each opening the message inspector: the
// keyboard's way to the messages that fly across the scene.
import type { MessageView } from "../../engine/view";
import { MESSAGE_LABELS } from "../scene/MessageLayer";
import { inspect } from "../state/ui-actions";

export function InFlightList({ messages }: { messages: MessageView[] }) {
  return (
    <>
      <h3>In flight now</h3>
      {messages.length === 0 ? (
        <p className="inspector-note">Nothing on the wire at this moment.</p>
      ) : (
        <ul className="inspector-links" data-testid="in-flight">
          {messages.slice(0, 40).map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="link"
                onClick={() => inspect({ kind: "message", id: String(m.id), message: m })}
              >
                {MESSAGE_LABELS[m.api] ?? m.api}
              </button>{" "}
              {m.from} → {m.to}
              {m.recordCount > 0 ? ` · ${m.recordCount} records` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
