// The keyboard shortcuts, opened with "?" or the header's help button; Esc or the button closes it.
import { useEffect, useRef } from "react";
import { useStore } from "../state/store";
import { setShortcutsOpen } from "../state/ui-actions";

const SHORTCUTS: [string, string][] = [
  ["Space", "play / pause"],
  ["→", "step one event forward"],
  ["←", "step one event back"],
  ["N", "step to the next group protocol message"],
  ["M", "step to the next state change"],
  ["+  /  −", "faster / slower"],
  ["[  /  ]  /  0", "zoom out / in / fit the width"],
  ["Shift+F10", "actions of the focused element (add to the cluster elsewhere)"],
  ["Enter", "open the focused element's details"],
  ["P", "presenter mode (large type, high contrast)"],
  ["?", "this list"],
  ["Esc", "close"],
];

export function ShortcutsHelp() {
  const open = useStore((s) => s.shortcutsOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts"
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button
          ref={closeRef}
          type="button"
          className="btn btn-primary"
          onClick={() => setShortcutsOpen(false)}
        >
          Close
        </button>
      </div>
    </div>
  );
}
