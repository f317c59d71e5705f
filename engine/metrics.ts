// Metrics over time, for the operations charts: sampled as simulated time passes (at the end of
// the step that crosses each sampling boundary, so sampling adds no steps and no events). Bounded:
// when the buffer is full every other sample is dropped and the interval doubles, so a long run
// keeps an even, coarser history.
import { lagOf } from "./group/view";
import type { SimState } from "./state";

export const SAMPLE_INTERVAL_US = 250_000;
export const SAMPLES_MAX = 1_200;

export interface GroupSample {
  groupId: string;
  /** kafka-consumer-groups' LAG summed over partitions: high watermark − committed offset. */
  lagOffsets: number;
  /** Time lag: how long the oldest record the group has not committed has been waiting, in ms. */
  lagMs: number;
  rebalances: number;
  /** How long the group's latest completed rebalance took (PreparingRebalance → Stable), in ms. */
  lastRebalanceMs: number | null;
  partitions: { key: string; lag: number }[];
}

export interface MetricsSample {
  atUs: number;
  /** Records appended to all partitions so far. */
  producedRecords: number;
  /** Records consumers finished processing so far. */
  processedRecords: number;
  groups: GroupSample[];
}

export interface MetricsState {
  intervalUs: number;
  nextSampleUs: number;
  samples: MetricsSample[];
}

export function createMetricsState(): MetricsState {
  return { intervalUs: SAMPLE_INTERVAL_US, nextSampleUs: 0, samples: [] };
}

function groupSample(state: SimState, groupId: string): GroupSample {
  const group = state.groupCoordinator.groups.get(groupId)!;
  let lagOffsets = 0;
  let oldestUs: number = state.nowUs;
  const partitions: GroupSample["partitions"] = [];
  for (const p of lagOf(state, group)) {
    if (p.lag === null || p.committedOffset === null) continue;
    lagOffsets += p.lag;
    partitions.push({ key: `${p.topic}-${p.partition}`, lag: p.lag });
    if (p.lag === 0) continue;
    const log = state.partitions.get(`${p.topic}-${p.partition}`);
    const first = log?.retained[0];
    const waiting = first ? log.retained[p.committedOffset - first.offset] : undefined;
    if (waiting) oldestUs = Math.min(oldestUs, waiting.timestampUs);
  }
  return {
    groupId,
    lagOffsets,
    lagMs: (state.nowUs - oldestUs) / 1000,
    rebalances: group.rebalanceCount,
    lastRebalanceMs: group.lastRebalanceDurationMs,
    partitions,
  };
}

export function maybeSampleMetrics(state: SimState): void {
  const metrics = state.metrics;
  if (state.nowUs < metrics.nextSampleUs) return;
  let produced = 0;
  for (const log of state.partitions.values()) produced += log.logEndOffset;
  let processed = 0;
  for (const c of state.consumers.values()) processed += c.processedRecords;
  metrics.samples.push({
    atUs: state.nowUs,
    producedRecords: produced,
    processedRecords: processed,
    groups: [...state.groupCoordinator.groups.keys()].map((id) => groupSample(state, id)),
  });
  if (metrics.samples.length > SAMPLES_MAX) {
    metrics.samples = metrics.samples.filter((_, i) => i % 2 === 0);
    metrics.intervalUs *= 2;
  }
  metrics.nextSampleUs = (Math.floor(state.nowUs / metrics.intervalUs) + 1) * metrics.intervalUs;
}
