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
  /** The generation of `ownedPartitions` as its MemberData carries it; DEFAULT_GENERATION when unknown. */
  readonly generation: number;
  /** Subscription.generationId, what another member's claim is compared with; DEFAULT_GENERATION when absent. */
  readonly subscriptionGeneration: number;
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
 * What Kafka's AbstractStickyAssignor does at the point where the port throws: fail with that Java exception
 * (the leader's assignment, and so its poll(), fails), or, for the general path's reassignment loop, keep
 * going without end (Kafka has no bound there; the port stops after a budget far above anything seen).
 */
export type KafkaStickyFailure = "IllegalStateException" | "NullPointerException" | "endless loop";

/**
 * Raised where Kafka's own code fails on the same input: an IllegalStateException it throws itself (the
 * constrained fill, when a member claims a partition number the leader's metadata does not have), or a
 * NullPointerException (the general path dereferencing a member that left the balancing scope, e.g. the
 * previous owner of a partition from an older generation).
 */
export class StickyAssignorStateError extends Error {
  override readonly name = "StickyAssignorStateError";

  constructor(
    readonly kafkaFailure: KafkaStickyFailure,
    message: string,
  ) {
    super(message);
  }
}
