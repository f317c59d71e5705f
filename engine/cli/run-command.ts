// `sim run <scenario.json> | --link '<share link>' [--until-ms N] [--format summary|events|hash]`:
// runs a scenario headless, or reproduces a shared run (its scenario and the commands applied in
// class) up to the link's playhead. Input is fully validated before the first step, so a bad file
// or link runs nothing.
import { readFile } from "node:fs/promises";
import type { DomainEvent } from "../events";
import { decodeScenarioText } from "../scenario/decode";
import { decodePreset } from "../scenario/presets/catalog";
import { decodeShareLink } from "../scenario/share-link";
import type { Simulation } from "../simulation";
import { createTimeline, type RunRecord, seekTo } from "../timeline";
import type { CliResult } from "./types";

const FORMATS = ["summary", "events", "hash"] as const;
type Format = (typeof FORMATS)[number];

const fail = (message: string): CliResult => ({ stdout: "", stderr: `run: ${message}\n`, exitCode: 2 });

export interface RunArgs {
  source: { kind: "file"; file: string } | { kind: "link"; link: string } | { kind: "preset"; id: string };
  untilMs: number | null;
  format: Format;
}

export function parseRunArgs(args: string[]): RunArgs | string {
  let file: string | null = null;
  let link: string | null = null;
  let preset: string | null = null;
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
    } else if (arg === "--link") {
      link = args[++i] ?? "";
    } else if (arg === "--preset") {
      preset = args[++i] ?? "";
    } else if (arg.startsWith("--")) {
      return `unknown option ${arg}`;
    } else if (file === null) {
      file = arg;
    } else {
      return `unexpected argument "${arg}"`;
    }
  }
  if ([file, link, preset].filter((x) => x !== null).length > 1) {
    return "give one of a scenario file, --preset or --link";
  }
  if (link !== null) return { source: { kind: "link", link }, untilMs, format };
  if (preset !== null) return { source: { kind: "preset", id: preset }, untilMs, format };
  if (file === null) return "missing <scenario.json> (or --link '<share link>')";
  return { source: { kind: "file", file }, untilMs, format };
}

/** The final state, as the summary format prints it: partitions with offsets, consumers with positions. */
export function summarize(sim: Simulation): unknown {
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

/** The run's inputs and where to stop (ms), from a file or a share link; a string is the error. */
async function loadRun(parsed: RunArgs): Promise<{ record: RunRecord; stopMs: number } | string> {
  if (parsed.source.kind === "preset") {
    const scenario = decodePreset(parsed.source.id);
    if (!scenario) return `no preset "${parsed.source.id}" (see: sim presets)`;
    return { record: { scenario, commands: [] }, stopMs: parsed.untilMs ?? scenario.durationMs };
  }
  if (parsed.source.kind === "link") {
    const decoded = decodeShareLink(parsed.source.link);
    if (!decoded.ok) return `the share link cannot be used: ${decoded.error}`;
    return { record: decoded.record, stopMs: parsed.untilMs ?? decoded.playheadUs / 1000 };
  }
  const file = parsed.source.file;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  const decoded = decodeScenarioText(text);
  if (!decoded.ok) return `${file} is not a valid scenario:\n  ${decoded.errors.join("\n  ")}`;
  return {
    record: { scenario: decoded.scenario, commands: [] },
    stopMs: parsed.untilMs ?? decoded.scenario.durationMs,
  };
}

export async function runRunCommand(args: string[]): Promise<CliResult> {
  const parsed = parseRunArgs(args);
  if (typeof parsed === "string") return fail(parsed);
  const run = await loadRun(parsed);
  if (typeof run === "string") return fail(run);
  const lines: string[] = [];
  const onEvent =
    parsed.format === "events" ? (e: DomainEvent) => void lines.push(JSON.stringify(e)) : undefined;
  const timeline = createTimeline(run.record, onEvent ? { onEvent } : {});
  seekTo(timeline, Math.round(run.stopMs * 1000));
  const sim = timeline.sim;
  const stdout =
    parsed.format === "events"
      ? lines.map((l) => `${l}\n`).join("")
      : parsed.format === "hash"
        ? `${sim.eventLogHash()}\n`
        : `${JSON.stringify(summarize(sim), null, 2)}\n`;
  return { stdout, stderr: "", exitCode: 0 };
}
