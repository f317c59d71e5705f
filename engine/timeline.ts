// Time travel. A run is its inputs: the scenario plus each user command with the position (step
// count, commands applied) and clock it was applied at. Seeking restores the nearest earlier
// checkpoint and replays the inputs from there, so any position is reached exactly: the same state
// and event-log hash as a straight run. A command applied in the past forks: the recorded future
// (commands and checkpoints after that point) is dropped.
import type { Command } from "./commands";
import type { DomainEvent } from "./events";
import type { Scenario } from "./scenario/schema";
import { createSimulation, type Simulation, type SimulationOptions, type Snapshot } from "./simulation";

export interface RunRecord {
  scenario: Scenario;
  commands: { stepCount: number; atUs: number; command: Command }[];
  /**
   * Recorded before timers could be cancelled (a version-1 share link): its step counts include
   * the no-op steps pointless timers made then, so it replays with them (`legacySteps`).
   */
  legacySteps?: boolean;
}

interface Checkpoint {
  readonly stepCount: number;
  readonly applied: number;
  readonly nowUs: number;
  readonly snapshot: Snapshot;
  /** What the snapshot holds beyond its fixed part: retained records, recent events, timers. */
  readonly weight: number;
}

/** Steps between checkpoints: a seek replays at most this many after restoring one (until thinned). */
export const CHECKPOINT_INTERVAL_STEPS = 10_000;
/**
 * A heavy state is checkpointed less often: at least every `weight / WEIGHT_PER_INTERVAL_STEP`
 * steps. The classroom scenario (weight ~38,000) keeps 10,000; the large one (~500,000: 96
 * partitions of retained records) 25,000, so copying and keeping snapshots costs its worker a
 * fraction of what it did, and a seek there still replays ~25,000 steps (~60 ms here).
 */
const WEIGHT_PER_INTERVAL_STEP = 20;
/**
 * Checkpoints kept; past this, every other one is dropped (the spacing doubles, memory stays
 * bounded). A classroom-scenario checkpoint holds about 1 MB of its own; with 256, a seek there
 * replays at most 20,000 steps (about 50 ms here) in runs of up to ~13 simulated minutes.
 */
export const CHECKPOINTS_MAX = 256;
/**
 * The checkpoints' summed weight (references to records, events and timers they hold) kept at
 * most. The classroom scenario (about 38,000 per checkpoint) is bounded by CHECKPOINTS_MAX first;
 * the large one (about 500,000: 96 partitions of retained records) keeps about 40 checkpoints.
 */
export const CHECKPOINTS_WEIGHT_MAX = 20_000_000;
/** The part of a snapshot that does not grow with the scenario, in the same units as the weight. */
const CHECKPOINT_BASE_WEIGHT = 1_000;

export interface Timeline {
  readonly record: RunRecord;
  sim: Simulation;
  /** How many of record.commands the current simulation has applied. */
  applied: number;
  checkpoints: Checkpoint[];
  /** The summed weight of `checkpoints` (bounded by CHECKPOINTS_WEIGHT_MAX). */
  checkpointsWeight: number;
  readonly options: SimulationOptions;
}

export function createTimeline(record: RunRecord, options: SimulationOptions = {}): Timeline {
  const simOptions = { ...options, legacySteps: record.legacySteps === true };
  return {
    record,
    sim: createSimulation(record.scenario, simOptions),
    applied: 0,
    checkpoints: [],
    checkpointsWeight: 0,
    options: simOptions,
  };
}

function snapshotWeight(snapshot: Snapshot): number {
  const { state } = snapshot;
  let weight = CHECKPOINT_BASE_WEIGHT + state.recentEvents.length + state.scheduler.heap.length;
  for (const log of state.partitions.values()) weight += log.retained.length;
  return weight;
}

/** The step count at which the next checkpoint is due. */
function nextCheckpointStep(tl: Timeline): number {
  const last = tl.checkpoints[tl.checkpoints.length - 1];
  if (!last) return CHECKPOINT_INTERVAL_STEPS;
  return (
    last.stepCount + Math.max(CHECKPOINT_INTERVAL_STEPS, Math.round(last.weight / WEIGHT_PER_INTERVAL_STEP))
  );
}

function maybeCheckpoint(tl: Timeline): void {
  const stepCount = tl.sim.stepCount();
  if (stepCount < nextCheckpointStep(tl)) return;
  const snapshot = tl.sim.snapshot();
  const checkpoint = {
    stepCount,
    applied: tl.applied,
    nowUs: tl.sim.nowUs(),
    snapshot,
    weight: snapshotWeight(snapshot),
  };
  tl.checkpoints.push(checkpoint);
  tl.checkpointsWeight += checkpoint.weight;
  if (tl.checkpoints.length > CHECKPOINTS_MAX || tl.checkpointsWeight > CHECKPOINTS_WEIGHT_MAX) {
    tl.checkpoints = tl.checkpoints.filter((_, i) => i % 2 === 1);
    tl.checkpointsWeight = tl.checkpoints.reduce((sum, cp) => sum + cp.weight, 0);
  }
}

