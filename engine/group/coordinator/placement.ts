// Which broker coordinates a group. Kafka hashes the group id onto a partition of the internal
// __consumer_offsets topic (GroupCoordinatorService.partitionFor) and the leader of that partition
// is the coordinator. The simulator places those 50 partitions' leaders with the rule it uses for
// every topic: round-robin over brokers 1…N in partition order, as if __consumer_offsets were
// created on its own (partition p → broker (p mod N) + 1). There is no leader failover yet, so a
// group's coordinator is fixed for the run.
import { javaStringHashCode, javaUtilsAbs } from "../../core/java-hash";

/** offsets.topic.num.partitions (default 50). */
export const OFFSETS_TOPIC_PARTITIONS = 50;

/** `Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions`. */
export function offsetsPartitionFor(groupId: string): number {
  return javaUtilsAbs(javaStringHashCode(groupId)) % OFFSETS_TOPIC_PARTITIONS;
}

/** The leader of __consumer_offsets partition `partition` on a cluster of brokers 1…brokerCount. */
export function offsetsPartitionLeader(partition: number, brokerCount: number): number {
  return (partition % brokerCount) + 1;
}

export function coordinatorBrokerFor(groupId: string, brokerCount: number): number {
  return offsetsPartitionLeader(offsetsPartitionFor(groupId), brokerCount);
}
