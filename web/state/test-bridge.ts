// A small, typed bridge for end-to-end tests and benchmarks: Playwright drives the real worker
// through it (installed as window.__topicscope by main.tsx).
import { ensurePresetList, runCommand, showView, startEngine, viewOptions, withEngine } from "./actions";
import { useStore } from "./store";

const set = useStore.setState;
const get = useStore.getState;

export interface TestBridge {
  advanceTo(timeMs: number): Promise<{ nowUs: number; eventLogHash: string; stepCount: number }>;
  /** Jumps to a moment as the timeline does, backwards too. */
  seek(timeMs: number): Promise<{ nowUs: number; eventLogHash: string }>;
  hash(): Promise<string>;
  /** The preset lessons (ids and titles) and the current scenario's duration. */
  presets(): Promise<{ id: string; title: string }[]>;
  durationMs(): number;
  /** Makes the worker throw from a call, to exercise the failure path end to end. */
  breakEngine(): Promise<void>;
  /** Loads a scenario as the app would (tests and benchmarks); resolves to the errors, if any. */
  load(scenario: unknown): Promise<string[]>;
  /** Applies a command as the UI would; resolves to the error message, if any. */
  apply(command: unknown): Promise<string | null>;
  play(speed: number): void;
}

export function testBridge(): TestBridge {
  return {
    async advanceTo(timeMs) {
      set({ playing: false });
      const view = await withEngine((engine) => engine.advanceTo(timeMs * 1000, viewOptions()));
      showView(view);
      set({ playheadUs: view.nowUs });
      return { nowUs: view.nowUs, eventLogHash: view.eventLogHash, stepCount: view.stepCount };
    },
    async seek(timeMs) {
      set({ playing: false });
      const view = await withEngine((engine) => engine.seek(timeMs * 1000, viewOptions()));
      showView(view);
      set({ playheadUs: view.nowUs, lastStepEvents: [], lastStep: null });
      return { nowUs: view.nowUs, eventLogHash: view.eventLogHash };
    },
    hash: async () =>
      (await withEngine((engine) => engine.view({ recordsPerPartition: 0, recentEvents: 0 }))).eventLogHash,
    async load(scenario) {
      await startEngine(scenario);
      const notice = get().notice;
      return notice?.kind === "error" ? [notice.text] : [];
    },
    apply: (command) => runCommand(command),
    play(speed) {
      set({ speed, playing: true });
    },
    async presets() {
      await ensurePresetList();
      return get().presets.map(({ id, title }) => ({ id, title }));
    },
    durationMs: () => get().view?.durationMs ?? 0,
    async breakEngine() {
      await withEngine((engine) =>
        (engine as unknown as { missingFunction(): Promise<void> }).missingFunction(),
      ).catch(() => undefined);
    },
  };
}
