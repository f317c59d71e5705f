// The values AbstractStickyAssignor works on, with the Java identities (hashCode, equals, compareTo) that
// decide the orders of its HashMaps, HashSets and sorts.

import { javaStringCompare, javaStringHashCode } from "../../../core/java-hash";

/** Kafka's DEFAULT_GENERATION: what a member without a known generation reports. */
export const DEFAULT_GENERATION = -1;

/** A TopicPartition with its Java hashCode and a string that is equal iff Java's `equals` is. */
export interface Tp {
  readonly topic: string;
  readonly partition: number;
  readonly key: string;
  readonly hash: number;
}

/** `TopicPartition.hashCode()`: 31·(31 + partition) + topic.hashCode(), in int arithmetic. */
export function topicPartitionHashCode(topic: string, partition: number): number {
  return (Math.imul(31, (31 + partition) | 0) + javaStringHashCode(topic)) | 0;
}

/** Interns TopicPartitions so each one is built (and hashed) once per assignment. */
export class TpPool {
  private readonly byKey = new Map<string, Tp>();

  get(topic: string, partition: number): Tp {
    const key = `${topic}-${partition}`;
    let tp = this.byKey.get(key);
    if (!tp) {
      tp = { topic, partition, key, hash: topicPartitionHashCode(topic, partition) };
      this.byKey.set(key, tp);
    }
    return tp;
  }
}

export const tpHashCode = (tp: Tp): number => tp.hash;
export const tpIdentity = (tp: Tp): string => tp.key;

/** One member's subscription as the assignor reads it (AbstractStickyAssignor.MemberData + topics). */
export interface StickySubscription {
  readonly memberId: string;
  readonly topics: readonly string[];
  /** What the member last owned (ownedPartitions, or the eager assignor's userData), in its order. */
  readonly ownedPartitions: readonly Tp[];
  /** The generation of `ownedPartitions`; DEFAULT_GENERATION when unknown. */
  readonly generation: number;
  readonly rackId: string | null;
}

/** Java's `Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition)`. */
export function compareByTopicThenPartition(a: Tp, b: Tp): number {
  return javaStringCompare(a.topic, b.topic) || a.partition - b.partition;
}

/** Java's `Comparator.comparing(TopicPartition::partition).thenComparing(TopicPartition::topic)`. */
export function compareByPartitionThenTopic(a: Tp, b: Tp): number {
  return a.partition - b.partition || javaStringCompare(a.topic, b.topic);
}

/** Removes the first element equal to `tp`, as Java's `List.remove(Object)` does. */
export function removeFirst(list: Tp[], tp: Tp): boolean {
  const index = list.findIndex((candidate) => candidate.key === tp.key);
  if (index < 0) return false;
  list.splice(index, 1);
  return true;
}

/**
 * Kafka's assignor fails on this input too: an IllegalStateException it throws itself (e.g. the rack-aware
 * constrained fill can leave the maxQuota count short), or a NullPointerException (e.g. a partition's
 * previous owner left the balancing scope). The leader's assignment then fails; we fail the same way.
 */
export class StickyAssignorStateError extends Error {
  override readonly name = "StickyAssignorStateError";
}
