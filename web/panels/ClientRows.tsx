// Rows of clients (producers or consumers) in the scenario editor: a few plain fields each, and
// their nested Kafka objects (configs, key distributions) as JSON text with Kafka's names.
import { type ClientDraft, patchAt, removeAt } from "./scenario-draft";

export interface FieldSpec {
  key: string;
  label: string;
  kind: "text" | "number" | "list";
}

interface Props {
  title: string;
  rows: ClientDraft[];
  fields: FieldSpec[];
  onChange: (rows: ClientDraft[]) => void;
  template: () => ClientDraft;
}

function shown(value: unknown, kind: FieldSpec["kind"]): string {
  if (value === undefined || value === null) return "";
  return kind === "list" && Array.isArray(value) ? value.join(", ") : String(value);
}

function parsed(text: string, kind: FieldSpec["kind"]): unknown {
  if (kind === "number") return text.trim() === "" ? undefined : Number(text);
  if (kind === "list")
    return text
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  return text;
}

export function ClientRows({ title, rows, fields, onChange, template }: Props) {
  const update = (i: number, row: ClientDraft) => onChange(patchAt(rows, i, row));
  return (
    <fieldset className="editor-section">
      <legend>{title}</legend>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no stable id until one is typed.
        <div key={i} className="editor-client">
          {fields.map((f) => (
            <label key={f.key}>
              {f.label}
              <input
                value={shown(row.fields[f.key], f.kind)}
                inputMode={f.kind === "number" ? "decimal" : undefined}
                onChange={(e) =>
                  update(i, { ...row, fields: { ...row.fields, [f.key]: parsed(e.target.value, f.kind) } })
                }
              />
            </label>
          ))}
          {Object.entries(row.json).map(([key, text]) => (
            <label key={key} className="editor-json">
              {key} (JSON)
              <textarea
                value={text}
                rows={3}
                spellCheck={false}
                onChange={(e) => update(i, { ...row, json: { ...row.json, [key]: e.target.value } })}
              />
            </label>
          ))}
          <button type="button" className="btn" onClick={() => onChange(removeAt(rows, i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => onChange([...rows, template()])}>
        Add
      </button>
    </fieldset>
  );
}
