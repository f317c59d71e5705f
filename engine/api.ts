// EngineApi: the one coarse object the worker exposes. Async-friendly functions over plain data;
// no classes, getters or live objects cross the boundary. The web side imports only its type.
import { commandSchema } from "./commands";
import type { DomainEvent } from "./events";
import type { MetricsSample } from "./metrics";
import { explainKeyPartitioning, type KeyPartitionExplanation } from "./producer/partitioner/explain";
import { utf8Key } from "./producer/partitioner/key-bytes";
import { decodeScenario, decodeScenarioText, formatZodIssues } from "./scenario/decode";
import { decodePreset, listPresets } from "./scenario/presets/catalog";
import { decodeShareLink, encodeShareFragment } from "./scenario/share-link";
import { matchesStepTarget, STEPS_PER_JUMP_MAX, type StepTarget } from "./stepping";
import {
  advanceTo,
  applyAtCursor,
  createTimeline,
  type RunRecord,
  seekTo,
  stepBack,
  stepForward,
  type Timeline,
} from "./timeline";
import type { SimView, ViewOptions } from "./view";

export type LoadResult = { ok: true; view: SimView } | { ok: false; errors: string[] };
export type ApplyResult = { ok: true; view: SimView; events: DomainEvent[] } | { ok: false; error: string };

export interface EngineApi {
  load(scenario: unknown): LoadResult;
  advanceTo(timeUs: number, options?: ViewOptions): SimView;
  /** One step; `kind` says what it processed (a message delivery, a timer, a recorded command). */
  step(options?: ViewOptions): { view: SimView; events: DomainEvent[]; kind: string | null };
  apply(command: unknown, options?: ViewOptions): ApplyResult;
  view(options?: ViewOptions): SimView;
  /** Jumps to `timeUs`, backwards by restoring a checkpoint and replaying the run's inputs (exact). */
  seek(timeUs: number, options?: ViewOptions): SimView;
  /** Steps until a step emits an event of the target kind (bounded); `steps` says how many it took. */
  stepTo(
    target: StepTarget,
    options?: ViewOptions,
  ): { view: SimView; events: DomainEvent[]; kind: string | null; steps: number; found: boolean };
  /** Goes back exactly one step (or un-applies the last command applied at this step). */
  stepBack(options?: ViewOptions): SimView;
  exportRun(): RunRecord | null;
  /** Re-creates a run from its record (used to recover after a worker crash). */
  importRun(record: RunRecord, timeUs: number): LoadResult;
  /** Opens a share link (URL or fragment): the same run at the same playhead; bad links get a message. */
  loadShareLink(link: string): { ok: true; view: SimView } | { ok: false; errors: string[] };
  /** The current run as a share-link fragment (`s=…&t=…`) at the given playhead. */
  shareFragment(playheadUs: number): string;
  /** Loads a scenario file's text (import); the current run is kept if it is invalid. */
  loadScenarioText(text: string): LoadResult;
  /** The current scenario as formatted JSON (export). */
  exportScenarioText(): string;
  /** Lag, throughput and rebalances sampled over simulated time, for the operations charts. */
  metrics(): MetricsSample[];
  /** The preset lessons, in teaching order. */
  listPresets(): { id: string; title: string; learn: string[] }[];
  /** Loads a preset lesson by id (its short link is `#p=<id>`). */
  loadPreset(id: string): LoadResult;
  /** Which partition each client type picks for a key (its UTF-8 bytes), for the hover card. */
  explainKey(key: string | null, partitionCount: number): KeyPartitionExplanation[];
}

export type { KeyPartitionExplanation };

export interface EngineApiOptions {
  /** Check invariants after every step (development builds and tests). */
  checkInvariants?: boolean;
}

