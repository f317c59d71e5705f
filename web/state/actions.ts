// Store actions as module-level functions. They talk to the engine only through the engine client
// and only write the store; components call them and read narrow selectors.

import type { ApplyResult, KeyPartitionExplanation, LoadResult } from "../../engine/api";
import type { SimView, ViewOptions } from "../../engine/view";
import helloScenario from "../../examples/hello.json";
import { createEngineClient, type EngineClient, type EngineRemote, type RunRecord } from "../engine-client";
import { nextTimedPauseUs, reachedCaptions } from "../lessons/captions";
import { milestoneOf, type TimelineMarker } from "../lessons/milestones";
import { draftOf } from "../panels/scenario-draft";
import { type DockTab, useStore } from "./store";
import { hoverKey } from "./ui-actions";

/** How far back the sequence diagram can reach; it shows what fits, idle stretches compressed. */
const SEQUENCE_WINDOW_US = 60_000_000;

/** What each view carries: a window of records and events, and the milestones not seen yet. */
export function viewOptions(): ViewOptions {
  const { markers, dockTab, sequenceGroupId } = get();
  const seen = markers.reduce((max, m) => Math.max(max, m.id), -1);
  return {
    // The most any part of the UI draws: 9 cells in a compact row, 8 in a comfortable one, the
    // partition inspector's 12 newest records.
    recordsPerPartition: 12,
    recentEvents: 160,
    milestonesAfter: seen,
    // The protocol history only travels while the sequence diagram is open.
    ...(dockTab === "sequence"
      ? { protocolHistory: { groupId: sequenceGroupId, windowUs: SEQUENCE_WINDOW_US } }
      : {}),
  };
}

let client: EngineClient | null = null;
/** The last known inputs of the run, kept on the main thread so a dead worker can be rebuilt. */
let lastRecord: RunRecord | null = null;

const set = useStore.setState;
const get = useStore.getState;

function fatal(message: string): void {
  set({ engineError: message, playing: false });
}

async function remember(): Promise<void> {
  lastRecord = (await client?.call((engine) => engine.exportRun())) ?? lastRecord;
}

export async function startEngine(scenario: unknown = helloScenario): Promise<void> {
  client?.terminate();
  client = createEngineClient(fatal);
  set({
    engineError: null,
    playing: false,
    playheadUs: 0,
    horizonUs: 0,
    lastStepEvents: [],
    lastStep: null,
    markers: [],
  });
  const result = await client.call<LoadResult>((engine) => engine.load(scenario));
  if (!result.ok) {
    set({ notice: { kind: "error", text: `This scenario cannot run: ${result.errors.join("; ")}` } });
    return;
  }
  showView(result.view);
  set({ playheadUs: result.view.nowUs });
  await remember();
}

/**
 * Starts from the page's address: a share link (`#s=…&t=…`) reproduces that run at that moment;
 * a broken link gets a message naming what is wrong, and the default scenario runs instead.
 */
