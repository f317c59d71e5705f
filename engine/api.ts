// EngineApi: the one coarse object the worker exposes. Async-friendly functions over plain data;
// no classes, getters or live objects cross the boundary. The web side imports only its type.
import type { Command } from "./commands";
import { commandSchema } from "./commands";
import type { DomainEvent } from "./events";
import { explainKeyPartitioning, type KeyPartitionExplanation } from "./producer/partitioner/explain";
import { utf8Key } from "./producer/partitioner/key-bytes";
import { decodeScenario, formatZodIssues } from "./scenario/decode";
import type { Scenario } from "./scenario/schema";
import { createSimulation, type Simulation } from "./simulation";
import type { SimView, ViewOptions } from "./view";

export type LoadResult = { ok: true; view: SimView } | { ok: false; errors: string[] };
export type ApplyResult = { ok: true; view: SimView; events: DomainEvent[] } | { ok: false; error: string };

/** A run is its inputs: the scenario plus the user commands, each with the step and time it applied at. */
export interface RunRecord {
  scenario: Scenario;
  commands: { stepCount: number; atUs: number; command: Command }[];
}

export interface EngineApi {
  load(scenario: unknown): LoadResult;
  advanceTo(timeUs: number, options?: ViewOptions): SimView;
  /** One step; `kind` says what it processed (a message delivery, a timer, a recorded command). */
  step(options?: ViewOptions): { view: SimView; events: DomainEvent[]; kind: string | null };
  apply(command: unknown, options?: ViewOptions): ApplyResult;
  view(options?: ViewOptions): SimView;
  /** Jumps to `timeUs`, backwards by replaying the run's inputs from the start (exact). */
  seek(timeUs: number, options?: ViewOptions): SimView;
  exportRun(): RunRecord | null;
  /** Re-creates a run from its record (used to recover after a worker crash). */
  importRun(record: RunRecord, timeUs: number): LoadResult;
  /** Which partition each client type picks for a key (its UTF-8 bytes), for the hover card. */
  explainKey(key: string | null, partitionCount: number): KeyPartitionExplanation[];
}

export type { KeyPartitionExplanation };

/** A simulation plus how many of the run's recorded commands it has applied so far. */
interface Cursor {
  sim: Simulation;
  applied: number;
}

/**
 * Advances to `timeUs`, re-applying recorded commands at their exact step and clock: events due at
 * that very microsecond but not yet processed when the command was first applied stay unprocessed.
 */
function advanceWithRecord(cursor: Cursor, record: RunRecord, timeUs: number): void {
  for (
    let entry = record.commands[cursor.applied];
    entry && entry.atUs <= timeUs;
    entry = record.commands[cursor.applied]
  ) {
    while (cursor.sim.stepCount() < entry.stepCount) cursor.sim.step();
    cursor.sim.idleUntil(entry.atUs);
    cursor.sim.apply(entry.command);
    cursor.applied++;
  }
  cursor.sim.runUntil(timeUs);
}

export interface EngineApiOptions {
  /** Check invariants after every step (development builds and tests). */
  checkInvariants?: boolean;
}

export function createEngineApi(apiOptions: EngineApiOptions = {}): EngineApi {
  const simOptions = { checkInvariants: apiOptions.checkInvariants ?? false };
  let cursor: Cursor | null = null;
  let record: RunRecord | null = null;

  const active = (): { cursor: Cursor; record: RunRecord } => {
    if (!cursor || !record) throw new Error("no scenario loaded");
    return { cursor, record };
  };
  const replayFromStart = (run: RunRecord, timeUs: number): Cursor => {
    const fresh = { sim: createSimulation(run.scenario, simOptions), applied: 0 };
    advanceWithRecord(fresh, run, timeUs);
    return fresh;
  };

  return {
    load(value) {
      const decoded = decodeScenario(value);
      if (!decoded.ok) return { ok: false, errors: decoded.errors };
      record = { scenario: decoded.scenario, commands: [] };
      cursor = { sim: createSimulation(decoded.scenario, simOptions), applied: 0 };
      return { ok: true, view: cursor.sim.view() };
    },
    advanceTo(timeUs, options) {
      const run = active();
      if (timeUs > run.cursor.sim.nowUs()) advanceWithRecord(run.cursor, run.record, timeUs);
      return run.cursor.sim.view(options);
    },
    step(options) {
      const { cursor: c, record: r } = active();
      const due = r.commands[c.applied];
      if (due && due.stepCount === c.sim.stepCount()) {
        c.sim.idleUntil(due.atUs);
        c.applied++;
        const events = c.sim.apply(due.command);
        return { view: c.sim.view(options), events, kind: "command" };
      }
      const kind = c.sim.nextScheduled()?.kind ?? null;
      const events = c.sim.step();
      return { view: c.sim.view(options), events, kind };
    },
    apply(value, options) {
      const { cursor: c, record: r } = active();
      const parsed = commandSchema.safeParse(value);
      if (!parsed.success) return { ok: false, error: formatZodIssues(parsed.error).join("; ") };
      const stepCount = c.sim.stepCount();
      try {
        const events = c.sim.apply(parsed.data);
        // An intervention in the past forks the run: the recorded future is dropped.
        r.commands.splice(c.applied, r.commands.length - c.applied, {
          stepCount,
          atUs: c.sim.nowUs(),
          command: parsed.data,
        });
        c.applied = r.commands.length;
        return { ok: true, view: c.sim.view(options), events };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
    view: (options) => active().cursor.sim.view(options),
    seek(timeUs, options) {
      const run = active();
      if (timeUs >= run.cursor.sim.nowUs()) {
        advanceWithRecord(run.cursor, run.record, timeUs);
      } else {
        cursor = replayFromStart(run.record, timeUs);
      }
      return cursor!.sim.view(options);
    },
    exportRun: () => (record ? structuredClone(record) : null),
    explainKey: (key, partitionCount) =>
      explainKeyPartitioning(key === null ? null : utf8Key(key), Math.max(1, Math.floor(partitionCount))),
    importRun(runRecord, timeUs) {
      const decoded = decodeScenario(runRecord.scenario);
      if (!decoded.ok) return { ok: false, errors: decoded.errors };
      record = { scenario: decoded.scenario, commands: runRecord.commands };
      cursor = replayFromStart(record, timeUs);
      return { ok: true, view: cursor.sim.view() };
    },
  };
}
