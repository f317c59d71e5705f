// Add to the running cluster: a producer, a consumer group (n consumers subscribing to a topic
// with an assignor), or partitions to a topic. Each form applies the same commands a scenario's
// scripted actions use; Kafka's refusal (a bad config, fewer partitions) shows in the form and
// the run is left as it was.
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import type { SimView } from "../../engine/view";
import { runCommand } from "../state/actions";
import { type AddDialog as AddDialogState, useStore } from "../state/store";
import { openAddDialog } from "../state/ui-actions";

const ASSIGNORS = {
  "range, cooperative-sticky (Kafka's default)": ["range", "cooperative-sticky"],
  range: ["range"],
  roundrobin: ["roundrobin"],
  sticky: ["sticky"],
  "cooperative-sticky": ["cooperative-sticky"],
} as const;

function freeId(view: SimView, prefix: string): string {
  const taken = new Set([...view.producers.map((p) => p.id), ...view.consumers.map((c) => c.id)]);
  const groups = new Set(view.groups.map((g) => g.groupId));
  let n = 1;
  while (taken.has(`${prefix}${n}`) || groups.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: every caller passes the input or select as the children, so the label wraps its control.
    <label className="add-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

function TopicSelect({
  view,
  value,
  onChange,
}: {
  view: SimView;
  value: string;
  onChange: (t: string) => void;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="add-topic">
      {view.topics.map((t) => (
        <option key={t.name} value={t.name}>
          {t.name} ({t.partitions.length} partitions)
        </option>
      ))}
    </select>
  );
}

function ProducerForm({ view, dialog, status, submit }: FormProps<"addProducer">) {
  const [id, setId] = useState(() => freeId(view, "producer-"));
  const [topic, setTopic] = useState(dialog.topic ?? view.topics[0]!.name);
  const [client, setClient] = useState("java");
  const [rate, setRate] = useState("10");
  const [keys, setKeys] = useState("alice, bob, carol");
  return (
    <Form
      title="Add a producer"
      submitLabel="Add producer"
      status={status}
      onSubmit={() => {
        const list = keys
          .split(",")
          .map((k) => k.trim())
          .filter((k) => k !== "");
        return submit([
          {
            type: "addProducer",
            producer: {
              id,
              topic,
              client,
              recordsPerSec: Number(rate),
              keys: list.length > 0 ? { kind: "fixed", keys: list } : { kind: "none" },
            },
          },
        ]);
      }}
    >
      <Field label="client id">
        <input value={id} onChange={(e) => setId(e.target.value)} data-testid="add-id" />
      </Field>
      <Field label="topic">
        <TopicSelect view={view} value={topic} onChange={setTopic} />
      </Field>
      <Field label="client library (its partitioner)">
        <select value={client} onChange={(e) => setClient(e.target.value)}>
          <option value="java">Java (murmur2)</option>
          <option value="librdkafka">librdkafka (CRC32)</option>
        </select>
      </Field>
      <Field label="records per second">
        <input type="number" min={0} max={100000} value={rate} onChange={(e) => setRate(e.target.value)} />
      </Field>
      <Field label="keys, comma-separated (empty: null keys)">
        <input value={keys} onChange={(e) => setKeys(e.target.value)} data-testid="add-keys" />
      </Field>
    </Form>
  );
}

function GroupForm({ view, dialog, status, submit }: FormProps<"addGroup">) {
  const [groupId, setGroupId] = useState(() => freeId(view, "group-"));
  const [topic, setTopic] = useState(dialog.topic ?? view.topics[0]!.name);
  const [count, setCount] = useState("2");
  const [assignor, setAssignor] = useState<keyof typeof ASSIGNORS>(
    "range, cooperative-sticky (Kafka's default)",
  );
  const [reset, setReset] = useState("latest");
  const [processing, setProcessing] = useState("10");
  return (
    <Form
      title="Add a consumer group"
      submitLabel="Add group"
      status={status}
      onSubmit={() => {
        const n = Math.max(1, Math.min(16, Math.floor(Number(count))));
        const taken = new Set([...view.producers.map((p) => p.id), ...view.consumers.map((c) => c.id)]);
        const ids: string[] = [];
        for (let i = 1; ids.length < n; i++) if (!taken.has(`${groupId}-c${i}`)) ids.push(`${groupId}-c${i}`);
        return submit(
          ids.map((id) => ({
            type: "addConsumer",
            consumer: {
              id,
              mode: "subscribe",
              groupId,
              topics: [topic],
              processingTimeMs: Number(processing),
              config: {
                "partition.assignment.strategy": [...ASSIGNORS[assignor]],
                "auto.offset.reset": reset,
              },
            },
          })),
        );
      }}
    >
      <Field label="group.id">
        <input value={groupId} onChange={(e) => setGroupId(e.target.value)} data-testid="add-id" />
      </Field>
      <Field label="subscribes to">
        <TopicSelect view={view} value={topic} onChange={setTopic} />
      </Field>
      <Field label="consumers (1-16)">
        <input
          type="number"
          min={1}
          max={16}
          value={count}
          onChange={(e) => setCount(e.target.value)}
          data-testid="add-count"
        />
      </Field>
      <Field label="partition.assignment.strategy">
        <select
          value={assignor}
          onChange={(e) => setAssignor(e.target.value as keyof typeof ASSIGNORS)}
          data-testid="add-assignor"
        >
          {Object.keys(ASSIGNORS).map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </Field>
      <Field label="auto.offset.reset (no committed offset yet)">
        <select value={reset} onChange={(e) => setReset(e.target.value)}>
          <option value="latest">latest (Kafka's default)</option>
          <option value="earliest">earliest</option>
        </select>
      </Field>
      <Field label="processing time per record (ms)">
        <input
          type="number"
          min={0}
          max={60000}
          value={processing}
          onChange={(e) => setProcessing(e.target.value)}
        />
      </Field>
    </Form>
  );
}

function PartitionsForm({ view, dialog, status, submit }: FormProps<"addPartitions">) {
  const [topic, setTopic] = useState(dialog.topic);
  const current = view.topics.find((t) => t.name === topic)?.partitions.length ?? 1;
  const [count, setCount] = useState(String(current + 1));
  return (
    <Form
      title="Add partitions"
      submitLabel="Add partitions"
      status={status}
      onSubmit={() => submit([{ type: "addPartitions", topic, count: Number(count) }])}
    >
      <Field label="topic">
        <TopicSelect
          view={view}
          value={topic}
          onChange={(t) => {
            setTopic(t);
            setCount(String((view.topics.find((x) => x.name === t)?.partitions.length ?? 1) + 1));
          }}
        />
      </Field>
      <Field label={`new partition count (now ${current}; Kafka only increases it)`}>
        <input
          type="number"
          min={1}
          max={256}
          value={count}
          onChange={(e) => setCount(e.target.value)}
          data-testid="add-count"
        />
      </Field>
      <p className="inspector-note">
        Like kafka-topics --alter --partitions: existing records stay where they are, but keys hash over the
        new count from now on, and groups rebalance once clients refresh their metadata.
      </p>
    </Form>
  );
}

interface Status {
  /** Kafka's refusal of the last attempt, if any. */
  error: string | null;
  busy: boolean;
}

interface FormProps<K extends AddDialogState["kind"]> {
  view: SimView;
  dialog: Extract<AddDialogState, { kind: K }>;
  status: Status;
  submit: (commands: unknown[]) => Promise<void>;
}

function Form({
  title,
  submitLabel,
  status,
  onSubmit,
  children,
}: {
  title: string;
  submitLabel: string;
  status: Status;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  const first = useRef<HTMLFormElement>(null);
  useEffect(() => first.current?.querySelector<HTMLElement>("input, select")?.focus(), []);
  return (
    <form
      ref={first}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <h2 id="add-title">{title}</h2>
      <div className="add-fields">{children}</div>
      {status.error && (
        <p className="config-error" role="alert" data-testid="add-error">
          {status.error}
        </p>
      )}
      <div className="inspector-actions">
        <button type="submit" className="btn btn-primary" disabled={status.busy} data-testid="add-submit">
          {submitLabel}
        </button>
        <button type="button" className="btn" onClick={() => openAddDialog(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function AddDialog() {
  const dialog = useStore((s) => s.addDialog);
  const view = useStore((s) => s.view);
  const [status, setStatus] = useState<Status>({ error: null, busy: false });
  if (!dialog || !view) return null;
  // Applies the commands in order; the first refusal stops and shows Kafka's message.
  const submit = async (commands: unknown[]) => {
    setStatus({ error: null, busy: true });
    for (const command of commands) {
      const error = await runCommand(command);
      if (error !== null) return setStatus({ error, busy: false });
    }
    setStatus({ error: null, busy: false });
    openAddDialog(null);
  };
  return (
    <div className="modal-backdrop">
      <div
        className="modal add-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="add-title"
        data-testid="add-dialog"
      >
        {dialog.kind === "addProducer" && (
          <ProducerForm view={view} dialog={dialog} status={status} submit={submit} />
        )}
        {dialog.kind === "addGroup" && (
          <GroupForm view={view} dialog={dialog} status={status} submit={submit} />
        )}
        {dialog.kind === "addPartitions" && (
          <PartitionsForm view={view} dialog={dialog} status={status} submit={submit} />
        )}
      </div>
    </div>
  );
}
