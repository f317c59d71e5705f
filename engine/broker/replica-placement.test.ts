// Protects replica placement: Kafka's AdminUtils examples (its javadoc tables) with and without
// racks, the rules it enforces, and that leaders continue the simulator's round-robin placement.
import { describe, expect, it } from "vitest";
import { assignReplicas, placementProblem, rackAlternatedBrokers } from "./replica-placement";

const unracked = (ids: number[]) => ids.map((id) => ({ id, rack: null }));

describe("replica placement (AdminUtils.assignReplicasToBrokers)", () => {
  it("without racks: leaders round-robin, followers at a shift that grows after each round (javadoc table)", () => {
    const replicas = assignReplicas(unracked([0, 1, 2, 3, 4]), 10, 3, 0);
    expect(replicas).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 0],
      [4, 0, 1],
      [0, 2, 3],
      [1, 3, 4],
      [2, 4, 0],
      [3, 0, 1],
      [4, 1, 2],
    ]);
  });

  it("alternates racks: rack1 {0,5}, rack2 {3,4}, rack3 {1,2} → 0, 3, 1, 5, 4, 2 (javadoc)", () => {
    const brokers = [
      { id: 0, rack: "rack1" },
      { id: 1, rack: "rack3" },
      { id: 2, rack: "rack3" },
      { id: 3, rack: "rack2" },
      { id: 4, rack: "rack2" },
      { id: 5, rack: "rack1" },
    ];
    expect(rackAlternatedBrokers(brokers)).toEqual([0, 3, 1, 5, 4, 2]);
    expect(assignReplicas(brokers, 7, 3, 0)).toEqual([
      [0, 3, 1],
      [3, 1, 5],
      [1, 5, 4],
      [5, 4, 2],
      [4, 2, 0],
      [2, 0, 3],
      // After the first round the followers shift, instead of repeating partition 0's set.
      [0, 4, 2],
    ]);
  });

  it("with racks every partition's replicas span min(RF, racks) racks", () => {
    const brokers = [1, 2, 3, 4, 5, 6].map((id) => ({ id, rack: ["a", "b", "c"][(id - 1) % 3]! }));
    const rackOf = (id: number) => brokers.find((b) => b.id === id)!.rack;
    for (const rf of [1, 2, 3, 4]) {
      for (const replicas of assignReplicas(brokers, 12, rf, 2)) {
        expect(new Set(replicas).size).toBe(rf);
        expect(new Set(replicas.map(rackOf)).size).toBe(Math.min(rf, 3));
      }
    }
  });

  it("leaders with a start index continue the round-robin: partition p on broker (start + p) mod N", () => {
    const leaders = assignReplicas(unracked([1, 2, 3]), 5, 2, 1).map((r) => r[0]);
    expect(leaders).toEqual([2, 3, 1, 2, 3]);
    // Added partitions (startPartitionId) continue where the topic stopped.
    expect(assignReplicas(unracked([1, 2, 3]), 2, 1, 1, 5)).toEqual([[1], [2]]);
  });

  it("refuses what Kafka refuses, with its messages", () => {
    expect(placementProblem(unracked([1, 2]), 3)).toBe(
      "Replication factor: 3 larger than available brokers: 2.",
    );
    expect(
      placementProblem(
        [
          { id: 1, rack: "a" },
          { id: 2, rack: null },
        ],
        1,
      ),
    ).toBe("Not all brokers have rack information for replica rack aware assignment.");
    expect(placementProblem(unracked([1]), 0)).toBe("Replication factor must be larger than 0.");
    expect(() => assignReplicas(unracked([1]), 1, 2, 0)).toThrow(/larger than available brokers/);
  });
});
