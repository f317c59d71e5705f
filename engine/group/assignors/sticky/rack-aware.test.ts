// Protects rack-aware sticky assignment against AbstractStickyAssignorTest's
// testRackAwareAssignmentWith{Uniform,NonEqual}Subscription (the production cases, preferRackAwareLogic off),
// as Kafka 3.8+ asserts them (after KAFKA-15170), rack-mismatch counts included. Kafka's variants with the
// test-only preferRackAwareLogic expect the same assignments and are not repeated here. For the eager
// StickyAssignor, Kafka's tests pass owned partitions only in Subscription.ownedPartitions, which it ignores
// (it reads userData), so its "misaligned owners" cases are fresh assignments, covered above.
import { describe, expect, it } from "vitest";
import { cooperativeStickyAssignor } from "../cooperative-sticky";
import { stickyAssignor } from "../sticky";
import type { AssignmentInput, Assignor, TopicPartition } from "../types";

const TOPICS: readonly [string, number][] = [
  ["t1", 6],
  ["t2", 7],
  ["t3", 2],
];
const racks = (n: number) => ["a", "b", "c", "d", "e", "f"].slice(0, n);
const nullRacks = (n: number): (string | null)[] => Array.from({ length: n }, () => null);

/**
 * AbstractPartitionAssignorTest.partitionsPerTopic: replica j of partition i of a topic starting at node
 * index `next` sits on broker (i + j + next) mod #brokers; topics take consecutive node indexes.
 */
function replicaRacks(
  replicationFactor: number,
  brokerRacks: readonly (string | null)[],
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  let next = 0;
  for (const [topic, count] of TOPICS) {
    for (let i = 0; i < count; i++) {
      const placed = Array.from(
        { length: replicationFactor },
        (_, j) => brokerRacks[(i + j + next) % brokerRacks.length],
      );
      result[`${topic}-${i}`] = placed.filter((rack): rack is string => rack !== null && rack !== undefined);
    }
    next += count;
  }
  return result;
}

const parse = (list: string): TopicPartition[] =>
  list.split(", ").map((key) => ({
    topic: key.slice(0, key.lastIndexOf("-")),
    partition: Number(key.slice(key.lastIndexOf("-") + 1)),
  }));

interface Case {
  readonly replicationFactor: number;
  readonly brokerRacks: readonly (string | null)[];
  readonly consumerRacks: readonly (string | null)[];
  readonly consumerTopics: readonly string[][];
  readonly owned?: readonly string[];
}

function toInput(c: Case): AssignmentInput {
  return {
    topics: TOPICS.map(([name, partitions]) => ({ name, partitions })),
    members: c.consumerRacks.map((rackId, i) => ({
      memberId: `consumer${i}`,
      groupInstanceId: null,
      rackId,
      topics: c.consumerTopics[i]!,
      ownedPartitions: c.owned ? parse(c.owned[i]!) : [],
      generation: null,
    })),
    partitionRacks: replicaRacks(c.replicationFactor, c.brokerRacks),
  };
}

function assign(assignor: Assignor, c: Case): string[] {
  const result = assignor.assign(toInput(c));
  return c.consumerRacks.map((_, i) =>
    result
      .get(`consumer${i}`)!
      .map((p) => `${p.topic}-${p.partition}`)
      .sort()
      .join(", "),
  );
}

/** Kafka's numPartitionsWithRackMismatch: partitions given to a member with a rack holding no replica. */
function rackMismatches(assignor: Assignor, c: Case): number {
  const input = toInput(c);
  let mismatched = 0;
  for (const [memberId, partitions] of assignor.assign(input)) {
    const rack = input.members.find((m) => m.memberId === memberId)!.rackId;
    if (rack === null) continue;
    for (const p of partitions)
      if (!input.partitionRacks![`${p.topic}-${p.partition}`]!.includes(rack)) mismatched++;
  }
  return mismatched;
}

const all = ["t1", "t2", "t3"];
const uniform = [all, all, all];
const nonEqual = [all, all, ["t1", "t3"]];
const assignors = [stickyAssignor, cooperativeStickyAssignor];

/**
 * Rack configurations under which Kafka expects the rack-unaware assignment: [name, replication factor,
 * broker racks, consumer racks, Kafka's expected number of rack-mismatched partitions (−1: not checked)].
 */
const RACKS_THAT_CHANGE_NOTHING = [
  ["no broker racks", 3, nullRacks(3), racks(3), -1],
  ["no consumer racks", 3, racks(3), nullRacks(3), -1],
  ["every partition on every rack", 3, racks(3), racks(3), 0],
  ["four broker racks, replication factor 4", 4, racks(4), racks(3), 0],
  ["consumer racks hold no replica", 3, racks(3), ["d", "e", "f"], -1],
  ["one consumer without rack", 3, racks(3), [null, "e", "f"], -1],
] as const;

describe.each(assignors)("$name, uniform subscriptions (constrained path)", (assignor) => {
  const expected = [
    "t1-0, t1-3, t2-0, t2-3, t2-6",
    "t1-1, t1-4, t2-1, t2-4, t3-0",
    "t1-2, t1-5, t2-2, t2-5, t3-1",
  ];
  it.each([
    ...RACKS_THAT_CHANGE_NOTHING,
    ["replication factor 1, aligned", 1, racks(3), racks(3), 0],
    ["replication factor 2, aligned", 2, racks(3), racks(3), 0],
    ["two broker racks for three consumers", 3, racks(2), racks(3), 5],
  ] as const)("%s", (_, replicationFactor, brokerRacks, consumerRacks, mismatched) => {
    const base = { replicationFactor, brokerRacks, consumerRacks, consumerTopics: uniform };
    for (const c of [base, { ...base, owned: expected }]) {
      expect(assign(assignor, c)).toEqual(expected);
      if (mismatched >= 0) expect(rackMismatches(assignor, c)).toBe(mismatched);
    }
  });
});

