// The two benchmark scenarios, built in one place. Consumer groups (`mode: "subscribe"`) are being
// added to the engine; until the scenario schema accepts them, each group of N consumers is built
// as N `mode: "assign"` consumers that split the topic's partitions the way a group of N would
// (RangeAssignor on one topic: contiguous ranges, the first `partitions % N` members one more).
// `groupMode()` decides by decoding a probe scenario, so the switch happens without a code change.
import { decodeScenario } from "../../engine/scenario/decode";

export type GroupMode = "subscribe" | "assign";

export interface BenchScenario {
  name: "classroom" | "large";
  /** Records per simulated second the producers send in total. */
  recordsPerSec: number;
  /** How the consumer groups are modelled in this build of the engine. */
  groupMode: GroupMode;
  scenario: Record<string, unknown>;
}

interface GroupSpec {
  groupId: string;
  topic: string;
  partitions: number;
  members: number;
  processingTimeMs: number;
}

const CONSUMER_CONFIG = { "auto.offset.reset": "earliest", "max.poll.records": 500 } as const;

/** RangeAssignor's split of one topic's partitions over `members` consumers (member i's partitions). */
export function rangeSplit(partitions: number, members: number): number[][] {
  const per = Math.floor(partitions / members);
  const extra = partitions % members;
  const out: number[][] = [];
  let next = 0;
  for (let i = 0; i < members; i++) {
    const count = per + (i < extra ? 1 : 0);
    out.push(Array.from({ length: count }, (_, j) => next + j));
    next += count;
  }
  return out;
}

/**
 * Candidate shapes of a subscribing consumer: the group API is still being written, so the first
 * shape the schema accepts wins. Each returns one consumer object for member `index` of a group.
 */
const SUBSCRIBE_SHAPES: ((g: GroupSpec, id: string) => Record<string, unknown>)[] = [
  (g, id) => ({
    id,
    mode: "subscribe",
    groupId: g.groupId,
    topics: [g.topic],
    processingTimeMs: g.processingTimeMs,
    config: { ...CONSUMER_CONFIG },
  }),
  (g, id) => ({
    id,
    mode: "subscribe",
    groupId: g.groupId,
    topic: g.topic,
    processingTimeMs: g.processingTimeMs,
    config: { ...CONSUMER_CONFIG },
  }),
  (g, id) => ({
    id,
    mode: "subscribe",
    topic: g.topic,
    processingTimeMs: g.processingTimeMs,
    config: { ...CONSUMER_CONFIG, "group.id": g.groupId },
  }),
  (g, id) => ({
    id,
    mode: "subscribe",
    topics: [g.topic],
    processingTimeMs: g.processingTimeMs,
    config: { ...CONSUMER_CONFIG, "group.id": g.groupId },
  }),
];

function baseScenario(consumers: Record<string, unknown>[]): Record<string, unknown> {
  return {
    version: 1,
    title: "probe",
    seed: 1,
    cluster: { brokers: 1, topics: [{ name: "t", partitions: 2 }] },
    producers: [],
    consumers,
  };
}

let detected: { mode: GroupMode; shape: number } | null = null;

/** Whether this engine's schema accepts `mode: "subscribe"` consumers (and in which shape). */
export function detectGroupMode(): { mode: GroupMode; shape: number } {
  if (detected) return detected;
  const group: GroupSpec = { groupId: "g", topic: "t", partitions: 2, members: 2, processingTimeMs: 1 };
  const index = SUBSCRIBE_SHAPES.findIndex(
    (shape) => decodeScenario(baseScenario([shape(group, "c-0"), shape(group, "c-1")])).ok,
  );
  detected = index >= 0 ? { mode: "subscribe", shape: index } : { mode: "assign", shape: -1 };
  return detected;
}

function groupConsumers(group: GroupSpec): Record<string, unknown>[] {
  const { mode, shape } = detectGroupMode();
  const ids = Array.from({ length: group.members }, (_, i) => `${group.groupId}-c${i}`);
  if (mode === "subscribe") return ids.map((id) => SUBSCRIBE_SHAPES[shape]!(group, id));
  const split = rangeSplit(group.partitions, group.members);
  return ids.map((id, i) => ({
    id,
    mode: "assign",
    topic: group.topic,
    partitions: split[i]!,
    processingTimeMs: group.processingTimeMs,
    config: { ...CONSUMER_CONFIG },
  }));
}

/** 3 brokers, one 6-partition topic, one producer at 1,000 records/s, one group of 3 consumers. */
export function classroomScenario(): BenchScenario {
  const group = { groupId: "billing", topic: "orders", partitions: 6, members: 3, processingTimeMs: 1 };
  return {
    name: "classroom",
    recordsPerSec: 1000,
    groupMode: detectGroupMode().mode,
    scenario: {
      version: 1,
      title: "Benchmark: classroom",
      seed: 7,
      durationMs: 60_000,
      network: { latencyMs: 2, jitterMs: 0.5 },
      cluster: { brokers: 3, topics: [{ name: "orders", partitions: 6 }] },
      producers: [
        {
          id: "producer-1",
          topic: "orders",
          recordsPerSec: 1000,
          valueBytes: 100,
          keys: { kind: "uniform", count: 100 },
          config: { acks: "all", "linger.ms": 5 },
        },
      ],
      consumers: groupConsumers(group),
    },
  };
}

/**
 * 6 brokers, 3 topics × 32 partitions, 4 producers at 12,500 records/s each (50,000/s in total:
 * two on the first topic, one on each other), 3 groups × 16 consumers (one group per topic).
 */
export function largeScenario(): BenchScenario {
  const topics = ["clicks", "payments", "audit"];
  const producers = [0, 1, 2, 3].map((i) => ({
    id: `producer-${i + 1}`,
    topic: topics[i % topics.length]!,
    recordsPerSec: 12_500,
    valueBytes: 200,
    keys: { kind: "uniform", count: 10_000 },
    config: { acks: "all", "linger.ms": 5 },
  }));
  const consumers = topics.flatMap((topic) =>
    groupConsumers({ groupId: `${topic}-group`, topic, partitions: 32, members: 16, processingTimeMs: 0.02 }),
  );
  return {
    name: "large",
    recordsPerSec: 50_000,
    groupMode: detectGroupMode().mode,
    scenario: {
      version: 1,
      title: "Benchmark: large",
      seed: 11,
      durationMs: 3_600_000,
      network: { latencyMs: 2, jitterMs: 0.5 },
      cluster: { brokers: 6, topics: topics.map((name) => ({ name, partitions: 32 })) },
      producers,
      consumers,
    },
  };
}
