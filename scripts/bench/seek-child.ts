// Child process of measureSeek (engine.ts): in a fresh isolate holding only the engine, as the
// app's worker does, advance the classroom scenario to `endMs` (argv[2]), then seek back `backMs`
// (argv[3]) and forward to the end again, `rounds` times (argv[4]). Prints one JSON line
// (SeekResult) on stdout.
import { createEngineApi } from "../../engine/api";
import type { SeekResult } from "./engine";
import { classroomScenario } from "./scenarios";

const endMs = Number(process.argv[2]);
const backMs = Number(process.argv[3]);
const rounds = Number(process.argv[4] ?? 5);
const bench = classroomScenario();
const viewOptions = { recordsPerPartition: 24, recentEvents: 80 };

// Warm-up: the same code paths on a short run, so the first seek is not timed cold.
const warm = createEngineApi();
warm.load(bench.scenario);
warm.advanceTo(20_000_000);
warm.seek(5_000_000);
warm.seek(20_000_000);

const api = createEngineApi();
const loaded = api.load(bench.scenario);
if (!loaded.ok) throw new Error(loaded.errors.join("; "));
const t0 = performance.now();
api.advanceTo(endMs * 1000, viewOptions);
const result: SeekResult = { advanceMs: performance.now() - t0, back: [], forward: [], landedUs: 0 };
for (let i = 0; i < rounds; i++) {
  const t1 = performance.now();
  result.landedUs = api.seek((endMs - backMs) * 1000, viewOptions).nowUs;
  result.back.push(performance.now() - t1);
  const t2 = performance.now();
  api.seek(endMs * 1000, viewOptions);
  result.forward.push(performance.now() - t2);
}
console.log(JSON.stringify(result));
