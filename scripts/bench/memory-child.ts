// Child process of memory.ts (run with `node --expose-gc --import tsx`): loads the large scenario,
// measures heap used (after a full gc) at load, after a warm-up span that fills the engine's bounded
// windows (5,000 records kept per partition), and at the end: one simulated hour or the wall budget
// (argv[2], ms), whichever comes first. Prints one JSON line (MemoryResult) on stdout.
import { createSimulation } from "../../engine/simulation";
import { decodeOrThrow } from "./engine";
import type { MemoryResult } from "./memory";
import { largeScenario } from "./scenarios";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const wallBudgetMs = Number(process.argv[2] ?? 90_000);
const warmUpMs = Number(process.argv[3] ?? 30_000);
const HOUR_MS = 3_600_000;
const CHUNK_MS = 1_000;
const SAMPLE_EVERY_MS = 15_000;

function heapUsed(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

const sim = createSimulation(decodeOrThrow(largeScenario()));
const loadBytes = heapUsed();
const samples: MemoryResult["samples"] = [];
const start = performance.now();
let simulatedMs = 0;
let warmBytes = loadBytes;
while (simulatedMs < HOUR_MS && (simulatedMs <= warmUpMs || performance.now() - start < wallBudgetMs)) {
  simulatedMs += CHUNK_MS;
  sim.runUntil(simulatedMs * 1000);
  if (simulatedMs === warmUpMs) warmBytes = heapUsed();
  if (simulatedMs % SAMPLE_EVERY_MS === 0) samples.push({ simulatedMs, heapBytes: heapUsed() });
}
const wallMs = performance.now() - start;
const afterBytes = heapUsed();
const result: MemoryResult = { loadBytes, warmBytes, warmUpMs, afterBytes, simulatedMs, wallMs, samples };
process.stdout.write(`${JSON.stringify(result)}\n`);
