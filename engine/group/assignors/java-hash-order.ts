// Iteration order of a default-constructed java.util.HashMap / HashSet keyed by String.
// Kafka's group leader keeps subscriptions in a HashMap<memberId, Subscription> and
// AbstractPartitionAssignor collects topics into a HashSet and a HashMap, so ties in member
// sorting and the order of topics in RangeAssignor's output lists follow these orders.
//
// Model: capacity starts at 16 and doubles whenever size exceeds 0.75·capacity; a key lives in
// bucket `(h ^ (h >>> 16)) & (capacity − 1)` with h = String.hashCode; buckets are visited in
// ascending order and keys within a bucket in insertion order (resizes split buckets without
// reordering). Simplification: a bucket holding more than 8 keys in a table of 64+ is turned
// into a red-black tree whose order is not insertion order; that needs deliberately colliding
// hash codes and is not modelled.

import { javaStringHashCode } from "../../core/java-hash";

const JAVA_HASHMAP_MAX_CAPACITY = 2 ** 30;

/** Table capacity of a `new HashMap<>()` after `size` distinct insertions. */
export function javaHashMapCapacity(size: number): number {
  let capacity = 16;
  while (size > capacity * 0.75 && capacity < JAVA_HASHMAP_MAX_CAPACITY) capacity *= 2;
  return capacity;
}

/** The bucket index of `key` in a table of `capacity` (a power of two). */
export function javaHashBucket(key: string, capacity: number): number {
  const h = javaStringHashCode(key);
  return (h ^ (h >>> 16)) & (capacity - 1);
}

/**
 * Keys in the order Java iterates a default HashMap/HashSet after inserting `keysInInsertionOrder`.
 * Re-inserting a present key keeps its first position, as `put`/`add` do.
 */
export function javaHashIterationOrder(keysInInsertionOrder: Iterable<string>): string[] {
  const distinct = [...new Set(keysInInsertionOrder)];
  const capacity = javaHashMapCapacity(distinct.length);
  const buckets = distinct.map((key) => javaHashBucket(key, capacity));
  const indexes = distinct.map((_, i) => i);
  // Array.prototype.sort is stable, so keys sharing a bucket stay in insertion order.
  indexes.sort((a, b) => buckets[a]! - buckets[b]!);
  return indexes.map((i) => distinct[i]!);
}
