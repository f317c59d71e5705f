// Kafka's StickyAssignor ("sticky"): the eager variant of AbstractStickyAssignor. Eager members revoke
// everything before rejoining, so the assignor learns what each one owned from its userData (partitions +
// generation), which `ownedPartitions` and `generation` stand for here. The assignment is returned as is:
// under EAGER nobody still owns a partition when it is handed out.
//
// The userData carries the partitions grouped by topic (CollectionUtils.groupPartitionsByTopic, a HashMap
// of topic → partitions filled with computeIfAbsent), so the leader reads them back topic by topic in that
// map's order, each topic's partitions in the member's order. That order reaches the result: kept
// partitions stay in it.

import { javaStringHashCode } from "../../core/java-hash";
import { JavaHashMap } from "../../core/java-hashmap";
import { runAbstractStickyAssignor, toAssignmentResult } from "./sticky/abstract-sticky";
import { assignOrIgnoreOwnership } from "./sticky-fallback";
import type { AssignmentInput, AssignmentResult, Assignor, MemberSubscription, TopicPartition } from "./types";

export const stickyAssignor: Assignor = {
  name: "sticky",
  supportedProtocols: ["EAGER"],
  assign(input: AssignmentInput): AssignmentResult {
    return assignOrIgnoreOwnership(input, kafkaStickyAssign).result;
  },
};

/** StickyAssignor.assign as Kafka runs it; throws StickyAssignorStateError where Kafka fails. */
export function kafkaStickyAssign(input: AssignmentInput): AssignmentResult {
  const members = input.members.map(withUserDataOrder);
  return toAssignmentResult(members, runAbstractStickyAssignor({ ...input, members }).assignment);
}

function withUserDataOrder(member: MemberSubscription): MemberSubscription {
  const byTopic = new JavaHashMap<string, TopicPartition[]>(javaStringHashCode, (topic) => topic);
  for (const tp of member.ownedPartitions) byTopic.computeIfAbsent(tp.topic, () => []).push(tp);
  return { ...member, ownedPartitions: [...byTopic.entries()].flatMap(([, partitions]) => partitions) };
}
