// Actions that only change what the UI shows (playback switches, theme, panels, hover): they
// never talk to the engine. Engine-backed actions live in actions.ts.
import { type AddDialog, type ContextTarget, type Inspected, SPEEDS, useStore, ZOOMS } from "./store";

const set = useStore.setState;
const get = useStore.getState;

export function togglePlay(): void {
  set({ playing: !get().playing, lastStepEvents: [], lastStep: null });
}

export function setSpeed(speed: number): void {
  set({ speed });
}

export function changeSpeed(direction: 1 | -1): void {
  const index = SPEEDS.indexOf(get().speed as (typeof SPEEDS)[number]);
  const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (index < 0 ? 3 : index) + direction))]!;
  set({ speed: next });
}

export function dismissNotice(): void {
  set({ notice: null });
}

/** Reads `?presenter`, `?embed` and `?theme=dark|light` (else the system preference). */
export function applyUrlOptions(search: string, prefersDark: boolean): void {
  const params = new URLSearchParams(search);
  const theme = params.get("theme");
  set({
    presenter: params.has("presenter"),
    embed: params.has("embed"),
    theme: theme === "dark" || theme === "light" ? theme : prefersDark ? "dark" : "light",
  });
}

export function togglePresenter(): void {
  set({ presenter: !get().presenter });
}

export function inspect(target: Inspected | null): void {
  set({ inspected: target });
}

export function setShortcutsOpen(open: boolean): void {
  set({ shortcutsOpen: open });
}

export function toggleTheme(): void {
  set({ theme: get().theme === "light" ? "dark" : "light" });
}

export function hoverKey(key: string | null): void {
  if (get().hoveredKey !== key) set({ hoveredKey: key });
}

export function hideKeyCard(): void {
  set({ hoveredKey: null, keyCard: null });
}

export function setShareOpen(open: boolean): void {
  set({ shareOpen: open });
}

export function openContextMenu(target: ContextTarget, x: number, y: number): void {
  set({ contextMenu: { target, x, y }, keyCard: null, hoveredKey: null });
}

export function closeContextMenu(): void {
  set({ contextMenu: null });
}

export function openAddDialog(dialog: AddDialog | null): void {
  set({ addDialog: dialog, contextMenu: null });
}

/** One step in ZOOMS; 0 resets to fit the width. */
export function changeZoom(direction: 1 | -1 | 0): void {
  if (direction === 0) return void set({ zoom: 1 });
  const index = ZOOMS.indexOf(get().zoom as (typeof ZOOMS)[number]);
  const next = ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (index < 0 ? 2 : index) + direction))]!;
  set({ zoom: next });
}

export function toggleSequenceHeartbeats(): void {
  set({ sequenceHeartbeats: !get().sequenceHeartbeats });
}
