// `sim run <scenario.json> [--until-ms N] [--format summary|events|hash]`: runs a scenario headless.
// The scenario is fully validated before the first step, so a bad file runs nothing.
import { readFile } from "node:fs/promises";
import type { DomainEvent } from "../events";
import { decodeScenarioText } from "../scenario/decode";
import { createSimulation } from "../simulation";
import type { CliResult } from "./types";

const FORMATS = ["summary", "events", "hash"] as const;
type Format = (typeof FORMATS)[number];

const fail = (message: string): CliResult => ({ stdout: "", stderr: `run: ${message}\n`, exitCode: 2 });

export interface RunArgs {
  file: string;
  untilMs: number | null;
  format: Format;
}

export function parseRunArgs(args: string[]): RunArgs | string {
  let file: string | null = null;
  let untilMs: number | null = null;
  let format: Format = "summary";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--until-ms") {
      const value = Number(args[++i]);
      if (!Number.isFinite(value) || value < 0)
        return `--until-ms needs a non-negative number, got "${args[i] ?? ""}"`;
      untilMs = value;
    } else if (arg === "--format") {
      const value = args[++i] as Format;
      if (!FORMATS.includes(value))
        return `--format must be one of ${FORMATS.join(", ")}, got "${value ?? ""}"`;
      format = value;
    } else if (arg.startsWith("--")) {
      return `unknown option ${arg}`;
    } else if (file === null) {
      file = arg;
    } else {
      return `unexpected argument "${arg}"`;
    }
  }
  if (file === null) return "missing <scenario.json>";
  return { file, untilMs, format };
}

/** The final state, as the summary format prints it: partitions with offsets, consumers with positions. */
export function summarize(sim: ReturnType<typeof createSimulation>): unknown {
  const view = sim.view({ recordsPerPartition: 0, recentEvents: 0 });
  return {
    title: view.title,
    seed: view.seed,
    simulatedMs: view.nowUs / 1000,
    steps: view.stepCount,
    events: view.eventCount,
    eventLogHash: view.eventLogHash,
    partitions: view.topics.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: p.topic,
        partition: p.partition,
        leader: p.leaderBrokerId,
        logStartOffset: p.logStartOffset,
        highWatermark: p.highWatermark,
        logEndOffset: p.logEndOffset,
        segments: p.segments.length,
      })),
    ),
    producers: view.producers.map((p) => ({
      id: p.id,
      client: p.detail.client,
      partitioner: p.detail.partitioner,
      accumulatedRecords: p.accumulatedRecords,
      acknowledgedRecords: p.acknowledgedRecords,
      failedRecords: p.detail.counters.failedRecords,
      expiredRecords: p.detail.counters.expiredRecords,
      retriedBatches: p.detail.counters.retriedBatches,
      kafkaProducerId: p.detail.idempotence.kafkaProducerId,
    })),
    consumers: view.consumers.map((c) => ({
      id: c.id,
      mode: c.mode,
      polledRecords: c.polledRecords,
      processedRecords: c.processedRecords,
      positions: c.partitions.map((p) => ({
        topic: c.topic,
        partition: p.partition,
        position: p.position,
        lag: p.lag,
      })),
    })),
  };
}

export async function runRunCommand(args: string[]): Promise<CliResult> {
  const parsed = parseRunArgs(args);
  if (typeof parsed === "string") return fail(parsed);
  let text: string;
  try {
    text = await readFile(parsed.file, "utf8");
  } catch (error) {
    return fail(`cannot read ${parsed.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const decoded = decodeScenarioText(text);
  if (!decoded.ok) return fail(`${parsed.file} is not a valid scenario:\n  ${decoded.errors.join("\n  ")}`);
  const lines: string[] = [];
  const onEvent =
    parsed.format === "events" ? (e: DomainEvent) => void lines.push(JSON.stringify(e)) : undefined;
  const sim = createSimulation(decoded.scenario, onEvent ? { onEvent } : {});
  sim.runUntil((parsed.untilMs ?? decoded.scenario.durationMs) * 1000);
  const stdout =
    parsed.format === "events"
      ? lines.map((l) => `${l}\n`).join("")
      : parsed.format === "hash"
        ? `${sim.eventLogHash()}\n`
        : `${JSON.stringify(summarize(sim), null, 2)}\n`;
  return { stdout, stderr: "", exitCode: 0 };
}
