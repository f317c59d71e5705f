// Kafka's RoundRobinAssignor ("roundrobin", clients/.../consumer/RoundRobinAssignor.java, 4.x).
// Members sorted as MemberInfo sorts them sit on a circular iterator; every partition of every
// subscribed topic (topics in name order, partitions ascending) goes to the next member on the
// circle that subscribes to its topic, and the iterator then moves one past that member. With
// differing subscriptions the skips make it unbalanced; it knows nothing of racks.

import { javaStringCompare } from "../../core/java-hash";
import { emptyAssignment, sortMembers, viewGroupSubscription } from "./member-order";
import type { AssignmentInput, AssignmentResult, Assignor } from "./types";

export const roundRobinAssignor: Assignor = {
  name: "roundrobin",
  supportedProtocols: ["EAGER"],
  assign: assignRoundRobin,
};

function assignRoundRobin(input: AssignmentInput): AssignmentResult {
  const view = viewGroupSubscription(input);
  const circle = sortMembers(view.members);
  // Circle positions subscribed to each topic, ascending: skipping to "the next subscriber at or
  // after the iterator" is then a search in this list instead of a walk around the circle.
  const subscribersByTopic = new Map<string, number[]>();
  circle.forEach((member, position) => {
    for (const topic of new Set(member.topics)) {
      const list = subscribersByTopic.get(topic);
      if (list === undefined) subscribersByTopic.set(topic, [position]);
      else list.push(position);
    }
  });
  const topics = [...subscribersByTopic.keys()].sort(javaStringCompare);

  const result = emptyAssignment(input);
  let iterator = 0;
  for (const topic of topics) {
    const partitionCount = view.partitionCounts.get(topic);
    if (partitionCount === undefined) continue;
    const subscribers = subscribersByTopic.get(topic)!;
    let k = firstAtOrAfter(subscribers, iterator);
    for (let p = 0; p < partitionCount; p++) {
      const position = subscribers[k]!;
      result.get(circle[position]!.memberId)!.push({ topic, partition: p });
      iterator = (position + 1) % circle.length;
      k = (k + 1) % subscribers.length;
    }
  }
  return result;
}

/** Index in `sorted` of the first value ≥ `from`, wrapping to 0 when there is none (the circle). */
function firstAtOrAfter(sorted: readonly number[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo === sorted.length ? 0 : lo;
}
