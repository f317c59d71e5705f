// The figures the bench reports: name, unit, target and which direction is better. The JSON on
// stdout is one object keyed by figure name, each `{ value, unit, target }`; everything a human
// reads goes to stderr.

export interface FigureSpec {
  readonly unit: string;
  readonly target: number;
  /** "higher": the value should be at least the target; "lower": at most the target. */
  readonly better: "higher" | "lower";
  /** Part of the agreed set (the names other tools read); the rest are extra detail. */
  readonly named: boolean;
  readonly description: string;
}

const spec = (
  unit: string,
  target: number,
  better: "higher" | "lower",
  named: boolean,
  description: string,
): FigureSpec => ({ unit, target, better, named, description });

export const FIGURES = {
  engineLargeRecordsPerSec: spec(
    "records/s",
    1_000_000,
    "higher",
    true,
    "large scenario: records appended to partition logs per wall-clock second (Node, one core)",
  ),
  engineLargeSpeedup: spec("x real time", 20, "higher", true, "large scenario: simulated time / wall time"),
  engineClassroomSpeedup: spec(
    "x real time",
    1000,
    "higher",
    true,
    "classroom scenario: simulated time / wall time",
  ),
  engineClassroomRecordsPerSec: spec(
    "records/s",
    1_000_000,
    "higher",
    false,
    "classroom scenario: records appended per wall-clock second (target: 1000x of 1,000 records/s)",
  ),
  engineLargeStepsPerSec: spec(
    "steps/s",
    1_000_000,
    "higher",
    false,
    "large scenario: scheduler entries processed per wall-clock second",
  ),
  engineLargeWorkerSpeedup: spec(
    "x real time",
    1,
    "higher",
    false,
    "large scenario as the app's worker runs it (createEngineApi: advanceTo every 33 ms with a view, checkpoints), from 15 to 25 simulated s, once the retained-record windows are full",
  ),
  engineClassroomStepsPerSec: spec(
    "steps/s",
    1_000_000,
    "higher",
    false,
    "classroom scenario: scheduler entries processed per wall-clock second",
  ),
  frameP95MsClassroom: spec(
    "ms",
    16.7,
    "lower",
    true,
    "classroom at 1x in Chromium: 95th percentile frame time",
  ),
  frameP95MsLarge: spec("ms", 16.7, "lower", true, "large at 1x in Chromium: 95th percentile frame time"),
  frameP50MsClassroom: spec("ms", 16.7, "lower", false, "classroom at 1x: median frame time"),
  frameP99MsClassroom: spec("ms", 16.7, "lower", false, "classroom at 1x: 99th percentile frame time"),
  frameP50MsLarge: spec("ms", 16.7, "lower", false, "large at 1x: median frame time"),
  frameP99MsLarge: spec("ms", 16.7, "lower", false, "large at 1x: 99th percentile frame time"),
  framesOver16_7msClassroom: spec("count", 0, "lower", false, "classroom at 1x: frame intervals > 16.7 ms"),
  framesOver16_7msLarge: spec("count", 0, "lower", false, "large at 1x: frame intervals > 16.7 ms"),
  droppedFramesClassroom: spec(
    "count",
    0,
    "lower",
    false,
    "classroom at 1x: vsync intervals missed (round(interval / 16.67) - 1, summed)",
  ),
  droppedFramesLarge: spec(
    "count",
    0,
    "lower",
    false,
    "large at 1x: vsync intervals missed (round(interval / 16.67) - 1, summed)",
  ),
  longTasksOver50ms: spec(
    "count",
    0,
    "lower",
    true,
    "main-thread long tasks (> 50 ms, PerformanceObserver 'longtask') while playing both scenarios",
  ),
  longTasksClassroom: spec("count", 0, "lower", false, "long tasks while playing the classroom scenario"),
  longTasksLarge: spec("count", 0, "lower", false, "long tasks while playing the large scenario"),
  simProgressPctLarge: spec(
    "%",
    100,
    "higher",
    false,
    "large at 1x in the browser: simulated time reached / wall time played (the worker keeping up)",
  ),
  simProgressPctClassroom: spec(
    "%",
    100,
    "higher",
    false,
    "classroom at 1x in the browser: simulated time reached / wall time played",
  ),
  assignStickyMs: spec("ms", 1000, "lower", true, "sticky, 1,000 members x 10,000 partitions: worst variant"),
  assignCooperativeStickyMs: spec(
    "ms",
    1000,
    "lower",
    true,
    "cooperative-sticky, 1,000 members x 10,000 partitions: worst variant",
  ),
  assignRangeMs: spec("ms", 1000, "lower", true, "range, 1,000 members x 10,000 partitions: worst variant"),
  assignRoundrobinMs: spec(
    "ms",
    1000,
    "lower",
    true,
    "roundrobin, 1,000 members x 10,000 partitions: worst variant",
  ),
  assignStickyUniformMs: spec("ms", 1000, "lower", false, "sticky, every member subscribes to every topic"),
  assignStickyMixedMs: spec("ms", 1000, "lower", false, "sticky, members subscribe to different topic sets"),
  assignStickyRebalanceMs: spec(
    "ms",
    1000,
    "lower",
    false,
    "sticky, second round (uniform): owned partitions from round one, one member gone, one new",
  ),
  assignCooperativeStickyUniformMs: spec("ms", 1000, "lower", false, "cooperative-sticky, uniform"),
  assignCooperativeStickyMixedMs: spec("ms", 1000, "lower", false, "cooperative-sticky, mixed"),
  assignCooperativeStickyRebalanceMs: spec(
    "ms",
    1000,
    "lower",
    false,
    "cooperative-sticky, second round (uniform): owned partitions, one member gone, one new",
  ),
  assignRangeUniformMs: spec("ms", 1000, "lower", false, "range, uniform"),
  assignRangeMixedMs: spec("ms", 1000, "lower", false, "range, mixed"),
  assignRoundrobinUniformMs: spec("ms", 1000, "lower", false, "roundrobin, uniform"),
  assignRoundrobinMixedMs: spec("ms", 1000, "lower", false, "roundrobin, mixed"),
  seekMs: spec(
    "ms",
    100,
    "lower",
    true,
    "classroom: after 11 simulated minutes, seek back 10 minutes through createEngineApi() (median of 5, fresh process)",
  ),
  seekMaxMs: spec("ms", 100, "lower", false, "classroom: the slowest of those 5 seeks back"),
  seekForwardMs: spec(
    "ms",
    100,
    "lower",
    false,
    "classroom: seek forward 10 minutes again, to a later checkpoint (median of 5)",
  ),
  initialJsGzipBytes: spec(
    "bytes",
    256_000,
    "lower",
    true,
    "production build: gzip (node:zlib, default level) of the JavaScript index.html loads",
  ),
  workerJsGzipBytes: spec(
    "bytes",
    256_000,
    "lower",
    false,
    "production build: gzip of the JavaScript not loaded by index.html (the engine worker)",
  ),
  workerHeapGrowthPct: spec(
    "%",
    50,
    "lower",
    true,
    "large scenario in Node: heap used at the end vs after 30 simulated s (bounded windows full), after gc",
  ),
  workerHeapGrowthFromLoadPct: spec(
    "%",
    1000,
    "lower",
    false,
    "large scenario in Node: heap used at the end vs right after load (includes filling the bounded windows)",
  ),
  workerHeapSimulatedSeconds: spec(
    "s",
    3600,
    "higher",
    false,
    "simulated seconds the heap figure covers (it stops after ~100 s wall, no extrapolation)",
  ),
  workerHeapAfterMB: spec("MB", 256, "lower", false, "large scenario: heap used after the measured span"),
} as const satisfies Record<string, FigureSpec>;

