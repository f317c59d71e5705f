// `npm run --silent bench -- [--json] [--quick] [--only name,name]`: measures Topicscope on this
// machine (engine throughput, frame time in Chromium, assignors at scale, seek, bundle size, heap
// growth). Progress and a table go to stderr; with --json, stdout is exactly one JSON object keyed
// by figure name, each { value, unit, target }. BENCHMARKS.md records a run and what the figures mean.
import { parseArgs } from "./bench/args";
import { toJson } from "./bench/figures";
import { runBench } from "./bench/main";

const parsed = parseArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`${parsed.error}\n`);
  process.exit(2);
}
const log = (line: string) => process.stderr.write(`${line}\n`);
try {
  const measured = await runBench(parsed.options, log);
  if (parsed.options.json) process.stdout.write(`${JSON.stringify(toJson(measured))}\n`);
  process.exit(0);
} catch (error) {
  log(`bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
