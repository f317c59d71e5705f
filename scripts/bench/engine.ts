// Engine throughput and seek, in this Node process (one core): the simulation is single-threaded.
import { createEngineApi } from "../../engine/api";
import { decodeScenario } from "../../engine/scenario/decode";
import type { Scenario } from "../../engine/scenario/schema";
import { createSimulation, type Simulation } from "../../engine/simulation";
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
  return out;
}

/**
 * Classroom scenario through the worker's API object: run 11 simulated minutes, then seek back 10
 * (the timeline restores the nearest checkpoint and replays from it). `--quick` runs 66 s and
 * seeks back 60 s.
 */
export async function measureSeek(ctx: RunContext): Promise<Measured> {
  const bench = classroomScenario();
  const endMs = ctx.quick ? 66_000 : 11 * 60_000;
  const backMs = ctx.quick ? 60_000 : 10 * 60_000;
  // Warm-up: the same code paths on a short run, so the seek is not timed cold.
  const warm = createEngineApi();
  warm.load(bench.scenario);
  warm.advanceTo(20_000_000);
  warm.seek(5_000_000);

  const api = createEngineApi();
  const loaded = api.load(bench.scenario);
  if (!loaded.ok) throw new Error(loaded.errors.join("; "));
  ctx.log(`seek: advancing the classroom scenario to ${endMs / 1000} simulated s`);
  const viewOptions = { recordsPerPartition: 24, recentEvents: 80 };
  const t0 = performance.now();
  api.advanceTo(endMs * 1000, viewOptions);
  const advanceMs = performance.now() - t0;
  const t1 = performance.now();
  const view = api.seek((endMs - backMs) * 1000, viewOptions);
  const seekMs = performance.now() - t1;
  ctx.log(
    `seek: advance took ${(advanceMs / 1000).toFixed(2)} s; seek to ${view.nowUs / 1e6} s took ${seekMs.toFixed(0)} ms`,
  );
  return { seekMs };
}
