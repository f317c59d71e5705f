// Kafka's CooperativeStickyAssignor ("cooperative-sticky"): AbstractStickyAssignor plus adjustAssignment.
// Under COOPERATIVE a partition may not be handed to a new owner while another member still owns it, so
// such "transferring" partitions are withheld from this round's result: the old owner sees them revoked,
// rejoins at once, and the follow-up rebalance gives them to their new owner.
// Constrained path: the builder's partitionsTransferringOwnership. General path: recomputed as partitions
// newly assigned to a member that some member reported owning and is not assigned any more.

import { runAbstractStickyAssignor, toAssignmentResult } from "./sticky/abstract-sticky";
import { removeFirst, type StickySubscription, type Tp } from "./sticky/model";
import { assignOrIgnoreOwnership } from "./sticky-fallback";
import type { AssignmentInput, AssignmentResult, Assignor } from "./types";

export const cooperativeStickyAssignor: Assignor = {
  name: "cooperative-sticky",
  supportedProtocols: ["EAGER", "COOPERATIVE"],
  assign(input: AssignmentInput): AssignmentResult {
    const { result, ownershipIgnored } = assignOrIgnoreOwnership(input, kafkaCooperativeStickyAssign);
    // An answer that ignored ownership must still never hand out a partition someone else owns.
    return ownershipIgnored ? withholdStillOwned(input, result) : result;
  },
};

/** CooperativeStickyAssignor.assign as Kafka runs it; throws StickyAssignorStateError where Kafka fails. */
export function kafkaCooperativeStickyAssign(input: AssignmentInput): AssignmentResult {
  const run = runAbstractStickyAssignor(input, "subscription");
  const transferring =
    run.partitionsTransferringOwnership ?? computeTransferring(run.subscriptions, run.assignment);
  for (const [key, member] of transferring) {
    const partitions = run.assignment.get(member)!;
    const tp = partitions.find((candidate) => candidate.key === key);
    if (tp !== undefined) removeFirst(partitions, tp);
  }
  return toAssignmentResult(input.members, run.assignment);
}

/** Removes partitions assigned to one member while another member reports still owning them. */
function withholdStillOwned(input: AssignmentInput, result: AssignmentResult): AssignmentResult {
  const owner = new Map<string, string>();
  for (const member of input.members) {
    for (const tp of member.ownedPartitions) owner.set(`${tp.topic}-${tp.partition}`, member.memberId);
  }
  for (const [memberId, partitions] of result) {
    const kept = partitions.filter((tp) => {
      const current = owner.get(`${tp.topic}-${tp.partition}`);
      return current === undefined || current === memberId;
    });
    if (kept.length !== partitions.length) result.set(memberId, kept);
  }
  return result;
}

/** computePartitionsTransferringOwnership: added to someone ∩ revoked from someone. */
function computeTransferring(
  subscriptions: readonly StickySubscription[],
  assignment: ReadonlyMap<string, readonly Tp[]>,
): Map<string, string> {
  const added = new Map<string, string>();
  const revoked = new Set<string>();
  for (const subscription of subscriptions) {
    const assigned = assignment.get(subscription.memberId) ?? [];
    const owned = new Set(subscription.ownedPartitions.map((tp) => tp.key));
    const assignedKeys = new Set(assigned.map((tp) => tp.key));
    for (const tp of assigned) {
      if (!owned.has(tp.key)) added.set(tp.key, subscription.memberId);
    }
    for (const tp of subscription.ownedPartitions) {
      if (!assignedKeys.has(tp.key)) revoked.add(tp.key);
    }
  }
  for (const key of added.keys()) {
    if (!revoked.has(key)) added.delete(key);
  }
  return added;
}
