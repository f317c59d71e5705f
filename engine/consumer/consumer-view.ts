// A consumer as the UI sees it: the fields every consumer has, plus for subscribe() consumers the
// group it is in, its member id and generation, what it owns, what it committed, the rebalance
// protocol it runs, and what it is doing right now.
import type { TopicPartition } from "../group/assignors/types";
import type { SimState } from "../state";
import type { ConsumerView } from "../view";
import { type ConsumerState, tpKey } from "./types";

export type ConsumerActivity =
  | "starting"
  | "findingCoordinator"
  | "joining"
  | "syncing"
  | "revoking"
  | "processing"
  | "committing"
  | "waiting"
  | "paused"
  | "closing"
  | "dead";

export interface ConsumerPartitionView {
  /** Kept for assign() views; the same as the partition's topic. */
  partition: number;
  topic: string;
  position: number | null;
  buffered: number;
  /** Client metric records-lag: high watermark − position. */
  lag: number | null;
  committed: number | null;
}

export interface ConsumerGroupFieldsView {
  topics: string[];
  groupId: string | null;
  memberId: string | null;
  groupInstanceId: string | null;
  /** -1 outside a generation; null for assign() consumers. */
  generationId: number | null;
  isLeader: boolean;
  assignedPartitions: TopicPartition[];
  /** Offsets this client knows committed (fetched or acknowledged). */
  committedOffsets: { topic: string; partition: number; offset: number }[];
  rebalanceProtocol: "EAGER" | "COOPERATIVE" | null;
  assignors: string[];
  commitMode: string | null;
  activity: ConsumerActivity;
  paused: boolean;
  clientHost: string;
}

function activityOf(consumer: ConsumerState): ConsumerActivity {
  const status = consumer.status;
  if (status === "crashed" || status === "closed" || status === "failed") return "dead";
  if (status === "closing") return "closing";
  if (status === "processing") return "processing";
  if (status === "committing") return "committing";
  if (status === "starting" && !consumer.group) return "starting";
  const phase = consumer.group?.phase;
  if (phase === "committingBeforeJoin") return "revoking";
  if (phase === "joining") return "joining";
  if (phase === "syncing") return "syncing";
  if (consumer.group && consumer.group.coordinatorBrokerId === null) return "findingCoordinator";
  if (consumer.paused) return "paused";
  return "waiting";
}

function flatConfig(config: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(config)) {
    out[key] =
      typeof value === "number" || typeof value === "string"
        ? value
        : Array.isArray(value)
          ? value.join(",")
          : String(value);
  }
  return out;
}

export function buildConsumerView(state: SimState, consumer: ConsumerState): ConsumerView {
  const group = consumer.group;
  const partitions: ConsumerPartitionView[] = consumer.assigned.map((tp) => {
    const key = tpKey(tp);
    const position = consumer.positions.get(key) ?? null;
    const hw = state.partitions.get(key)?.highWatermark ?? 0;
    return {
      partition: tp.partition,
      topic: tp.topic,
      position,
      buffered: consumer.buffered.get(key)?.length ?? 0,
      lag: position === null ? null : hw - position,
      committed: consumer.committed.get(key) ?? null,
    };
  });
  const assignedPartitions: TopicPartition[] = consumer.assigned.map((tp) => ({ ...tp }));
  return {
    id: consumer.id,
    topic: consumer.topic,
    mode: consumer.mode,
    status: consumer.status,
    processingTimeMs: consumer.processingTimeMs,
    processingUntilUs: consumer.processingUntilUs,
    partitions,
    polledRecords: consumer.polledRecords,
    processedRecords: consumer.processedRecords,
    config: flatConfig(consumer.spec.config),
    topics: [...consumer.topics],
    groupId: group?.groupId ?? null,
    memberId: group ? group.memberId || null : null,
    groupInstanceId: group?.groupInstanceId ?? null,
    generationId: group?.generationId ?? null,
    isLeader: group !== null && group.memberId !== "" && group.leaderId === group.memberId,
    assignedPartitions,
    committedOffsets: [...consumer.committed].map(([key, offset]) => {
      const dash = key.lastIndexOf("-");
      return { topic: key.slice(0, dash), partition: Number(key.slice(dash + 1)), offset };
    }),
    rebalanceProtocol: group?.protocol ?? null,
    assignors: group ? [...group.assignors] : [],
    commitMode: consumer.spec.mode === "subscribe" ? consumer.spec.commit : null,
    activity: activityOf(consumer),
    paused: consumer.paused,
    clientHost: consumer.clientHost,
  };
}