describe("uniform subscriptions, misaligned owners (replication factor 1)", () => {
  const c = {
    replicationFactor: 1,
    brokerRacks: racks(3),
    consumerRacks: racks(3),
    consumerTopics: uniform,
  };

  it("cooperative-sticky keeps the rack-aligned claims and withholds every partition another member still owns", () => {
    const owned = [
      "t1-0, t1-1, t1-2, t1-3, t1-4",
      "t1-5, t2-0, t2-1, t2-2, t2-3",
      "t2-4, t2-5, t2-6, t3-0, t3-1",
    ];
    // Kafka 3.8+ (KAFKA-15170): a claim on the wrong rack is given up by its owner, so the member it moves
    // to must wait for the follow-up round. Before the fix it was handed over at once, owned twice.
    const intermediate = ["t1-0, t1-3", "t2-1", "t2-5, t3-1"];
    expect(assign(cooperativeStickyAssignor, { ...c, owned })).toEqual(intermediate);
    expect(rackMismatches(cooperativeStickyAssignor, { ...c, owned })).toBe(0);
    expect(assign(cooperativeStickyAssignor, { ...c, owned: intermediate })).toEqual([
      "t1-0, t1-3, t2-0, t2-3, t2-6",
      "t1-1, t1-4, t2-1, t2-4, t3-0",
      "t1-2, t1-5, t2-2, t2-5, t3-1",
    ]);
  });
});

describe.each(assignors)("$name, non-equal subscriptions (general path)", (assignor) => {
  it.each([
    ...RACKS_THAT_CHANGE_NOTHING,
    ["two broker racks for three consumers", 3, racks(2), racks(3), 5],
  ] as const)("%s: same as rack-unaware", (_, replicationFactor, brokerRacks, consumerRacks, mismatched) => {
    const expected = [
      "t1-5, t2-0, t2-2, t2-4, t2-6",
      "t1-3, t2-1, t2-3, t2-5, t3-0",
      "t1-0, t1-1, t1-2, t1-4, t3-1",
    ];
    const base = { replicationFactor, brokerRacks, consumerRacks, consumerTopics: nonEqual };
    for (const c of [base, { ...base, owned: expected }]) {
      expect(assign(assignor, c)).toEqual(expected);
      if (mismatched >= 0) expect(rackMismatches(assignor, c)).toBe(mismatched);
    }
  });

  it.each([
    [1, 4, ["t1-3, t2-0, t2-2, t2-3, t2-6", "t1-4, t2-1, t2-4, t2-5, t3-0", "t1-0, t1-1, t1-2, t1-5, t3-1"]],
    [2, 0, ["t1-3, t2-0, t2-2, t2-5, t2-6", "t1-0, t2-1, t2-3, t2-4, t3-0", "t1-1, t1-2, t1-4, t1-5, t3-1"]],
  ] as const)(
    "replication factor %i: rack-aligned where balance allows (%i mismatched)",
    (replicationFactor, mismatched, expected) => {
      const base = {
        replicationFactor,
        brokerRacks: racks(3),
        consumerRacks: racks(3),
        consumerTopics: nonEqual,
      };
      for (const c of [base, { ...base, owned: expected }]) {
        expect(assign(assignor, c)).toEqual(expected);
        expect(rackMismatches(assignor, c)).toBe(mismatched);
      }
    },
  );
});

describe("non-equal subscriptions, cooperative-sticky from misaligned owners", () => {
  const owned = [
    "t1-0, t1-1, t1-2, t1-3, t1-4",
    "t1-5, t2-0, t2-1, t2-2, t2-3",
    "t2-4, t2-5, t2-6, t3-0, t3-1",
  ];

  it("replication factor 1: an intermediate round, then the rack-aligned assignment", () => {
    const c = {
      replicationFactor: 1,
      brokerRacks: racks(3),
      consumerRacks: racks(3),
      consumerTopics: nonEqual,
    };
    const intermediate = ["t1-3", "t2-1", "t3-1"];
    expect(assign(cooperativeStickyAssignor, { ...c, owned })).toEqual(intermediate);
    expect(rackMismatches(cooperativeStickyAssignor, { ...c, owned })).toBe(0);
    expect(assign(cooperativeStickyAssignor, { ...c, owned: intermediate })).toEqual([
      "t1-3, t2-0, t2-2, t2-3, t2-6",
      "t1-4, t2-1, t2-4, t2-5, t3-0",
      "t1-0, t1-1, t1-2, t1-5, t3-1",
    ]);
    expect(rackMismatches(cooperativeStickyAssignor, { ...c, owned: intermediate })).toBe(4);
  });

  it("all racks match: behaves as rack-unaware, keeping owners where balance allows", () => {
    const c = {
      replicationFactor: 3,
      brokerRacks: racks(3),
      consumerRacks: racks(3),
      consumerTopics: nonEqual,
    };
    const intermediate = ["t1-2, t1-3, t1-4", "t2-0, t2-1, t2-2, t2-3", "t3-0, t3-1"];
    expect(assign(cooperativeStickyAssignor, { ...c, owned })).toEqual(intermediate);
    expect(assign(cooperativeStickyAssignor, { ...c, owned: intermediate })).toEqual([
      "t1-2, t1-3, t1-4, t2-4, t2-5",
      "t2-0, t2-1, t2-2, t2-3, t2-6",
      "t1-0, t1-1, t1-5, t3-0, t3-1",
    ]);
  });
});