export type FigureName = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];

export function isFigureName(name: string): name is FigureName {
  return Object.hasOwn(FIGURES, name);
}

export interface FigureValue {
  value: number;
  unit: string;
  target: number;
}

export type Measured = Partial<Record<FigureName, number>>;

/** Rounds for display and JSON: integers stay integers, the rest keep 3 significant decimals. */
export function roundValue(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Number.isInteger(value)) return value;
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 2 : 4;
  return Number(value.toFixed(digits));
}

/** The stdout object: requested figures in FIGURES order, each `{ value, unit, target }`. */
export function toJson(measured: Measured): Record<string, FigureValue> {
  const out: Record<string, FigureValue> = {};
  for (const name of FIGURE_NAMES) {
    const value = measured[name];
    if (value === undefined) continue;
    out[name] = { value: roundValue(value), unit: FIGURES[name].unit, target: FIGURES[name].target };
  }
  return out;
}

/** Judged on the reported (rounded) value, so the verdict matches the number printed next to it. */
export function meetsTarget(name: FigureName, value: number): boolean {
  const { target, better } = FIGURES[name];
  const reported = roundValue(value);
  return better === "higher" ? reported >= target : reported <= target;
}

/** A plain-text table for stderr. */
export function formatTable(measured: Measured): string {
  const rows = FIGURE_NAMES.filter((n) => measured[n] !== undefined).map((name) => {
    const value = measured[name]!;
    const { unit, target, better, named } = FIGURES[name];
    const mark = meetsTarget(name, value) ? "met" : "MISSED";
    const cmp = better === "higher" ? ">=" : "<=";
    return `${named ? "*" : " "} ${name.padEnd(36)} ${String(roundValue(value)).padStart(12)} ${unit.padEnd(12)} target ${cmp} ${target}  ${mark}`;
  });
  return `${rows.join("\n")}\n(* the named figures)`;
}
