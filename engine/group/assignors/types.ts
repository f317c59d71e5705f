// The plain-data contract shared by every client-side assignor, the `sim assign` CLI and the
// simulated group leader. It mirrors Kafka's ConsumerPartitionAssignor.GroupSubscription.

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** What one member sent in its JoinGroup subscription (as the leader sees it). */
export interface MemberSubscription {
  readonly memberId: string;
  /** `group.instance.id` (static membership) or null. */
  readonly groupInstanceId: string | null;
  /** `client.rack` or null. */
  readonly rackId: string | null;
  /** Subscribed topic names; topics that do not exist in `topics` are skipped, as Kafka does. */
  readonly topics: readonly string[];
  /** Partitions the member owned in its last generation (cooperative / sticky input). */
  readonly ownedPartitions: readonly TopicPartition[];
  /** Generation of `ownedPartitions`; null means Kafka's DEFAULT_GENERATION (-1). */
  readonly generation: number | null;
}

export interface AssignmentInput {
  /** Topics that exist, with their partition counts. */
  readonly topics: readonly { readonly name: string; readonly partitions: number }[];
  /** Members in the order the group leader received them in the JoinGroup response. */
  readonly members: readonly MemberSubscription[];
  /** Replica racks per partition, keyed "topic-partition"; absent means rack-unaware. */
  readonly partitionRacks?: Readonly<Record<string, readonly string[]>>;
}

/** memberId → assigned partitions; every member of the input appears, possibly with []. */
export type AssignmentResult = Map<string, TopicPartition[]>;

export type AssignorName = "range" | "roundrobin" | "sticky" | "cooperative-sticky";
export type RebalanceProtocol = "EAGER" | "COOPERATIVE";

export interface Assignor {
  readonly name: AssignorName;
  /** Kafka's `supportedProtocols()`, most preferred last as in the Java client. */
  readonly supportedProtocols: readonly RebalanceProtocol[];
  assign(input: AssignmentInput): AssignmentResult;
}

export function topicPartitionKey(tp: TopicPartition): string {
  return `${tp.topic}-${tp.partition}`;
}

/** Parses "topic-partition"; topic names may themselves contain '-', so split at the last one. */
export function parseTopicPartition(key: string): TopicPartition | null {
  const dash = key.lastIndexOf("-");
  if (dash <= 0) return null;
  const digits = key.slice(dash + 1);
  if (!/^\d+$/.test(digits)) return null;
  const partition = Number(digits);
  if (!Number.isSafeInteger(partition)) return null;
  return { topic: key.slice(0, dash), partition };
}
