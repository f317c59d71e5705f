// Protects the KIP-881 rack-aware RangeAssignor: Kafka's RangeAssignorTest rack vectors, built with
// the replica layout of AbstractPartitionAssignorTest (replicas placed round-robin over broker racks).

import { describe, expect, it } from "vitest";
import { createRangeAssignor } from "./range";
import type { AssignmentInput, Assignor, MemberSubscription, TopicPartition } from "./types";

const ALL_RACKS = ["a", "b", "c", "d", "e", "f"];

function member(
  memberId: string,
  topics: string[],
  extra: { instance?: string; rack?: string | null } = {},
): MemberSubscription {
  return {
    memberId,
    groupInstanceId: extra.instance ?? null,
    rackId: extra.rack ?? null,
    topics,
    ownedPartitions: [],
    generation: null,
  };
}

function topicsOf(counts: Record<string, number>): AssignmentInput["topics"] {
  return Object.entries(counts).map(([name, partitions]) => ({ name, partitions }));
}

const show = (tps: readonly TopicPartition[] | undefined): string[] =>
  (tps ?? []).map((tp) => `${tp.topic}-${tp.partition}`);

/** Like Kafka's `toSortedString`: TopicPartition.toString() values sorted as strings. */
const sortedString = (tps: readonly TopicPartition[] | undefined): string => show(tps).sort().join(", ");

/**
 * Kafka's AbstractPartitionAssignorTest.verifyRackAssignment: members are consumer0..n; topics
 * are laid out in the listed order, partition i of a topic whose first partition has global index
 * `next` having replicas on brokers (i + j + next) % brokers for j < replicationFactor.
 */
function rackInput(
  counts: Record<string, number>,
  replicationFactor: number,
  brokerRacks: (string | null)[],
  consumerRacks: (string | null)[],
  consumerTopics: string[][],
): AssignmentInput {
  const partitionRacks: Record<string, string[]> = {};
  let next = 0;
  for (const [topic, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) {
      const racks: string[] = [];
      for (let j = 0; j < replicationFactor; j++) {
        const rack = brokerRacks[(i + j + next) % brokerRacks.length];
        if (rack !== null && rack !== undefined) racks.push(rack);
      }
      partitionRacks[`${topic}-${i}`] = racks;
    }
    next += n;
  }
  return {
    topics: topicsOf(counts),
    members: consumerRacks.map((rack, i) => member(`consumer${i}`, consumerTopics[i]!, { rack })),
    partitionRacks,
  };
}

const racks = (n: number) => Array.from({ length: n }, (_, i) => ALL_RACKS[i % ALL_RACKS.length]!);
const nullRacks = (n: number): null[] => Array.from({ length: n }, () => null);

function verifyRackAssignment(
  assignor: Assignor,
  counts: Record<string, number>,
  replicationFactor: number,
  brokerRacks: (string | null)[],
  consumerRacks: (string | null)[],
  consumerTopics: string[][],
  expected: string[],
  numPartitionsWithRackMismatch: number,
): void {
  const input = rackInput(counts, replicationFactor, brokerRacks, consumerRacks, consumerTopics);
  const result = assignor.assign(input);
  expect(consumerRacks.map((_, i) => sortedString(result.get(`consumer${i}`)))).toEqual(expected);
  if (numPartitionsWithRackMismatch < 0) return;
  let mismatched = 0;
  consumerRacks.forEach((rack, i) => {
    if (rack === null) return;
    for (const tp of result.get(`consumer${i}`) ?? []) {
      if (!input.partitionRacks?.[`${tp.topic}-${tp.partition}`]?.includes(rack)) mismatched++;
    }
  });
  expect(mismatched).toBe(numPartitionsWithRackMismatch);
}

const plain = createRangeAssignor();
const preferRacks = createRangeAssignor({ preferRackAwareLogic: true });

