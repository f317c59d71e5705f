// Rack helpers shared by the client assignors (KIP-881, AbstractPartitionAssignor).

import type { AssignmentInput, MemberSubscription } from "./types";

/** `client.rack` as the assignor uses it: an empty rack id counts as no rack. */
export function consumerRack(member: MemberSubscription): string | null {
  return member.rackId === null || member.rackId === "" ? null : member.rackId;
}

/**
 * Racks holding a replica of each partition 0..partitionCount−1 of `topic`. Kafka reads them from
 * the replicas' `Node.rack` (offline and out-of-sync replicas included); a partition missing from
 * `partitionRacks` has no known rack.
 */
export function replicaRacksOfTopic(
  input: AssignmentInput,
  topic: string,
  partitionCount: number,
): ReadonlySet<string>[] {
  const table = input.partitionRacks;
  const racks: ReadonlySet<string>[] = [];
  for (let p = 0; p < partitionCount; p++) {
    const key = `${topic}-${p}`;
    const listed = table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
    racks.push(new Set(listed ?? []));
  }
  return racks;
}

/**
 * `AbstractPartitionAssignor.useRackAwareAssignment`: only when some consumer has a rack that
 * also holds replicas, and the partitions are not all replicated on exactly the same racks (if
 * every rack has every partition, rack matching cannot improve locality). Kafka's unit tests force
 * it on with `preferRackAwareLogic`, which skips the uniformity check.
 */
export function shouldUseRackAwareAssignment(
  consumerRacks: ReadonlySet<string>,
  allPartitionRacks: ReadonlySet<string>,
  racksPerPartition: readonly ReadonlySet<string>[],
  preferRackAwareLogic: boolean,
): boolean {
  if (consumerRacks.size === 0) return false;
  let overlaps = false;
  for (const rack of consumerRacks) if (allPartitionRacks.has(rack)) overlaps = true;
  if (!overlaps) return false;
  if (preferRackAwareLogic) return true;
  return !racksPerPartition.every((racks) => sameSet(racks, allPartitionRacks));
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
