// The bench driver: runs the measurement groups that the requested figures need, logs progress
// and a table to stderr, and returns the figures (bench.ts prints them as one JSON object).
import { cpus, loadavg, totalmem } from "node:os";
import type { BenchOptions } from "./args";
import { measureAssignors } from "./assignors";
import { measureBundle } from "./build";
import { measureEngine, measureSeek, type RunContext } from "./engine";
import { type FigureName, formatTable, type Measured } from "./figures";
import { measureFrames } from "./frames";
import { measureMemory } from "./memory";
import { detectGroupMode } from "./scenarios";

interface Group {
  name: string;
  figures: readonly FigureName[];
  run(ctx: RunContext, wanted: ReadonlySet<FigureName>): Promise<Measured>;
}

const GROUPS: readonly Group[] = [
  {
    name: "bundle",
    figures: ["initialJsGzipBytes", "workerJsGzipBytes"],
    run: (ctx) => measureBundle(ctx),
  },
  {
    name: "assignors",
    figures: [
      "assignStickyMs",
      "assignCooperativeStickyMs",
      "assignRangeMs",
      "assignRoundrobinMs",
      "assignStickyUniformMs",
      "assignStickyMixedMs",
      "assignStickyRebalanceMs",
      "assignCooperativeStickyUniformMs",
      "assignCooperativeStickyMixedMs",
      "assignCooperativeStickyRebalanceMs",
      "assignRangeUniformMs",
      "assignRangeMixedMs",
      "assignRoundrobinUniformMs",
      "assignRoundrobinMixedMs",
    ],
    run: (ctx, wanted) => measureAssignors(ctx, wanted),
  },
  {
    name: "engine",
    figures: [
      "engineLargeRecordsPerSec",
      "engineLargeSpeedup",
      "engineClassroomSpeedup",
      "engineClassroomRecordsPerSec",
      "engineLargeStepsPerSec",
      "engineClassroomStepsPerSec",
      "engineLargeWorkerSpeedup",
    ],
    run: (ctx) => measureEngine(ctx),
  },
  { name: "seek", figures: ["seekMs", "seekMaxMs", "seekForwardMs"], run: (ctx) => measureSeek(ctx) },
  {
    name: "memory",
    figures: [
      "workerHeapGrowthPct",
      "workerHeapGrowthFromLoadPct",
      "workerHeapSimulatedSeconds",
      "workerHeapAfterMB",
    ],
    run: (ctx) => measureMemory(ctx),
  },
  {
    name: "frames",
    figures: [
      "frameP95MsClassroom",
      "frameP95MsLarge",
      "frameP50MsClassroom",
      "frameP99MsClassroom",
      "frameP50MsLarge",
      "frameP99MsLarge",
      "framesOver16_7msClassroom",
      "framesOver16_7msLarge",
      "droppedFramesClassroom",
      "droppedFramesLarge",
      "longTasksOver50ms",
      "longTasksClassroom",
      "longTasksLarge",
      "simProgressPctClassroom",
      "simProgressPctLarge",
    ],
    run: (ctx) => measureFrames(ctx),
  },
];

export function groupsFor(wanted: ReadonlySet<FigureName>): Group[] {
  return GROUPS.filter((g) => g.figures.some((f) => wanted.has(f)));
}

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
}

export async function runBench(options: BenchOptions, log: (line: string) => void): Promise<Measured> {
  const ctx: RunContext = { quick: options.quick, log };
  log(
    `topicscope bench${options.quick ? " (--quick: short smoke run, not for the record)" : ""}: ` +
      `${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ` +
      `consumer groups built as ${detectGroupMode().mode} consumers; load average ${loadAverage()}`,
  );
  const measured: Measured = {};
  for (const group of groupsFor(options.only)) {
    const started = performance.now();
    log(`== ${group.name}`);
    Object.assign(measured, await group.run(ctx, options.only));
    log(`== ${group.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  log(`load average at the end: ${loadAverage()} (other work on the machine skews the figures)`);
  const selected: Measured = {};
  for (const name of options.only) if (measured[name] !== undefined) selected[name] = measured[name];
  log(formatTable(selected));
  return selected;
}
