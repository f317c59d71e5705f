// AbstractStickyAssignor.RackInfo: when the sticky assignors go rack-aware, and the rack helpers both
// builders use.
//
// Rack-aware assignment is used only if some consumer has a (non-empty) rack, that rack holds replicas, and
// not every partition has replicas on every replica rack (AbstractPartitionAssignor.useRackAwareAssignment()
// with preferRackAwareLogic off, as in production). One quirk is kept on purpose: as soon as any consumer has
// a rack, unassigned partitions of the constrained path are sorted by how many consumers share their racks,
// even when rack-aware assignment itself is off (Kafka computes that count from the full rack map).

import type { StickySubscription, Tp } from "./model";

export interface RackInfo {
  /** member → rack; empty unless rack-aware. */
  readonly consumerRacks: ReadonlyMap<string, string>;
  /** partition key → replica racks; empty unless rack-aware. */
  readonly partitionRacks: ReadonlyMap<string, ReadonlySet<string>>;
  /** partition key → number of consumers on its replica racks; empty when no consumer has a rack. */
  readonly numConsumersByPartition: ReadonlyMap<string, number>;
}

/**
 * @param partitions every partition of the subscribed, existing topics.
 * @param subscriptions members in the leader's HashMap order.
 * @param replicaRacks "topic-partition" → racks of its replicas (absent: no rack known).
 */
export function buildRackInfo(
  partitions: readonly Tp[],
  subscriptions: readonly StickySubscription[],
  replicaRacks: Readonly<Record<string, readonly string[]>> | undefined,
): RackInfo {
  const consumersByRack = new Map<string, string[]>();
  for (const subscription of subscriptions) {
    const rack = subscription.rackId;
    if (rack === null || rack === "") continue;
    const members = consumersByRack.get(rack) ?? [];
    members.push(subscription.memberId);
    consumersByRack.set(rack, members);
  }
  const partitionRacks = new Map<string, ReadonlySet<string>>();
  const allPartitionRacks = new Set<string>();
  if (consumersByRack.size > 0) {
    for (const tp of partitions) {
      const racks = new Set(replicaRacks?.[tp.key] ?? []);
      partitionRacks.set(tp.key, racks);
      for (const rack of racks) allPartitionRacks.add(rack);
    }
  }
  const numConsumersByPartition = new Map<string, number>();
  for (const [key, racks] of partitionRacks) {
    let count = 0;
    for (const rack of racks) count += consumersByRack.get(rack)?.length ?? 0;
    numConsumersByPartition.set(key, count);
  }
  if (!isRackAwareAssignmentUseful(new Set(consumersByRack.keys()), allPartitionRacks, partitionRacks)) {
    return { consumerRacks: new Map(), partitionRacks: new Map(), numConsumersByPartition };
  }
  const consumerRacks = new Map<string, string>();
  for (const [rack, members] of consumersByRack) {
    for (const member of members) consumerRacks.set(member, rack);
  }
  return { consumerRacks, partitionRacks, numConsumersByPartition };
}

function isRackAwareAssignmentUseful(
  consumerRacks: ReadonlySet<string>,
  allPartitionRacks: ReadonlySet<string>,
  partitionRacks: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  if (consumerRacks.size === 0 || ![...consumerRacks].some((rack) => allPartitionRacks.has(rack)))
    return false;
  for (const racks of partitionRacks.values()) {
    if (racks.size !== allPartitionRacks.size || [...racks].some((rack) => !allPartitionRacks.has(rack))) {
      return true;
    }
  }
  return false;
}

/** True when the member has a rack and the partition has no replica there (RackInfo.racksMismatch). */
export function racksMismatch(info: RackInfo, consumer: string, tp: Tp): boolean {
  const consumerRack = info.consumerRacks.get(consumer);
  if (consumerRack === undefined) return false;
  const replicaRacks = info.partitionRacks.get(tp.key);
  return replicaRacks === undefined || !replicaRacks.has(consumerRack);
}

/** Stable sort by the number of consumers sharing the partition's racks (fewest first). */
export function sortPartitionsByRackConsumers(info: RackInfo, partitions: Tp[]): Tp[] {
  if (info.numConsumersByPartition.size === 0) return partitions;
  const count = (tp: Tp) => info.numConsumersByPartition.get(tp.key) ?? 0;
  return [...partitions].sort((a, b) => count(a) - count(b));
}

/** Index of the first consumer at or after `firstIndex` (cyclically) whose rack holds a replica, or −1. */
export function nextRackConsumer(
  info: RackInfo,
  tp: Tp,
  consumers: readonly string[],
  firstIndex: number,
): number {
  const racks = info.partitionRacks.get(tp.key);
  if (racks === undefined || racks.size === 0) return -1;
  for (let i = 0; i < consumers.length; i++) {
    const index = (firstIndex + i) % consumers.length;
    const rack = info.consumerRacks.get(consumers[index]!);
    if (rack !== undefined && racks.has(rack)) return index;
  }
  return -1;
}
