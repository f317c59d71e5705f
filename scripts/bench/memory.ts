// Heap growth over a long run of the large scenario, in a child Node process started with
// --expose-gc (the bench itself runs under tsx without it). The child prints one JSON line.
import { runChildJson } from "./child";
import type { RunContext } from "./engine";
import type { Measured } from "./figures";

export interface MemoryResult {
  /** Heap used right after the scenario is loaded. */
  loadBytes: number;
  /** Heap used after `warmUpMs` simulated: the baseline of the growth figure. */
  warmBytes: number;
  warmUpMs: number;
  afterBytes: number;
  simulatedMs: number;
  wallMs: number;
  samples: { simulatedMs: number; heapBytes: number }[];
}

export async function measureMemory(ctx: RunContext): Promise<Measured> {
  // BENCH_MEMORY_WALL_S lifts the wall budget, so the run can reach the full simulated hour (about
  // 20 minutes here): `BENCH_MEMORY_WALL_S=1800 npm run --silent bench -- --only workerHeapGrowthPct`.
  const wallBudgetMs = ctx.quick ? 3_000 : Number(process.env.BENCH_MEMORY_WALL_S ?? 100) * 1000;
  const warmUpMs = ctx.quick ? 1_000 : 30_000;
  ctx.log(
    `memory: large scenario for up to 1 simulated hour or ${wallBudgetMs / 1000} s wall, in a child process`,
  );
  const result = await runChildJson<MemoryResult>(
    "scripts/bench/memory-child.ts",
    [String(wallBudgetMs), String(warmUpMs)],
    ["--expose-gc"],
  );
  const mb = (b: number) => (b / 1048576).toFixed(1);
  ctx.log(
    `memory: ${(result.simulatedMs / 1000).toFixed(0)} simulated s in ${(result.wallMs / 1000).toFixed(1)} s wall; heap at load ${mb(result.loadBytes)} MB, after ${result.warmUpMs / 1000} s ${mb(result.warmBytes)} MB, at the end ${mb(result.afterBytes)} MB; samples ${result.samples.map((s) => `${s.simulatedMs / 1000}s:${mb(s.heapBytes)}MB`).join(" ")}`,
  );
  return {
    workerHeapGrowthPct: ((result.afterBytes - result.warmBytes) / result.warmBytes) * 100,
    workerHeapGrowthFromLoadPct: ((result.afterBytes - result.loadBytes) / result.loadBytes) * 100,
    workerHeapSimulatedSeconds: result.simulatedMs / 1000,
    workerHeapAfterMB: result.afterBytes / 1048576,
  };
}
