// Kafka's client-side RangeAssignor ("range", clients/.../consumer/RangeAssignor.java, 4.x):
// per topic, the sorted subscribers split the partitions into contiguous ranges and the first
// P % C of them take one extra. With consumer and replica racks (KIP-881) a rack-matching pass
// runs first; see range-rack-matching.ts.

import { javaStringCompare } from "../../core/java-hash";
import { emptyAssignment, viewGroupSubscription } from "./member-order";
import { assignWithRackMatching } from "./range-rack-matching";
import { assignRanges, createTopicState } from "./range-topic-state";
import type {
  AssignmentInput,
  AssignmentResult,
  Assignor,
  MemberSubscription,
  TopicPartition,
} from "./types";

export interface RangeAssignorOptions {
  /**
   * Kafka's test-only `preferRackAwareLogic`: use the rack-aware path even when every partition
   * has replicas on the same racks. Off in real clients; exposed so Kafka's tests can be ported.
   */
  readonly preferRackAwareLogic?: boolean;
}

export function createRangeAssignor(options: RangeAssignorOptions = {}): Assignor {
  const preferRackAwareLogic = options.preferRackAwareLogic ?? false;
  return {
    name: "range",
    supportedProtocols: ["EAGER"],
    assign: (input) => assignRange(input, preferRackAwareLogic),
  };
}

export const rangeAssignor: Assignor = createRangeAssignor();

/**
 * Topics are visited in Kafka's `partitionsPerTopic` HashMap order, so without racks each member's
 * list is its ranges in that topic order. When any topic uses the rack-aware path, Kafka sorts
 * every member's list by topic name, then partition.
 */
function assignRange(input: AssignmentInput, preferRackAwareLogic: boolean): AssignmentResult {
  const view = viewGroupSubscription(input);
  const subscribersByTopic = new Map<string, MemberSubscription[]>();
  for (const member of view.members) {
    for (const topic of member.topics) {
      const list = subscribersByTopic.get(topic);
      if (list === undefined) subscribersByTopic.set(topic, [member]);
      else list.push(member);
    }
  }
  const states = view.topics.map((topic) =>
    createTopicState(
      input,
      topic,
      view.partitionCounts.get(topic)!,
      subscribersByTopic.get(topic)!,
      preferRackAwareLogic,
    ),
  );

  const result = emptyAssignment(input);
  const useRackAware = states.some((state) => state.needsRackAwareAssignment);
  if (useRackAware) assignWithRackMatching(states, result);
  for (const state of states) assignRanges(state, result);
  if (useRackAware) for (const list of result.values()) list.sort(compareTopicPartition);
  return result;
}

/** `Utils.TopicPartitionComparator`: topic name (Java String order), then partition number. */
function compareTopicPartition(a: TopicPartition, b: TopicPartition): number {
  return javaStringCompare(a.topic, b.topic) || a.partition - b.partition;
}