export function createEngineApi(apiOptions: EngineApiOptions = {}): EngineApi {
  const simOptions = { checkInvariants: apiOptions.checkInvariants ?? false };
  let timeline: Timeline | null = null;

  const active = (): Timeline => {
    if (!timeline) throw new Error("no scenario loaded");
    return timeline;
  };

  return {
    load(value) {
      const decoded = decodeScenario(value);
      if (!decoded.ok) return { ok: false, errors: decoded.errors };
      timeline = createTimeline({ scenario: decoded.scenario, commands: [] }, simOptions);
      return { ok: true, view: timeline.sim.view() };
    },
    advanceTo(timeUs, options) {
      const tl = active();
      advanceTo(tl, timeUs);
      return tl.sim.view(options);
    },
    step(options) {
      const tl = active();
      const { events, kind } = stepForward(tl);
      return { view: tl.sim.view(options), events, kind };
    },
    stepTo(target, options) {
      const tl = active();
      for (let steps = 1; steps <= STEPS_PER_JUMP_MAX; steps++) {
        const idle = tl.sim.nextScheduled() === null;
        const { events, kind } = stepForward(tl);
        if (events.some((e) => matchesStepTarget(e, target))) {
          return { view: tl.sim.view(options), events, kind, steps, found: true };
        }
        if (idle) break;
      }
      return { view: tl.sim.view(options), events: [], kind: null, steps: STEPS_PER_JUMP_MAX, found: false };
    },
    stepBack(options) {
      const tl = active();
      stepBack(tl);
      return tl.sim.view(options);
    },
    apply(value, options) {
      const tl = active();
      const parsed = commandSchema.safeParse(value);
      if (!parsed.success) return { ok: false, error: formatZodIssues(parsed.error).join("; ") };
      try {
        const events = applyAtCursor(tl, parsed.data);
        return { ok: true, view: tl.sim.view(options), events };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
    view: (options) => active().sim.view(options),
    seek(timeUs, options) {
      const tl = active();
      seekTo(tl, timeUs);
      return tl.sim.view(options);
    },
    exportRun: () => (timeline ? structuredClone(timeline.record) : null),
    loadShareLink(link) {
      const decoded = decodeShareLink(link);
      if (!decoded.ok) return { ok: false, errors: [decoded.error] };
      timeline = createTimeline(decoded.record, simOptions);
      seekTo(timeline, decoded.playheadUs);
      return { ok: true, view: timeline.sim.view() };
    },
    metrics: () => active().sim.metrics(),
    listPresets: () => listPresets().map(({ id, title, learn }) => ({ id, title, learn })),
    loadPreset(id) {
      const scenario = decodePreset(id);
      if (!scenario) return { ok: false, errors: [`there is no preset lesson "${id}"`] };
      timeline = createTimeline({ scenario, commands: [] }, simOptions);
      return { ok: true, view: timeline.sim.view() };
    },
    shareFragment: (playheadUs) => encodeShareFragment(active().record, playheadUs),
    loadScenarioText(text) {
      const decoded = decodeScenarioText(text);
      if (!decoded.ok) return { ok: false, errors: decoded.errors };
      timeline = createTimeline({ scenario: decoded.scenario, commands: [] }, simOptions);
      return { ok: true, view: timeline.sim.view() };
    },
    exportScenarioText: () => `${JSON.stringify(active().record.scenario, null, 2)}\n`,
    explainKey: (key, partitionCount) =>
      explainKeyPartitioning(key === null ? null : utf8Key(key), Math.max(1, Math.floor(partitionCount))),
    importRun(runRecord, timeUs) {
      const decoded = decodeScenario(runRecord.scenario);
      if (!decoded.ok) return { ok: false, errors: decoded.errors };
      timeline = createTimeline(
        {
          scenario: decoded.scenario,
          commands: structuredClone(runRecord.commands),
          ...(runRecord.legacySteps ? { legacySteps: true } : {}),
        },
        simOptions,
      );
      seekTo(timeline, timeUs);
      return { ok: true, view: timeline.sim.view() };
    },
  };
}

export type { MetricsSample, RunRecord };
