// Where a topic's partitions get their replicas: Kafka's AdminUtils.assignReplicasToBrokers (the
// placement `kafka-reassign-partitions --generate` computes, and what ZooKeeper-era clusters did at
// topic creation). Without racks, the first replica goes round-robin over the brokers and the others
// follow at a shift that grows after each full round. When every broker has a rack, the brokers are
// first arranged so racks alternate, and followers skip brokers on racks (then brokers) that already
// hold a replica while some rack (broker) has none.
//
// Kafka starts at a random broker (and shift) unless given a fixed start index. The simulator always
// gives one: the number of partitions placed before (earlier topics, or this topic's existing
// partitions), so leaders continue round-robin across topics exactly as the simulator placed them
// before replicas existed, and a run stays reproducible. Kafka 4.x's KRaft controller places new
// topics with its StripedReplicaPlacer instead; the layout has the same goals (see engine/README.md).

export interface BrokerPlacement {
  readonly id: number;
  readonly rack: string | null;
}

/** Kafka's messages (InvalidReplicationFactorException, AdminOperationException). */
export function placementProblem(
  brokers: readonly BrokerPlacement[],
  replicationFactor: number,
): string | null {
  if (replicationFactor <= 0) return "Replication factor must be larger than 0.";
  if (replicationFactor > brokers.length) {
    return `Replication factor: ${replicationFactor} larger than available brokers: ${brokers.length}.`;
  }
  const racked = brokers.filter((b) => b.rack !== null).length;
  if (racked > 0 && racked < brokers.length) {
    return "Not all brokers have rack information for replica rack aware assignment.";
  }
  return null;
}

/**
 * The brokers with racks alternating: racks in name order, each rack's brokers by id, one broker of
 * each rack in turn (rack1: 0,1,2 and rack2: 3,4,5 give 0,3,1,4,2,5).
 */
export function rackAlternatedBrokers(brokers: readonly BrokerPlacement[]): number[] {
  const byRack = new Map<string, number[]>();
  for (const b of brokers) {
    const list = byRack.get(b.rack!) ?? [];
    list.push(b.id);
    byRack.set(b.rack!, list);
  }
  // Java's String order (UTF-16 code units) is what plain comparison gives.
  const racks = [...byRack.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const queues = racks.map((rack) => byRack.get(rack)!.sort((a, b) => a - b));
  const out: number[] = [];
  for (let round = 0; out.length < brokers.length; round++) {
    for (const queue of queues) if (round < queue.length) out.push(queue[round]!);
  }
  return out;
}

/** The broker index of follower `j` (0-based) for a partition whose leader is at `first`. */
function followerIndex(first: number, shift: number, j: number, brokerCount: number): number {
  return (first + 1 + ((shift + j) % (brokerCount - 1))) % brokerCount;
}

/**
 * Replica lists (leader first) for partitions startPartitionId … startPartitionId+count−1.
 * Callers check `placementProblem` first.
 */
export function assignReplicas(
  brokers: readonly BrokerPlacement[],
  count: number,
  replicationFactor: number,
  startIndex: number,
  startPartitionId = 0,
): number[][] {
  const problem = placementProblem(brokers, replicationFactor);
  if (problem) throw new Error(problem);
  const rackAware = brokers.length > 0 && brokers.every((b) => b.rack !== null);
  const list = rackAware ? rackAlternatedBrokers(brokers) : brokers.map((b) => b.id);
  const rackOf = new Map(brokers.map((b) => [b.id, b.rack]));
  const rackCount = new Set(brokers.map((b) => b.rack)).size;
  const n = list.length;
  const out: number[][] = [];
  let shift = startIndex;
  for (let partition = startPartitionId; partition < startPartitionId + count; partition++) {
    // After each full round over the brokers the followers move one further, so partition n does
    // not repeat partition 0's replica set.
    if (partition > 0 && partition % n === 0) shift++;
    const first = (partition + startIndex) % n;
    const replicas = [list[first]!];
    if (!rackAware) {
      for (let j = 0; j < replicationFactor - 1; j++) replicas.push(list[followerIndex(first, shift, j, n)]!);
    } else {
      const racks = new Set([rackOf.get(list[first]!)]);
      // k walks the same shifted sequence; a broker is taken only if its rack (then itself) is new,
      // or every rack (every broker) already has a replica.
      // Each follower is found within one pass over the other brokers (n − 1 steps).
      for (let k = 0; replicas.length < replicationFactor; k++) {
        if (k >= replicationFactor * n) throw new Error("replica placement did not converge");
        const broker = list[followerIndex(first, shift * rackCount, k, n)]!;
        const rack = rackOf.get(broker);
        const rackOk = !racks.has(rack) || racks.size === rackCount;
        const brokerOk = !replicas.includes(broker) || replicas.length === n;
        if (rackOk && brokerOk) {
          replicas.push(broker);
          racks.add(rack);
        }
      }
    }
    out.push(replicas);
  }
  return out;
}

/** The scenario's brokers as placement input. */
export function brokerPlacements(
  brokers: readonly { readonly id: number; readonly rack?: string | undefined }[],
): BrokerPlacement[] {
  return brokers.map((b) => ({ id: b.id, rack: b.rack ?? null }));
}