interface Limit {
  timeUs?: number;
  stepCount?: number;
  applied?: number;
}

/** Whether the recorded command at `tl.applied` is due now and within the limit. */
function dueCommand(tl: Timeline, limit: Limit) {
  const due = tl.record.commands[tl.applied];
  if (!due || due.stepCount !== tl.sim.stepCount()) return null;
  if (limit.timeUs !== undefined && due.atUs > limit.timeUs) return null;
  if (limit.applied !== undefined && tl.applied >= limit.applied) return null;
  return due;
}

/** Steps forward, re-applying recorded commands at their exact position, until the limit. */
function advance(tl: Timeline, limit: Limit): void {
  for (;;) {
    const due = dueCommand(tl, limit);
    if (due) {
      tl.sim.idleUntil(due.atUs);
      tl.sim.apply(due.command);
      tl.applied++;
      continue;
    }
    const stepCount = tl.sim.stepCount();
    if (limit.stepCount !== undefined && stepCount >= limit.stepCount) break;
    // Run straight to the next position where something else must happen: a recorded command, the
    // step limit or the next checkpoint (the same positions a step-by-step loop would stop at).
    let stopAt = nextCheckpointStep(tl);
    const pending = tl.record.commands[tl.applied];
    if (pending && pending.stepCount > stepCount) stopAt = Math.min(stopAt, pending.stepCount);
    if (limit.stepCount !== undefined) stopAt = Math.min(stopAt, limit.stepCount);
    const ran = tl.sim.runSteps(Math.max(1, stopAt - stepCount), limit.timeUs ?? Number.POSITIVE_INFINITY);
    if (ran === 0) break;
    maybeCheckpoint(tl);
  }
  if (limit.timeUs !== undefined) tl.sim.runUntil(limit.timeUs);
}

/** Restores the latest checkpoint at or before the position, or restarts from the scenario. */
function rewindTo(tl: Timeline, accepts: (cp: Checkpoint) => boolean): void {
  const checkpoint = [...tl.checkpoints].reverse().find(accepts);
  tl.sim = createSimulation(tl.record.scenario, tl.options);
  tl.applied = 0;
  if (checkpoint) {
    tl.sim.restore(checkpoint.snapshot);
    tl.applied = checkpoint.applied;
  }
}

export function advanceTo(tl: Timeline, timeUs: number): void {
  if (timeUs >= tl.sim.nowUs()) advance(tl, { timeUs });
}

export function seekTo(tl: Timeline, timeUs: number): void {
  if (timeUs < tl.sim.nowUs()) rewindTo(tl, (cp) => cp.nowUs <= timeUs);
  else {
    // Forward past a checkpoint this run already holds (scrubbing ahead again after going back):
    // restore it instead of replaying everything in between.
    const stepCount = tl.sim.stepCount();
    const ahead = tl.checkpoints.some((cp) => cp.nowUs <= timeUs && cp.stepCount > stepCount);
    if (ahead) rewindTo(tl, (cp) => cp.nowUs <= timeUs && cp.stepCount > stepCount);
  }
  advance(tl, { timeUs });
}

/** One step forward: a due recorded command, or one scheduled event. */
export function stepForward(tl: Timeline): { events: DomainEvent[]; kind: string | null } {
  const due = dueCommand(tl, {});
  if (due) {
    tl.sim.idleUntil(due.atUs);
    tl.applied++;
    return { events: tl.sim.apply(due.command), kind: "command" };
  }
  const kind = tl.sim.nextScheduled()?.kind ?? null;
  const events = tl.sim.step();
  maybeCheckpoint(tl);
  return { events, kind };
}

/** The position just before the current one: one command un-applied, or one step fewer. */
export function stepBack(tl: Timeline): void {
  const stepCount = tl.sim.stepCount();
  const last = tl.record.commands[tl.applied - 1];
  const target: Required<Pick<Limit, "stepCount" | "applied">> =
    last && last.stepCount === stepCount
      ? { stepCount, applied: tl.applied - 1 }
      : { stepCount: Math.max(0, stepCount - 1), applied: tl.applied };
  if (target.stepCount === stepCount && target.applied === tl.applied) return;
  rewindTo(tl, (cp) => cp.stepCount <= target.stepCount && cp.applied <= target.applied);
  advance(tl, target);
}

/** Applies a user command now; a command in the past drops the recorded future (a fork). */
export function applyAtCursor(tl: Timeline, command: Command): DomainEvent[] {
  const stepCount = tl.sim.stepCount();
  const events = tl.sim.apply(command);
  tl.record.commands.splice(tl.applied, tl.record.commands.length - tl.applied, {
    stepCount,
    atUs: tl.sim.nowUs(),
    command,
  });
  tl.applied = tl.record.commands.length;
  tl.checkpoints = tl.checkpoints.filter(
    (cp) => cp.stepCount < stepCount || (cp.stepCount === stepCount && cp.applied < tl.applied),
  );
  tl.checkpointsWeight = tl.checkpoints.reduce((sum, cp) => sum + cp.weight, 0);
  return events;
}
