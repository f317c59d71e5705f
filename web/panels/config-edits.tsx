// The editing state every config form shares (producer, consumer, topic): the fields changed from
// what the engine shows, Kafka's refusal of the last attempt, and the error and buttons under the
// fields. Each form keeps its own rows, its notes and the command it applies.
import { type FormEvent, useState } from "react";

export interface ConfigEdits {
  /** The text in a field, or what the engine shows when it was not edited. */
  textOf(name: string, shown: string): string;
  edit(name: string, text: string): void;
  /** Edited fields whose text differs from what is shown now. */
  changed: [name: string, text: string][];
  error: string | null;
  busy: boolean;
  /** Applies the changes; a message is Kafka's refusal (kept on screen), null clears the edits. */
  apply(): Promise<void>;
  /** The form's submit handler: Enter in a field applies the changes. */
  onSubmit(event: FormEvent): void;
  reset(): void;
}

export function useConfigEdits(
  shown: (name: string) => string,
  submit: (changed: [string, string][]) => Promise<string | null>,
): ConfigEdits {
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = Object.entries(edits).filter(([name, text]) => text.trim() !== shown(name));
  const apply = async () => {
    setBusy(true);
    const message = await submit(changed);
    setBusy(false);
    setError(message);
    if (message === null) setEdits({});
  };
  return {
    textOf: (name, value) => edits[name] ?? value,
    edit: (name, text) => setEdits({ ...edits, [name]: text }),
    changed,
    error,
    busy,
    apply,
    onSubmit: (event) => {
      event.preventDefault();
      void apply();
    },
    reset: () => setEdits({}),
  };
}

/** Kafka's refusal, then the apply and reset buttons. */
export function ConfigFormFooter({
  edits,
  testId,
  submitLabel,
}: {
  edits: ConfigEdits;
  /** Prefix of the error's and the apply button's test ids ("" for the producer's). */
  testId: string;
  submitLabel: string;
}) {
  const none = edits.changed.length === 0;
  return (
    <>
      {edits.error && (
        <p className="config-error" role="alert" data-testid={`${testId}config-error`}>
          {edits.error}
        </p>
      )}
      <div className="inspector-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={edits.busy || none}
          data-testid={`${testId}config-apply`}
        >
          {submitLabel}
        </button>
        <button type="button" className="btn" onClick={edits.reset} disabled={none}>
          Reset
        </button>
      </div>
    </>
  );
}

/** "N changes" for the apply buttons. */
export function changesLabel(edits: ConfigEdits): string {
  const n = edits.changed.length;
  return n === 0 ? "changes" : `${n} change${n === 1 ? "" : "s"}`;
}
