// RangeAssignor's rack-aware first pass (KIP-881, Kafka 3.5+): hand out only the partitions that
// can go to a consumer on a rack holding a replica, without breaking the range quotas; the normal
// range pass then fills in the rest, possibly across racks.

import { InvariantError } from "../../core/errors";
import {
  assignPartitions,
  firstUnassigned,
  maxAssignable,
  racksMatch,
  type TopicAssignmentState,
} from "./range-topic-state";
import type { AssignmentResult } from "./types";

/**
 * Kafka groups topics by their subscriber set, then by partition count. Topics sharing both are
 * co-partitioned: partition p of all of them goes to the same consumer, which is worth more than
 * rack alignment. A topic alone in its group gets rack-matched ranges, and only if it needs them.
 * Groups never share a topic, so the order in which Kafka visits them does not matter.
 */
export function assignWithRackMatching(
  states: readonly TopicAssignmentState[],
  result: AssignmentResult,
): void {
  const groups = new Map<string, TopicAssignmentState[]>();
  for (const state of states) {
    // Racks are per member, so equal subscriber lists mean equal consumer→rack maps. Kafka keys the
    // inner grouping by the size of the rack table, which is 0 when no subscriber has a rack.
    const racksKnown = state.partitionRacks.length > 0;
    const key = JSON.stringify([
      state.consumers.map((c) => c.memberId),
      racksKnown ? state.partitionCount : 0,
    ]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [state]);
    else group.push(state);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    if (group.length > 1) {
      if (first.partitionRacks.length > 0) assignCoPartitionedWithRackMatching(group, result);
    } else if (first.needsRackAwareAssignment) {
      assignRackMatchedRanges(first, result);
    }
  }
}

/**
 * Kafka's `assignRanges` with `racksMatch` as the filter: each consumer in order takes, up to its
 * quota, the first unassigned partitions that have a replica on its rack (all partitions if the
 * consumer has no rack). Partitions are indexed by rack so the scan stays linear.
 */
function assignRackMatchedRanges(state: TopicAssignmentState, result: AssignmentResult): void {
  const partitionsByRack = new Map<string, number[]>();
  state.partitionRacks.forEach((racks, p) => {
    for (const rack of racks) {
      const list = partitionsByRack.get(rack);
      if (list === undefined) partitionsByRack.set(rack, [p]);
      else list.push(p);
    }
  });
  // Per rack, every listed partition before the cursor is already assigned.
  const cursorByRack = new Map<string, number>();
  for (let ci = 0; ci < state.consumers.length; ci++) {
    if (state.unassignedCount === 0) break;
    const limit = maxAssignable(state, ci);
    const rack = state.consumers[ci]!.rack;
    let picked: number[];
    if (rack === null) {
      picked = firstUnassigned(state, limit);
    } else {
      const list = partitionsByRack.get(rack) ?? [];
      let cursor = cursorByRack.get(rack) ?? 0;
      picked = [];
      for (; cursor < list.length && picked.length < limit; cursor++) {
        if (!state.assigned[list[cursor]!]) picked.push(list[cursor]!);
      }
      cursorByRack.set(rack, cursor);
    }
    if (picked.length > 0) assignPartitions(state, ci, picked, result);
  }
}

/**
 * Kafka's `assignCoPartitionedWithRackMatching`: for each partition number p, the first consumer
 * (in MemberInfo order) that still has quota and whose rack holds a replica of p for every topic
 * in the group (or that has no rack) gets p of all those topics. The topics have the same
 * subscribers and partition count and are assigned in lockstep, so their quotas stay identical and
 * the first topic's quota stands for all. A consumer out of quota stays out (quotas only shrink),
 * which lets each rack's consumer list be scanned once.
 */
function assignCoPartitionedWithRackMatching(
  group: readonly TopicAssignmentState[],
  result: AssignmentResult,
): void {
  const lead = group[0]!;
  const consumersByRack = new Map<string | null, number[]>();
  lead.consumers.forEach((consumer, ci) => {
    const list = consumersByRack.get(consumer.rack);
    if (list === undefined) consumersByRack.set(consumer.rack, [ci]);
    else list.push(ci);
  });
  const heads = new Map<string | null, number>();
  const firstWithQuota = (rack: string | null): number => {
    const list = consumersByRack.get(rack);
    if (list === undefined) return -1;
    let head = heads.get(rack) ?? 0;
    while (head < list.length && maxAssignable(lead, list[head]!) === 0) head++;
    heads.set(rack, head);
    return head < list.length ? list[head]! : -1;
  };
  for (let p = 0; p < lead.partitionCount; p++) {
    let chosen = firstWithQuota(null);
    for (const rack of lead.partitionRacks[p]!) {
      if (!group.every((state) => state.partitionRacks[p]!.has(rack))) continue;
      const candidate = firstWithQuota(rack);
      if (candidate !== -1 && (chosen === -1 || candidate < chosen)) chosen = candidate;
    }
    if (chosen === -1) continue;
    for (const state of group) {
      if (!racksMatch(state, chosen, p))
        throw new InvariantError(`range: ${state.topic}-${p} picked across racks`);
      assignPartitions(state, chosen, [p], result);
    }
  }
}