function verifyNonRackAwareAssignment(
  counts: Record<string, number>,
  consumerTopics: string[][],
  expected: string[],
) {
  verifyRackAssignment(plain, counts, 3, nullRacks(3), racks(3), consumerTopics, expected, -1);
  verifyRackAssignment(plain, counts, 3, racks(3), nullRacks(3), consumerTopics, expected, -1);
  verifyRackAssignment(plain, counts, 3, racks(3), racks(3), consumerTopics, expected, 0);
  verifyRackAssignment(plain, counts, 4, racks(4), racks(3), consumerTopics, expected, 0);
  verifyRackAssignment(plain, counts, 3, racks(3), ["d", "e", "f"], consumerTopics, expected, -1);
  verifyRackAssignment(plain, counts, 3, racks(3), [null, "e", "f"], consumerTopics, expected, -1);
  verifyRackAssignment(preferRacks, counts, 3, racks(3), racks(3), consumerTopics, expected, 0);
}

describe("range: Kafka RangeAssignorTest, rack-aware (KIP-881)", () => {
  const all3 = ["t1", "t2", "t3"];

  it("uniform subscription (case 8)", () => {
    const counts = { t1: 6, t2: 7, t3: 2 };
    const ct = [all3, all3, all3];
    verifyNonRackAwareAssignment(counts, ct, [
      "t1-0, t1-1, t2-0, t2-1, t2-2, t3-0",
      "t1-2, t1-3, t2-3, t2-4, t3-1",
      "t1-4, t1-5, t2-5, t2-6",
    ]);
    verifyRackAssignment(
      plain,
      counts,
      1,
      racks(3),
      racks(3),
      ct,
      ["t1-0, t1-3, t2-0, t2-3, t2-6", "t1-1, t1-4, t2-1, t2-4, t3-0", "t1-2, t1-5, t2-2, t2-5, t3-1"],
      0,
    );
    verifyRackAssignment(
      plain,
      counts,
      2,
      racks(3),
      racks(3),
      ct,
      ["t1-0, t1-2, t2-0, t2-2, t2-3, t3-1", "t1-1, t1-3, t2-1, t2-4, t3-0", "t1-4, t1-5, t2-5, t2-6"],
      1,
    );
    verifyRackAssignment(
      plain,
      counts,
      3,
      racks(2),
      racks(3),
      ct,
      ["t1-0, t1-1, t2-0, t2-1, t2-2, t3-0", "t1-2, t1-3, t2-3, t2-4, t3-1", "t1-4, t1-5, t2-5, t2-6"],
      4,
    );
  });

  it("non-equal subscription", () => {
    const counts = { t1: 6, t2: 7, t3: 2 };
    const ct = [all3, all3, ["t1", "t3"]];
    verifyNonRackAwareAssignment(counts, ct, [
      "t1-0, t1-1, t2-0, t2-1, t2-2, t2-3, t3-0",
      "t1-2, t1-3, t2-4, t2-5, t2-6, t3-1",
      "t1-4, t1-5",
    ]);
    verifyRackAssignment(
      plain,
      counts,
      1,
      racks(3),
      racks(3),
      ct,
      ["t1-0, t1-3, t2-0, t2-2, t2-3, t2-6", "t1-1, t1-4, t2-1, t2-4, t2-5, t3-0", "t1-2, t1-5, t3-1"],
      2,
    );
    verifyRackAssignment(
      plain,
      counts,
      2,
      racks(3),
      racks(3),
      ct,
      ["t1-0, t1-2, t2-0, t2-2, t2-3, t2-5, t3-1", "t1-1, t1-3, t2-1, t2-4, t2-6, t3-0", "t1-4, t1-5"],
      0,
    );
    verifyRackAssignment(
      plain,
      counts,
      3,
      racks(2),
      racks(3),
      ct,
      ["t1-0, t1-1, t2-0, t2-1, t2-2, t2-3, t3-0", "t1-2, t1-3, t2-4, t2-5, t2-6, t3-1", "t1-4, t1-5"],
      2,
    );
  });

  it("uniform partitions: co-partitioning wins over rack alignment", () => {
    const counts = { t1: 5, t2: 5, t3: 5 };
    const ct = [all3, all3, all3];
    const expected = [
      "t1-0, t1-1, t2-0, t2-1, t3-0, t3-1",
      "t1-2, t1-3, t2-2, t2-3, t3-2, t3-3",
      "t1-4, t2-4, t3-4",
    ];
    verifyNonRackAwareAssignment(counts, ct, expected);
    verifyRackAssignment(plain, counts, 1, racks(3), racks(3), ct, expected, 10);
    verifyRackAssignment(plain, counts, 2, racks(3), racks(3), ct, expected, 5);
    verifyRackAssignment(plain, counts, 3, racks(2), racks(3), ct, expected, 3);
  });

  it("uniform partitions, non-equal subscription", () => {
    const counts = { t1: 5, t2: 5, t3: 5 };
    const ct = [all3, all3, ["t1", "t3"]];
    verifyNonRackAwareAssignment(counts, ct, [
      "t1-0, t1-1, t2-0, t2-1, t2-2, t3-0, t3-1",
      "t1-2, t1-3, t2-3, t2-4, t3-2, t3-3",
      "t1-4, t3-4",
    ]);
    verifyRackAssignment(
      plain,
      counts,
      1,
      racks(3),
      racks(3),
      ct,
      ["t1-0, t1-1, t2-0, t2-1, t2-4, t3-0, t3-1", "t1-2, t1-3, t2-2, t2-3, t3-2, t3-3", "t1-4, t3-4"],
      9,
    );
    verifyRackAssignment(
      plain,
      counts,
      2,
      racks(3),
      racks(3),
      ct,
      ["t1-2, t2-0, t2-1, t2-3, t3-2", "t1-0, t1-3, t2-2, t2-4, t3-0, t3-3", "t1-1, t1-4, t3-1, t3-4"],
      0,
    );
    verifyRackAssignment(
      plain,
      counts,
      3,
      racks(2),
      racks(3),
      ct,
      ["t1-0, t1-1, t2-0, t2-1, t2-2, t3-0, t3-1", "t1-2, t1-3, t2-3, t2-4, t3-2, t3-3", "t1-4, t3-4"],
      2,
    );
  });

  it("co-partitioning with racks", () => {
    const counts = { t1: 6, t2: 6, t3: 2, t4: 2 };
    const consumerRacks = ["a", "b", "b", "a"];
    let ct = [
      ["t1", "t2"],
      ["t1", "t2"],
      ["t3", "t4"],
      ["t3", "t4"],
    ];
    let expected = [
      "t1-0, t1-1, t1-2, t2-0, t2-1, t2-2",
      "t1-3, t1-4, t1-5, t2-3, t2-4, t2-5",
      "t3-0, t4-0",
      "t3-1, t4-1",
    ];
    verifyRackAssignment(plain, counts, 3, racks(2), consumerRacks, ct, expected, -1);
    verifyRackAssignment(plain, counts, 2, racks(2), consumerRacks, ct, expected, 0);
    verifyRackAssignment(
      plain,
      counts,
      1,
      racks(2),
      consumerRacks,
      ct,
      [
        "t1-0, t1-2, t1-4, t2-0, t2-2, t2-4",
        "t1-1, t1-3, t1-5, t2-1, t2-3, t2-5",
        "t3-1, t4-1",
        "t3-0, t4-0",
      ],
      0,
    );

    const all4 = ["t1", "t2", "t3", "t4"];
    ct = [all4, all4, all4, all4];
    expected = [
      "t1-0, t1-1, t2-0, t2-1, t3-0, t4-0",
      "t1-2, t1-3, t2-2, t2-3, t3-1, t4-1",
      "t1-4, t2-4",
      "t1-5, t2-5",
    ];
    verifyRackAssignment(plain, counts, 3, racks(2), consumerRacks, ct, expected, -1);
    verifyRackAssignment(plain, counts, 2, racks(2), consumerRacks, ct, expected, 0);
    verifyRackAssignment(
      plain,
      counts,
      1,
      racks(2),
      consumerRacks,
      ct,
      [
        "t1-0, t1-2, t2-0, t2-2, t3-0, t4-0",
        "t1-1, t1-3, t2-1, t2-3, t3-1, t4-1",
        "t1-5, t2-5",
        "t1-4, t2-4",
      ],
      0,
    );
    verifyRackAssignment(
      plain,
      counts,
      1,
      racks(3),
      consumerRacks,
      ct,
      [
        "t1-0, t1-3, t2-0, t2-3, t3-0, t4-0",
        "t1-1, t1-4, t2-1, t2-4, t3-1, t4-1",
        "t1-2, t2-2",
        "t1-5, t2-5",
      ],
      6,
    );
  });

  it("co-partitioned assignment with the same subscription (topics t7..t9 do not exist)", () => {
    const counts = { t1: 6, t2: 6, t3: 2, t4: 2, t5: 4, t6: 4 };
    const list = ["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"];
    const ct = [list, list, list];
    const consumerRacks = ["a", "b", "c"];
    const expected = [
      "t1-0, t1-1, t2-0, t2-1, t3-0, t4-0, t5-0, t5-1, t6-0, t6-1",
      "t1-2, t1-3, t2-2, t2-3, t3-1, t4-1, t5-2, t6-2",
      "t1-4, t1-5, t2-4, t2-5, t5-3, t6-3",
    ];
    verifyRackAssignment(plain, counts, 3, nullRacks(3), consumerRacks, ct, expected, -1);
    verifyRackAssignment(preferRacks, counts, 3, racks(3), consumerRacks, ct, expected, 0);
    verifyRackAssignment(
      preferRacks,
      counts,
      2,
      racks(3),
      consumerRacks,
      ct,
      [
        "t1-0, t1-2, t2-0, t2-2, t3-0, t4-0, t5-1, t6-1",
        "t1-1, t1-3, t2-1, t2-3, t3-1, t4-1, t5-2, t6-2",
        "t1-4, t1-5, t2-4, t2-5, t5-0, t5-3, t6-0, t6-3",
      ],
      0,
    );
  });

  it("rack-aware static members keep their partitions after member id changes", () => {
    // Kafka's test forces preferRackAwareLogic; each partition i has replicas on racks i%3 and (i+1)%3.
    const partitionRacks: Record<string, string[]> = {};
    for (const topic of ["topic1", "topic2"]) {
      for (let i = 0; i < 5; i++)
        partitionRacks[`${topic}-${i}`] = [ALL_RACKS[i % 3]!, ALL_RACKS[(i + 1) % 3]!];
    }
    const topics = topicsOf({ topic1: 5, topic2: 5 });
    const run = (ids: string[]) => {
      const members = ids.map((id, i) =>
        member(id, ["topic1", "topic2"], { instance: `instance${i + 1}`, rack: ALL_RACKS[i]! }),
      );
      const r = preferRacks.assign({ topics, members, partitionRacks });
      return members.map((m) => show(r.get(m.memberId)));
    };
    const expected = [
      ["topic1-0", "topic1-2", "topic2-0", "topic2-2"],
      ["topic1-1", "topic1-3", "topic2-1", "topic2-3"],
      ["topic1-4", "topic2-4"],
    ];
    expect(run(["consumer1", "consumer2", "consumer3"])).toEqual(expected);
    expect(run(["consumer1", "consumer5", "consumer4"])).toEqual(expected);
  });

  it("parameterised tests with racks forced on keep the rack-unaware vectors (RackConfig.BROKER_AND_CONSUMER_RACK)", () => {
    // Kafka's initializeRacks(config, 5): 25 brokers on racks a..e, RF 5, so every partition is on every rack.
    const partitionRacks: Record<string, string[]> = {};
    for (const [topic, n] of [
      ["topic1", 5],
      ["topic2", 4],
    ] as const) {
      for (let i = 0; i < n; i++) partitionRacks[`${topic}-${i}`] = ["a", "b", "c", "d", "e"];
    }
    const members = [1, 2, 3, 4].map((i) =>
      member(`consumer${i}`, ["topic1", "topic2"], {
        instance: i < 4 ? `instance${i}` : undefined,
        rack: ALL_RACKS[i - 1]!,
      }),
    );
    const r = preferRacks.assign({ topics: topicsOf({ topic1: 5, topic2: 4 }), members, partitionRacks });
    expect(show(r.get("consumer1"))).toEqual(["topic1-0", "topic1-1", "topic2-0"]);
    expect(show(r.get("consumer2"))).toEqual(["topic1-2", "topic2-1"]);
    expect(show(r.get("consumer3"))).toEqual(["topic1-3", "topic2-2"]);
    expect(show(r.get("consumer4"))).toEqual(["topic1-4", "topic2-3"]);
  });
});
