// The scenario editor's working copy: the scenario as plain JSON, with the nested objects a form
// cannot show as fields (key distributions, Kafka configs, commands) held as JSON text. Turning a
// draft back into a scenario reports bad JSON by field; everything else is judged by the engine's
// decoder, which names the field of any problem.

type Json = Record<string, unknown>;

export interface ClientDraft {
  fields: Json;
  /** JSON text per nested object, e.g. { config: "{…}", keys: "{…}" }. */
  json: Record<string, string>;
}

export interface BrokerDraft {
  id: number;
  /** `broker.rack`; empty means none. */
  rack: string;
}

export interface TopicDraft {
  name: string;
  partitions: number;
  replicationFactor: number;
  config?: unknown;
}

export interface ScenarioDraft {
  base: Json;
  brokers: BrokerDraft[];
  topics: TopicDraft[];
  producers: ClientDraft[];
  consumers: ClientDraft[];
  actions: { atMs: number; command: string }[];
}

const pretty = (value: unknown) => JSON.stringify(value ?? {}, null, 1);

function clientDraft(client: Json, nested: string[]): ClientDraft {
  const fields: Json = {};
  const json: Record<string, string> = {};
  for (const [key, value] of Object.entries(client)) {
    if (nested.includes(key)) json[key] = pretty(value);
    else fields[key] = value;
  }
  for (const key of nested) json[key] ??= "{}";
  return { fields, json };
}

export function draftOf(scenario: Json): ScenarioDraft {
  const cluster = (scenario.cluster ?? {}) as Json;
  const brokers = Array.isArray(cluster.brokers) ? (cluster.brokers as { id: number; rack?: string }[]) : [];
  return {
    base: scenario,
    brokers: brokers.map((b) => ({ id: b.id, rack: b.rack ?? "" })),
    topics: ((cluster.topics ?? []) as Partial<TopicDraft>[]).map((t) => ({
      ...t,
      name: t.name ?? "",
      partitions: t.partitions ?? 1,
      replicationFactor: t.replicationFactor ?? 1,
    })),
    producers: ((scenario.producers ?? []) as Json[]).map((p) => clientDraft(p, ["config", "keys"])),
    consumers: ((scenario.consumers ?? []) as Json[]).map((c) => clientDraft(c, ["config"])),
    actions: ((scenario.actions ?? []) as { atMs: number; command: unknown }[]).map((a) => ({
      atMs: a.atMs,
      command: JSON.stringify(a.command),
    })),
  };
}

function parseNested(draft: ClientDraft, path: string, errors: string[]): Json {
  const out: Json = { ...draft.fields };
  for (const [key, text] of Object.entries(draft.json)) {
    try {
      out[key] = JSON.parse(text);
    } catch {
      errors.push(`${path}.${key}: not valid JSON`);
    }
  }
  return out;
}

/** The scenario a draft describes, or the JSON problems that keep it from being one. */
export function scenarioOf(
  draft: ScenarioDraft,
): { ok: true; scenario: Json } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const producers = draft.producers.map((p, i) => parseNested(p, `producers[${i}]`, errors));
  const consumers = draft.consumers.map((c, i) => parseNested(c, `consumers[${i}]`, errors));
  const actions = draft.actions.map((a, i) => {
    try {
      return { atMs: a.atMs, command: JSON.parse(a.command) };
    } catch {
      errors.push(`actions[${i}].command: not valid JSON`);
      return null;
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const brokers = draft.brokers.map((b) =>
    b.rack.trim() === "" ? { id: b.id } : { id: b.id, rack: b.rack.trim() },
  );
  const cluster = { ...((draft.base.cluster ?? {}) as Json), brokers, topics: draft.topics };
  return { ok: true, scenario: { ...draft.base, cluster, producers, consumers, actions } };
}

/** A copy of `list` with item `i` patched: the editor's rows change one field at a time. */
export function patchAt<T>(list: readonly T[], i: number, patch: Partial<T>): T[] {
  return list.map((item, j) => (j === i ? { ...item, ...patch } : item));
}

export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

/** Brokers are numbered 1 … N in order: removing one renumbers the rest. */
export function removeBroker(brokers: readonly BrokerDraft[], i: number): BrokerDraft[] {
  return removeAt(brokers, i).map((b, j) => ({ ...b, id: j + 1 }));
}
