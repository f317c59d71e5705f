// One Zustand store built from slices: simulation (what the engine last reported), playback (the
// playhead and speed) and ui (theme, selection). Actions live in actions.ts as module functions.
import { create } from "zustand";
import type { KeyPartitionExplanation, MetricsSample } from "../../engine/api";
import type { DomainEvent } from "../../engine/events";
import type { MessageView, SimView } from "../../engine/view";

export interface SimulationSlice {
  view: SimView | null;
  /** Timeline markers gathered from the events the views carried (kept across seeks). */
  markers: import("../lessons/milestones").TimelineMarker[];
  /** Metrics samples for the charts, fetched while the charts are open. */
  metrics: MetricsSample[];
  /** Events emitted by the last single step, highlighted in the narration. */
  lastStepEvents: DomainEvent[];
  /** What the last single step processed (a delivery, a timer), narrated even when nothing changed. */
  lastStep: { index: number; atUs: number; kind: string | null } | null;
  /** The worker died: shown with a restart button; the run's inputs are kept to rebuild it. */
  engineError: string | null;
  /** A rejected input (scenario, command): shown as a message; the current run is kept. */
  notice: { kind: "error" | "info"; text: string } | null;
}

export interface PlaybackSlice {
  playing: boolean;
  /** Simulated time per wall-clock time: 1 = real time, 0.1 = ten times slower. */
  speed: number;
  playheadUs: number;
  /** The furthest simulated time reached in this run: the scrubber's right end. */
  horizonUs: number;
}

export interface KeyCardState {
  key: string | null;
  topic: string;
  partition: number;
  offset: number;
  partitionCount: number;
  /** Pointer position in the viewport, where the card appears. */
  x: number;
  y: number;
  rows: KeyPartitionExplanation[];
}

/** Something in the scene: ids are client ids, group ids, broker numbers, "topic-partition" keys. */
export type Inspected =
  | { kind: "producer" | "consumer" | "group" | "broker" | "partition"; id: string }
  /** A message is gone once delivered, so the inspector keeps the copy it was opened with. */
  | { kind: "message"; id: string; message: MessageView }
  /** Records scroll out of the window; the inspector keeps the copy it was opened with. */
  | { kind: "record"; id: string; record: RecordRef };

/** A record and where it sits, as a cell of the scene shows it. */
export interface RecordRef {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  producerId: string;
  timestampUs: number;
  partitionCount: number;
}

/** What a right click (or the context-menu key) was on: an element, or the scene's background. */
export type ContextTarget = Inspected | { kind: "scene"; id: "" };

/** The small forms that add things to a run (from the Add menu and the context menus). */
export type AddDialog =
  | { kind: "addProducer"; topic?: string }
  | { kind: "addGroup"; topic?: string }
  | { kind: "addPartitions"; topic: string };

export const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** The dock's tabs: the narration, the lag charts, the rebalance sequence diagram. */
export type DockTab = "narration" | "charts" | "sequence";

export interface UiSlice {
  theme: "light" | "dark";
  /** Large type, high contrast, editing chrome hidden: for projectors. */
  presenter: boolean;
  /** `?embed`: the scene and its controls only, for slides and course pages. */
  embed: boolean;
  shortcutsOpen: boolean;
  shareOpen: boolean;
  lessonsOpen: boolean;
  /** The scenario editor's starting draft while it is open. */
  editorDraft: import("../panels/scenario-draft").ScenarioDraft | null;
  /** The preset lessons, as the worker lists them. */
  presets: { id: string; title: string; learn: string[] }[];
  /** Captions of the current lesson reached so far (to pause when a new pausing one is reached). */
  reachedCaptions: number[];
  /** What the side inspector shows, if open. */
  inspected: Inspected | null;
  hoveredKey: string | null;
  keyCard: KeyCardState | null;
  /** An open context menu, at viewport coordinates. */
  contextMenu: { target: ContextTarget; x: number; y: number } | null;
  addDialog: AddDialog | null;
  /** Scene zoom (1 = fit the width); above 1 the scene scrolls. */
  zoom: number;
  dockTab: DockTab;
  /** The group the sequence diagram shows (null: the first one). */
  sequenceGroupId: string | null;
  /** Draw every heartbeat as an arrow (otherwise routine ones are ticks on the member's lane). */
  sequenceHeartbeats: boolean;
}

export type StoreState = SimulationSlice & PlaybackSlice & UiSlice;

export const SPEEDS = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 100] as const;

export const useStore = create<StoreState>()(() => ({
  view: null,
  metrics: [],
  markers: [],
  lastStepEvents: [],
  lastStep: null,
  engineError: null,
  notice: null,
  playing: false,
  speed: 0.1,
  playheadUs: 0,
  horizonUs: 0,
  theme: "light",
  presenter: false,
  embed: false,
  shortcutsOpen: false,
  shareOpen: false,
  lessonsOpen: false,
  editorDraft: null,
  presets: [],
  reachedCaptions: [],
  inspected: null,
  hoveredKey: null,
  keyCard: null,
  contextMenu: null,
  addDialog: null,
  zoom: 1,
  dockTab: "narration",
  sequenceGroupId: null,
  sequenceHeartbeats: false,
}));
