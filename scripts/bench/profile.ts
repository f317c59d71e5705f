// A plain engine run to profile, outside the bench's timing loop:
//   node --cpu-prof --cpu-prof-dir=artifacts/profiles --import tsx scripts/bench/profile.ts large 3
//   node --cpu-prof --cpu-prof-dir=artifacts/profiles --import tsx scripts/bench/profile.ts classroom 600
// Runs the named benchmark scenario for that many simulated seconds and logs the wall time.
import { createSimulation } from "../../engine/simulation";
import { decodeOrThrow, recordsAppended } from "./engine";
import { classroomScenario, largeScenario } from "./scenarios";

const [which = "large", seconds = "3"] = process.argv.slice(2);
const bench = which === "classroom" ? classroomScenario() : largeScenario();
const sim = createSimulation(decodeOrThrow(bench));
const start = performance.now();
for (let s = 1; s <= Number(seconds); s++) {
  sim.runUntil(s * 1_000_000);
  if (s % 60 === 0) {
    const wall = (performance.now() - start) / 1000;
    process.stderr.write(`${s} simulated s in ${wall.toFixed(1)} s wall\n`);
  }
}
const wallMs = performance.now() - start;
process.stderr.write(
  `${bench.name}: ${seconds} simulated s in ${(wallMs / 1000).toFixed(2)} s wall, ${recordsAppended(sim)} records, ${sim.stepCount()} steps\n`,
);