export async function startFromLocation(hash: string): Promise<void> {
  const preset = /(?:^#|&)p=([a-z0-9-]+)/.exec(hash)?.[1];
  if (preset) return loadPresetLesson(preset);
  if (!/(^#|&)s=/.test(hash)) return startEngine();
  client?.terminate();
  client = createEngineClient(fatal);
  set({ engineError: null, playing: false, lastStepEvents: [], lastStep: null, markers: [] });
  const result = await client.call<LoadResult>((engine) => engine.loadShareLink(hash));
  if (!result.ok) {
    await startEngine();
    set({
      notice: {
        kind: "error",
        text: `This link cannot be opened: ${result.errors.join("; ")}. Showing the default scenario instead.`,
      },
    });
    return;
  }
  showView(result.view);
  set({ playheadUs: result.view.nowUs, horizonUs: result.view.nowUs });
  await remember();
}

/** Sets the view; while playing, reaching a caption that pauses stops the run there. */
const MARKERS_MAX = 300;

/** Adds the milestones among the view's recent events to the timeline markers (deduplicated). */
function collectMarkers(view: SimView): TimelineMarker[] {
  const markers = get().markers;
  const known = new Set(markers.map((m) => m.id));
  const fresh = view.milestoneEvents.flatMap((e) => {
    const marker = known.has(e.index) ? null : milestoneOf(e);
    return marker ? [marker] : [];
  });
  if (fresh.length === 0) return markers;
  return [...markers, ...fresh].sort((a, b) => a.atUs - b.atUs).slice(-MARKERS_MAX);
}

export function showView(view: SimView): void {
  const reached = reachedCaptions(view);
  const before = new Set(get().reachedCaptions);
  const pauses = reached.some((i) => !before.has(i) && view.lesson?.captions[i]?.pause);
  set({
    view,
    markers: collectMarkers(view),
    reachedCaptions: reached,
    horizonUs: Math.max(get().horizonUs, view.nowUs),
    ...(pauses && get().playing ? { playing: false, playheadUs: view.nowUs } : {}),
  });
}

export async function ensurePresetList(): Promise<void> {
  if (!client || get().presets.length > 0) return;
  const presets = await client.call((engine) => engine.listPresets());
  set({ presets });
}

/** Opens a preset lesson (its short link is `#p=<id>`); an unknown id falls back to the default. */
export async function loadPresetLesson(id: string): Promise<void> {
  if (!client || get().engineError) {
    client?.terminate();
    client = createEngineClient(fatal);
  }
  const result = await client.call<LoadResult>((engine) => engine.loadPreset(id));
  set({
    engineError: null,
    playing: false,
    lessonsOpen: false,
    lastStepEvents: [],
    lastStep: null,
    reachedCaptions: [],
    markers: [],
  });
  if (!result.ok) {
    await startEngine();
    set({
      notice: { kind: "error", text: `${result.errors.join("; ")}. Showing the default scenario instead.` },
    });
    return;
  }
  window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}#p=${id}`);
  set({ playheadUs: result.view.nowUs, horizonUs: 0 });
  showView(result.view);
  await Promise.all([remember(), ensurePresetList()]);
}

/** Shows a dock tab; the sequence diagram needs a view with the protocol history, so ask for one. */
export async function showDockTab(tab: DockTab, sequenceGroupId = get().sequenceGroupId): Promise<void> {
  set({ dockTab: tab, sequenceGroupId });
  if (tab !== "sequence" || !client) return;
  const view = await client.call((engine) => engine.view(viewOptions()));
  showView(view);
}

/** Fetches the engine's metrics samples for the charts; skipped while the worker is busy. */
export async function refreshMetrics(): Promise<void> {
  if (!client || client.busy()) return;
  const metrics = await client.call((engine) => engine.metrics());
  set({ metrics });
}

export function setLessonsOpen(open: boolean): void {
  set({ lessonsOpen: open });
  if (open) void ensurePresetList();
}

/** The address of this exact run at this moment; also put in the address bar and on the clipboard. */
export async function copyShareLink(): Promise<void> {
  if (!client) return;
  const playheadUs = Math.floor(get().view?.nowUs ?? 0);
  const fragment = await client.call((engine) => engine.shareFragment(playheadUs));
  const url = `${window.location.origin}${window.location.pathname}${window.location.search}#${fragment}`;
  window.history.replaceState(null, "", url);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard permission (an insecure origin, say): the address bar holds the link anyway.
  }
  set({
    shareOpen: false,
    notice: {
      kind: "info",
      text: `${copied ? "Link copied" : "The address bar now holds the link"}: it opens this exact run at t = ${(playheadUs / 1e6).toFixed(3)} s.`,
    },
  });
}

export async function exportScenarioFile(): Promise<void> {
  if (!client) return;
  const text = await client.call((engine) => engine.exportScenarioText());
  const title = get().view?.title ?? "scenario";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  link.download = `${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "scenario"
  }.json`;
  link.click();
  URL.revokeObjectURL(link.href);
  set({ shareOpen: false });
}

/** Imports a scenario file; an invalid one is reported and the current run is kept. */
export async function importScenarioFile(file: File): Promise<void> {
  if (!client) return;
  set({ shareOpen: false });
  if (file.size > 2_000_000) {
    set({
      notice: {
        kind: "error",
        text: `${file.name} is too large to be a scenario (over 2 MB). The current run is kept.`,
      },
    });
    return;
  }
  const text = await file.text();
  const result = await client.call<LoadResult>((engine) => engine.loadScenarioText(text));
  if (!result.ok) {
    set({
      notice: {
        kind: "error",
        text: `${file.name} is not a valid scenario: ${result.errors.slice(0, 5).join("; ")}. The current run is kept.`,
      },
    });
    return;
  }
  await startNewRun(result.view, `Loaded ${file.name}.`);
}

/** A freshly loaded scenario replaces the run: playhead, markers and captions start over. */
async function startNewRun(view: SimView, message: string): Promise<void> {
  set({ markers: [], reachedCaptions: [], horizonUs: 0 });
  showView(view);
  set({
    playheadUs: 0,
    horizonUs: 0,
    playing: false,
    shareOpen: false,
    editorDraft: null,
    lastStepEvents: [],
    lastStep: null,
    notice: { kind: "info", text: message },
  });
  await remember();
}

/** Opens the scenario editor on the current scenario, or closes it. */
export async function setEditorOpen(open: boolean): Promise<void> {
  if (!open || !client) {
    set({ editorDraft: null });
    return;
  }
  const text = await client.call((engine) => engine.exportScenarioText());
  set({ shareOpen: false, editorDraft: draftOf(JSON.parse(text)) });
}

/** Restarts the run with an edited scenario; resolves to the problems, the run kept, if invalid. */
export async function applyEditedScenario(scenario: unknown): Promise<string[]> {
  if (!client) return ["the simulation is not running"];
  const result = await client.call<LoadResult>((engine) => engine.load(scenario));
  if (!result.ok) return result.errors;
  await startNewRun(result.view, "Scenario applied: the run restarted with it.");
  return [];
}

/** Runs `task` on the engine (the test bridge's door into the worker). */
export function withEngine<T>(task: (engine: EngineRemote) => Promise<T>): Promise<T> {
  if (!client) return Promise.reject(new Error("the simulation is not running"));
  return client.call(task);
}

/** Rebuilds the worker from the last recorded run, at the current playhead. */
export async function restartEngine(): Promise<void> {
  const record = lastRecord;
  const atUs = get().playheadUs;
  client?.terminate();
  client = createEngineClient(fatal);
  set({ engineError: null });
  if (!record) return startEngine();
  const result = await client.call<LoadResult>((engine) => engine.importRun(record, atUs));
  if (result.ok)
    set({
      view: result.view,
      playheadUs: result.view.nowUs,
      notice: { kind: "info", text: "Simulation restarted where it stopped." },
    });
  else await startEngine();
}

/** Processes exactly one engine event and moves the playhead to it. */
export async function stepOnce(): Promise<void> {
  if (!client) return;
  set({ playing: false });
  const { view, events, kind } = await client.call((engine) => engine.step(viewOptions()));
  showView(view);
  set({
    lastStepEvents: events,
    lastStep: { index: view.stepCount, atUs: view.nowUs, kind },
    playheadUs: view.nowUs,
    horizonUs: Math.max(get().horizonUs, view.nowUs),
  });
}

/** Steps until the next group-protocol message or the next state change, narrating that step. */
export async function stepToNext(target: "protocol" | "stateChange"): Promise<void> {
  if (!client) return;
  set({ playing: false });
  const result = await client.call((engine) => engine.stepTo(target, viewOptions()));
  showView(result.view);
  set({
    lastStepEvents: result.events,
    lastStep: { index: result.view.stepCount, atUs: result.view.nowUs, kind: result.kind },
    playheadUs: result.view.nowUs,
    ...(result.found
      ? {}
      : {
          notice: {
            kind: "info" as const,
            text: `Nothing of that kind happened in the next ${result.steps} steps.`,
          },
        }),
  });
}

/** Goes back exactly one step (replaying from the nearest checkpoint in the worker). */
export async function stepBackOnce(): Promise<void> {
  if (!client) return;
  set({ playing: false });
  const view = await client.call((engine) => engine.stepBack(viewOptions()));
  showView(view);
  set({ lastStepEvents: [], lastStep: null, playheadUs: view.nowUs });
}

let pendingSeekUs: number | null = null;

/** Scrubbing: jumps the run to `timeUs`; while a seek runs, only the latest request is kept. */
export function seekTo(timeUs: number): void {
  if (!client) return;
  set({ playing: false, playheadUs: timeUs, lastStepEvents: [], lastStep: null });
  const first = pendingSeekUs === null;
  pendingSeekUs = timeUs;
  if (!first) return;
  const run = async () => {
    while (pendingSeekUs !== null) {
      const target = pendingSeekUs;
      const view = await client!.call((engine) => engine.seek(Math.round(target), viewOptions()));
      if (pendingSeekUs === target) {
        pendingSeekUs = null;
        showView(view);
        set({ playheadUs: view.nowUs });
      }
    }
  };
  void run().catch(() => {
    pendingSeekUs = null;
  });
}

/**
 * While playing, a new view (and so a re-render of the whole scene) is asked for at most this
 * often; in between, only the messages move, interpolated at the playhead every frame. 30 views a
 * second keeps offsets and markers fluid and halves the main thread's rendering work.
 */
const VIEW_INTERVAL_MS = 33;
/**
 * A scene that takes long to draw a view (a dense one: hundreds of partitions, dozens of clients)
 * gets views less often: at most one every COST_FACTOR times its last drawing time, so drawing
 * takes at most a fifth of the main thread and the frames in between stay smooth; never fewer
 * than 4 a second.
 */
const COST_FACTOR = 5;
const MAX_VIEW_INTERVAL_MS = 250;
let lastViewRequestMs = Number.NEGATIVE_INFINITY;
let viewIntervalMs = VIEW_INTERVAL_MS;
/** When the last view asked for while playing reached the store, until the scene has drawn it. */
let undrawnSinceMs: number | null = null;

/** The scene calls this when it has drawn a new view: the time it took sets the next interval. */
export function sceneDrewView(nowMs: number = performance.now()): void {
  if (undrawnSinceMs === null) return;
  const costMs = nowMs - undrawnSinceMs;
  undrawnSinceMs = null;
  viewIntervalMs = Math.min(MAX_VIEW_INTERVAL_MS, Math.max(VIEW_INTERVAL_MS, costMs * COST_FACTOR));
}

/** Called every animation frame while playing: advance the playhead, ask the engine to catch up. */
export function advancePlayhead(wallDeltaMs: number, nowMs: number = performance.now()): void {
  const { playing, speed, playheadUs } = get();
  if (!playing || !client) return;
  // A long gap (background tab) must not fast-forward minutes of simulated time in one frame.
  const deltaUs = Math.min(wallDeltaMs, 100) * 1000 * speed;
  const view = get().view;
  // A caption that pauses at a time stops the playhead exactly there.
  const pauseAtUs = view ? nextTimedPauseUs(view, playheadUs) : null;
  const target = pauseAtUs !== null ? Math.min(playheadUs + deltaUs, pauseAtUs) : playheadUs + deltaUs;
  set({ playheadUs: target });
  // The next view waits for the scene to draw the last one (for at most MAX_VIEW_INTERVAL_MS).
  const undrawn = undrawnSinceMs !== null && nowMs - undrawnSinceMs < MAX_VIEW_INTERVAL_MS;
  if (client.busy() || undrawn || nowMs - lastViewRequestMs < viewIntervalMs) return;
  lastViewRequestMs = nowMs;
  void client
    .call((engine) => engine.advanceTo(Math.floor(target), viewOptions()))
    .then((view) => {
      undrawnSinceMs = performance.now();
      showView(view);
    })
    .catch(() => undefined);
}

/** Applies a command; resolves to the engine's error text, or null when applied. */
export async function runCommand(command: unknown): Promise<string | null> {
  if (!client) return "the simulation is not running";
  const result = await client.call<ApplyResult>((engine) => engine.apply(command, viewOptions()));
  if (!result.ok) return result.error;
  // A command in the past forks the run: the markers of the old future go with it.
  set({ markers: get().markers.filter((m) => m.atUs <= result.view.nowUs) });
  showView(result.view);
  set({ lastStepEvents: result.events });
  await remember();
  return null;
}

/** Applies a command from the scene; a refusal shows as a notice and the run is untouched. */
export async function applyCommand(command: unknown): Promise<void> {
  const error = await runCommand(command);
  if (error !== null) set({ notice: { kind: "error", text: `Not applied: ${error}` } });
}

/** Restarts a producer with a new config; resolves to Kafka's error text, or null when applied. */
export function restartProducerWith(
  producerId: string,
  config: Record<string, unknown>,
): Promise<string | null> {
  return runCommand({ type: "restartProducer", producerId, config });
}

/** Hovering a record: highlight its key everywhere and explain which partition each client picks. */
export async function showKeyCard(
  record: { key: string | null; topic: string; partition: number; offset: number; partitionCount: number },
  x: number,
  y: number,
): Promise<void> {
  hoverKey(record.key);
  if (!client) return;
  const rows = await client.call<KeyPartitionExplanation[]>((engine) =>
    engine.explainKey(record.key, record.partitionCount),
  );
  if (get().hoveredKey === record.key) set({ keyCard: { ...record, x, y, rows } });
}
