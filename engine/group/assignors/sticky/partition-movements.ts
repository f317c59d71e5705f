// AbstractStickyAssignor.PartitionMovements: remembers, per topic and (source → destination) member pair,
// which partitions moved during this rebalance. When a partition of a topic is about to move from A to B and
// some partition of that topic already moved from B to A, Kafka moves that one back instead, so partitions
// do not travel in both directions between two members. Which one comes back is the first element of a Java
// HashSet<TopicPartition>, hence the emulated HashSet here.

import { JavaHashMap } from "../../../core/java-hashmap";
import { type Tp, tpHashCode, tpIdentity } from "./model";

interface Movement {
  readonly source: string;
  readonly destination: string;
}

/** Unambiguous for any member ids: the length prefix says where the source ends. */
const pairKey = (source: string, destination: string): string => `${source.length}:${source}${destination}`;

export class PartitionMovements {
  private readonly byTopic = new Map<string, Map<string, JavaHashMap<Tp, true>>>();
  private readonly byPartition = new Map<string, Movement>();

  /** getTheActualPartitionToBeMoved: the partition that should travel from `oldConsumer` to `newConsumer`. */
  actualPartitionToBeMoved(tp: Tp, oldConsumer: string, newConsumer: string): Tp {
    const topicMovements = this.byTopic.get(tp.topic);
    if (!topicMovements) return tp;
    const source = this.byPartition.get(tp.key)?.source ?? oldConsumer;
    const reverse = topicMovements.get(pairKey(newConsumer, source));
    return reverse?.firstKey() ?? tp;
  }

  /** movePartition: records the move, collapsing A→B→A into "never moved". */
  movePartition(tp: Tp, oldConsumer: string, newConsumer: string): void {
    const existing = this.byPartition.get(tp.key);
    if (!existing) {
      this.add(tp, { source: oldConsumer, destination: newConsumer });
      return;
    }
    this.remove(tp, existing);
    if (existing.source !== newConsumer) this.add(tp, { source: existing.source, destination: newConsumer });
  }

  private add(tp: Tp, movement: Movement): void {
    this.byPartition.set(tp.key, movement);
    let topicMovements = this.byTopic.get(tp.topic);
    if (!topicMovements) {
      topicMovements = new Map();
      this.byTopic.set(tp.topic, topicMovements);
    }
    const key = pairKey(movement.source, movement.destination);
    let partitions = topicMovements.get(key);
    if (!partitions) {
      partitions = new JavaHashMap<Tp, true>(tpHashCode, tpIdentity);
      topicMovements.set(key, partitions);
    }
    partitions.set(tp, true);
  }

  private remove(tp: Tp, movement: Movement): void {
    this.byPartition.delete(tp.key);
    const topicMovements = this.byTopic.get(tp.topic)!;
    const key = pairKey(movement.source, movement.destination);
    const partitions = topicMovements.get(key)!;
    partitions.delete(tp);
    if (partitions.size === 0) topicMovements.delete(key);
    if (topicMovements.size === 0) this.byTopic.delete(tp.topic);
  }
}
