// Engine throughput in this Node process (one core: the simulation is single-threaded), and seek
// in a child process.
import { createEngineApi } from "../../engine/api";
import { decodeScenario } from "../../engine/scenario/decode";
import type { Scenario } from "../../engine/scenario/schema";
import { createSimulation, type Simulation } from "../../engine/simulation";
import { runChildJson } from "./child";
import type { Measured } from "./figures";
import { type BenchScenario, classroomScenario, largeScenario } from "./scenarios";
import { median } from "./stats";

export interface RunContext {
  quick: boolean;
  log: (line: string) => void;
}

export function decodeOrThrow(bench: BenchScenario): Scenario {
  const decoded = decodeScenario(bench.scenario);
  if (!decoded.ok) throw new Error(`${bench.name} scenario does not decode: ${decoded.errors.join("; ")}`);
  return decoded.scenario;
}

/** Records appended to partition logs so far (the sum of log end offsets). */
export function recordsAppended(sim: Simulation): number {
  let total = 0;
  for (const topic of sim.view({ recordsPerPartition: 0, recentEvents: 0 }).topics) {
    for (const p of topic.partitions) total += p.logEndOffset;
  }
  return total;
}

interface Throughput {
  simUs: number;
  wallMs: number;
  records: number;
  steps: number;
}

/** Runs a fresh simulation in simulated chunks until `wallBudgetMs` of wall time has passed. */
function runFor(scenario: Scenario, wallBudgetMs: number, chunkUs: number): Throughput {
  const sim = createSimulation(scenario);
  const start = performance.now();
  let target = 0;
  while (performance.now() - start < wallBudgetMs) {
    target += chunkUs;
    sim.runUntil(target);
  }
  const wallMs = performance.now() - start;
  return { simUs: sim.nowUs(), wallMs, records: recordsAppended(sim), steps: sim.stepCount() };
}

export async function measureEngine(ctx: RunContext): Promise<Measured> {
  const out: Measured = {};
  const runs = ctx.quick ? 1 : 3;
  const budgetMs = ctx.quick ? 300 : 2500;
  for (const bench of [classroomScenario(), largeScenario()]) {
    const scenario = decodeOrThrow(bench);
    const chunkUs = bench.name === "large" ? 10_000 : 100_000;
    ctx.log(`engine ${bench.name} (${bench.groupMode} consumers): warm-up`);
    runFor(scenario, ctx.quick ? 200 : 1500, chunkUs);
    const results: Throughput[] = [];
    for (let i = 0; i < runs; i++) {
      const r = runFor(scenario, budgetMs, chunkUs);
      ctx.log(
        `engine ${bench.name} run ${i + 1}/${runs}: ${(r.simUs / 1e6).toFixed(2)} s simulated in ${(r.wallMs / 1000).toFixed(2)} s wall, ${r.records} records, ${r.steps} steps`,
      );
      results.push(r);
    }
    const speedup = median(results.map((r) => r.simUs / 1000 / r.wallMs));
    const recordsPerSec = median(results.map((r) => r.records / (r.wallMs / 1000)));
    const stepsPerSec = median(results.map((r) => r.steps / (r.wallMs / 1000)));
    if (bench.name === "large") {
      out.engineLargeSpeedup = speedup;
      out.engineLargeRecordsPerSec = recordsPerSec;
      out.engineLargeStepsPerSec = stepsPerSec;
    } else {
      out.engineClassroomSpeedup = speedup;
      out.engineClassroomRecordsPerSec = recordsPerSec;
      out.engineClassroomStepsPerSec = stepsPerSec;
    }
  }
  out.engineLargeWorkerSpeedup = measureWorkerPath(ctx);
  return out;
}

/**
 * The large scenario as the app's worker runs it while playing: `advanceTo` every 33 simulated ms
 * with a view, checkpoints included, from 15 to 25 simulated s (after the first 15, the retained
 * record windows are full and the run is in its steady state). Below 1x the app cannot play it in
 * real time.
 */
function measureWorkerPath(ctx: RunContext): number {
  const fromMs = ctx.quick ? 2_000 : 15_000;
  const toMs = ctx.quick ? 3_000 : 25_000;
  const api = createEngineApi();
  const loaded = api.load(largeScenario().scenario);
  if (!loaded.ok) throw new Error(loaded.errors.join("; "));
  api.advanceTo(fromMs * 1000, { recordsPerPartition: 0, recentEvents: 0 });
  const start = performance.now();
  for (let ms = fromMs + 33; ms <= toMs; ms += 33)
    api.advanceTo(ms * 1000, { recordsPerPartition: 12, recentEvents: 160 });
  const wallMs = performance.now() - start;
  ctx.log(
    `engine large, worker path: ${fromMs / 1000} -> ${toMs / 1000} simulated s in ${(wallMs / 1000).toFixed(2)} s wall (views every 33 ms, checkpoints)`,
  );
  return (toMs - fromMs) / wallMs;
}

/**
 * Classroom scenario through the worker's API object: run 11 simulated minutes, then seek back 10
 * (the timeline restores the nearest checkpoint and replays from it). `--quick` runs 66 s and
 * seeks back 60 s.
 */
export interface SeekResult {
  advanceMs: number;
  /** Wall ms of each seek back. */
  back: number[];
  /** Wall ms of each seek forward to the end again (restoring a later checkpoint). */
  forward: number[];
  landedUs: number;
}

/**
 * Seek in the classroom scenario, in a child process (a fresh isolate holding only the engine, as
 * the worker does; measured in this process, a seek could pay for a collection of garbage the
 * other benches left). Five rounds back and forward; the figure is the median seek back.
 */
export async function measureSeek(ctx: RunContext): Promise<Measured> {
  const endMs = ctx.quick ? 66_000 : 11 * 60_000;
  const backMs = ctx.quick ? 60_000 : 10 * 60_000;
  ctx.log(`seek: advancing the classroom scenario to ${endMs / 1000} simulated s, in a child process`);
  const result = await runChildJson<SeekResult>("scripts/bench/seek-child.ts", [
    String(endMs),
    String(backMs),
    "5",
  ]);
  const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
  ctx.log(
    `seek: advance took ${(result.advanceMs / 1000).toFixed(2)} s; seeks back to ${result.landedUs / 1e6} s: ${list(result.back)} ms; forward to ${endMs / 1000} s again: ${list(result.forward)} ms`,
  );
  return {
    seekMs: median(result.back),
    seekMaxMs: Math.max(...result.back),
    seekForwardMs: median(result.forward),
  };
}
