// Protects the exact outputs Kafka's own tests assert for StickyAssignor and CooperativeStickyAssignor
// (AbstractStickyAssignorTest, StickyAssignorTest, the StickyAssignor javadoc, kafka-semantics §6.7 13–19).
import { describe, expect, it } from "vitest";
import { cooperativeStickyAssignor } from "../cooperative-sticky";
import { stickyAssignor } from "../sticky";
import type { AssignmentInput, AssignmentResult, MemberSubscription, TopicPartition } from "../types";

const tp = (key: string): TopicPartition => {
  const dash = key.lastIndexOf("-");
  return { topic: key.slice(0, dash), partition: Number(key.slice(dash + 1)) };
};

function member(
  memberId: string,
  topics: string[],
  owned: string[] = [],
  generation: number | null = 1,
): MemberSubscription {
  return {
    memberId,
    groupInstanceId: null,
    rackId: null,
    topics,
    ownedPartitions: owned.map(tp),
    generation,
  };
}

function input(topics: Record<string, number>, members: MemberSubscription[]): AssignmentInput {
  return { topics: Object.entries(topics).map(([name, partitions]) => ({ name, partitions })), members };
}

const keys = (result: AssignmentResult) =>
  Object.fromEntries(
    [...result].map(([id, partitions]) => [id, partitions.map((p) => `${p.topic}-${p.partition}`)]),
  );

const sortedKeys = (result: AssignmentResult) =>
  Object.fromEntries(Object.entries(keys(result)).map(([id, partitions]) => [id, [...partitions].sort()]));

/**
 * The follow-up rebalances of the cooperative protocol: a member that lost a partition it owned rejoins at
 * once, owning what it was just given, one generation later; stop when nobody lost anything (at most 4).
 */
function cooperativeRounds(first: AssignmentInput): AssignmentResult {
  let owners = first.members;
  let result = cooperativeStickyAssignor.assign(first);
  let generation = Math.max(1, ...first.members.map((m) => m.generation ?? 0));
  for (let round = 0; round < 4 && someoneLostAPartition(owners, result); round++) {
    generation++;
    owners = first.members.map((m) => ({ ...m, ownedPartitions: result.get(m.memberId)!, generation }));
    result = cooperativeStickyAssignor.assign({ ...first, members: owners });
  }
  return result;
}

function someoneLostAPartition(owners: readonly MemberSubscription[], result: AssignmentResult): boolean {
  return owners.some((m) => {
    const kept = new Set(result.get(m.memberId)!.map((p) => `${p.topic}-${p.partition}`));
    return m.ownedPartitions.some((p) => !kept.has(`${p.topic}-${p.partition}`));
  });
}

const both = [
  { name: "sticky", run: (i: AssignmentInput) => stickyAssignor.assign(i) },
  { name: "cooperative-sticky after follow-up rounds", run: cooperativeRounds },
];

describe.each(both)("$name (AbstractStickyAssignorTest)", ({ run }) => {
  it("13: mixed subscriptions take the general path", () => {
    const result = run(
      input({ topic1: 3, topic2: 2 }, [
        member("consumer1", ["topic1"]),
        member("consumer2", ["topic1", "topic2"]),
        member("consumer3", ["topic1"]),
      ]),
    );
    expect(keys(result)).toEqual({
      consumer1: ["topic1-0", "topic1-2"],
      consumer2: ["topic2-0", "topic2-1"],
      consumer3: ["topic1-1"],
    });
  });

  it("14: two consumers, two topics, six partitions (fresh, constrained)", () => {
    const all = ["topic1", "topic2"];
    const result = run(input({ topic1: 3, topic2: 3 }, [member("consumer1", all), member("consumer2", all)]));
    expect(keys(result)).toEqual({
      consumer1: ["topic1-0", "topic1-2", "topic2-1"],
      consumer2: ["topic1-1", "topic2-0", "topic2-2"],
    });
  });

  it("15: a consumer owning minQuota grows to maxQuota", () => {
    const all = ["topic1", "topic2"];
    const result = run(
      input({ topic1: 2, topic2: 3 }, [
        member("consumer1", all, ["topic1-0", "topic2-1"]),
        member("consumer2", all, ["topic1-1", "topic2-2"]),
      ]),
    );
    expect(keys(result)).toEqual({
      consumer1: ["topic1-0", "topic2-1", "topic2-0"],
      consumer2: ["topic1-1", "topic2-2"],
    });
  });

  it("16: HashMap order lets consumer2 keep maxQuota before consumer1", () => {
    const all = ["topic1", "topic2"];
    const result = run(
      input({ topic1: 2, topic2: 2 }, [
        member("consumer1", all, ["topic1-0", "topic2-0"]),
        member("consumer2", all, ["topic1-1", "topic2-1"]),
        member("consumer3", all, []),
      ]),
    );
    expect(keys(result)).toEqual({
      consumer1: ["topic1-0"],
      consumer2: ["topic1-1", "topic2-1"],
      consumer3: ["topic2-0"],
    });
  });

  it("17: all consumers under minQuota", () => {
    const all = ["topic1", "topic2"];
    const result = run(
      input({ topic1: 2, topic2: 3 }, [
        member("consumer1", all, ["topic1-0"]),
        member("consumer2", all, ["topic1-1"]),
        member("consumer3", all, []),
      ]),
    );
    expect(keys(result)).toEqual({
      consumer1: ["topic1-0", "topic2-1"],
      consumer2: ["topic1-1", "topic2-2"],
      consumer3: ["topic2-0"],
    });
  });

  it("18: add then remove a consumer on one topic", () => {
    const topics = { topic: 3 };
    const alone = run(input(topics, [member("consumer1", ["topic"], [], null)]));
    expect(keys(alone)).toEqual({ consumer1: ["topic-0", "topic-1", "topic-2"] });
    const added = run(
      input(topics, [
        member("consumer1", ["topic"], ["topic-0", "topic-1", "topic-2"]),
        member("consumer2", ["topic"]),
      ]),
    );
    expect(keys(added)).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: ["topic-2"] });
    const removed = run(input(topics, [member("consumer2", ["topic"], ["topic-2"])]));
    expect(sortedKeys(removed)).toEqual({ consumer2: ["topic-0", "topic-1", "topic-2"] });
  });

  it("19: a partition claimed twice in one generation is invalidated (equal and unequal shares)", () => {
    const claims = [
      member("consumer1", ["topic"], ["topic-0", "topic-1"]),
      member("consumer2", ["topic"], ["topic-0", "topic-2"]),
      member("consumer3", ["topic"], []),
    ];
    expect(keys(run(input({ topic: 3 }, claims)))).toEqual({
      consumer1: ["topic-1"],
      consumer2: ["topic-2"],
      consumer3: ["topic-0"],
    });
    expect(keys(run(input({ topic: 4 }, claims)))).toEqual({
      consumer1: ["topic-1", "topic-3"],
      consumer2: ["topic-2"],
      consumer3: ["topic-0"],
    });
  });

  it("single consumer: one topic, several topics, and owned partitions of other topics", () => {
    expect(keys(run(input({ topic: 3 }, [member("consumer", ["topic"], [], null)])))).toEqual({
      consumer: ["topic-0", "topic-1", "topic-2"],
    });
    expect(
      keys(run(input({ topic1: 1, topic2: 2 }, [member("consumer", ["topic1", "topic2"], [], null)]))),
    ).toEqual({
      consumer: ["topic1-0", "topic2-0", "topic2-1"],
    });
    const owned = ["topic-0", "topic-1", "other-0", "other-1"];
    expect(keys(run(input({ topic: 2 }, [member("consumer", ["topic"], owned)])))).toEqual({
      consumer: ["topic-0", "topic-1"],
    });
  });

  it("a consumer with no topic, or only a missing one, gets nothing", () => {
    expect(keys(run(input({}, [member("consumer", [], [], null)])))).toEqual({ consumer: [] });
    expect(keys(run(input({}, [member("consumer", ["topic"], [], null)])))).toEqual({ consumer: [] });
    expect(keys(run(input({}, [member("consumer", ["topic"], ["topic-0", "topic-1", "topic-2"])])))).toEqual({
      consumer: [],
    });
  });

  it("add two consumers to two, then remove the first two (testAddRemoveTwoConsumersTwoTopics)", () => {
    const all = ["topic1", "topic2"];
    const topics = { topic1: 3, topic2: 4 };
    const first = run(
      input(topics, [member("consumer1", all, [], null), member("consumer2", all, [], null)]),
    );
    expect(keys(first)).toEqual({
      consumer1: ["topic1-0", "topic1-2", "topic2-1", "topic2-3"],
      consumer2: ["topic1-1", "topic2-0", "topic2-2"],
    });
    const second = run(
      input(topics, [
        member("consumer1", all, keys(first).consumer1),
        member("consumer2", all, keys(first).consumer2),
        member("consumer3", all),
        member("consumer4", all),
      ]),
    );
    expect(keys(second)).toEqual({
      consumer1: ["topic1-0", "topic2-1"],
      consumer2: ["topic2-0", "topic1-1"],
      consumer3: ["topic1-2", "topic2-3"],
      consumer4: ["topic2-2"],
    });
    const third = run(
      input(topics, [
        member("consumer3", all, keys(second).consumer3),
        member("consumer4", all, keys(second).consumer4),
      ]),
    );
    expect(keys(third)).toEqual({
      consumer3: ["topic1-2", "topic2-3", "topic1-0", "topic2-1"],
      consumer4: ["topic2-2", "topic1-1", "topic2-0"],
    });
  });

  it("keeps full quotas when every consumer already has one (testAllConsumersReachExpectedQuota...)", () => {
    const result = run(
      input({ topic: 4 }, [
        member("consumer1", ["topic"], ["topic-0", "topic-1"]),
        member("consumer2", ["topic"], ["topic-2"]),
        member("consumer3", ["topic"], []),
      ]),
    );
    expect(keys(result)).toEqual({
      consumer1: ["topic-0", "topic-1"],
      consumer2: ["topic-2"],
      consumer3: ["topic-3"],
    });
  });

  it.each([9, null])("a stale (%s) generation loses its claims to generation 10", (staleGeneration) => {
    const all = ["topic", "topic2"];
    const claimed = ["topic-0", "topic-2", "topic2-1"];
    const result = run(
      input({ topic: 3, topic2: 3 }, [
        member("consumer1", all, claimed, 10),
        member("consumer2", all, claimed, staleGeneration),
      ]),
    );
    expect(sortedKeys(result)).toEqual({
      consumer1: ["topic-0", "topic-2", "topic2-1"],
      consumer2: ["topic-1", "topic2-0", "topic2-2"],
    });
  });

  it("the highest generation wins every conflict (testEnsurePartitionsAssignedToHighestGeneration)", () => {
    const all = ["topic", "topic2", "topic3"];
    const result = run(
      input({ topic: 3, topic2: 3, topic3: 3 }, [
        member("consumer1", all, ["topic-0", "topic2-0", "topic3-0"], 10),
        member("consumer2", all, ["topic-1", "topic2-1", "topic3-1"], 9),
        member("consumer3", all, ["topic2-1", "topic3-0", "topic3-2"], 8),
      ]),
    );
    expect(sortedKeys(result)).toEqual({
      consumer1: ["topic-0", "topic2-0", "topic3-0"],
      consumer2: ["topic-1", "topic2-1", "topic3-1"],
      consumer3: ["topic-2", "topic2-2", "topic3-2"],
    });
  });

  it("a new member gets only unowned partitions (testNoReassignmentOnCurrentMembers)", () => {
    const all = ["topic", "topic2", "topic3", "topic1"];
    const result = run(
      input({ topic: 3, topic1: 3, topic2: 3, topic3: 3 }, [
        member("consumer1", all, [], null),
        member("consumer2", all, ["topic-0", "topic2-0", "topic1-0"], 9),
        member("consumer3", all, ["topic3-2", "topic2-2", "topic1-1"], 8),
        member("consumer4", all, ["topic3-1", "topic-1", "topic-2"], 7),
      ]),
    );
    expect(sortedKeys(result).consumer1).toEqual(["topic1-2", "topic2-1", "topic3-0"]);
  });

  it("claims from several generations: the newest keeps them (...WithMultipleGeneration)", () => {
    const all = ["topic", "topic2"];
    const result = run(
      input({ topic: 3, topic2: 3 }, [
        member("consumer1", all, ["topic-0", "topic2-1", "topic-1"], 10),
        member("consumer2", all, ["topic-0", "topic2-1", "topic2-2"], 8),
      ]),
    );
    expect(sortedKeys(result)).toEqual({
      consumer1: ["topic-0", "topic-1", "topic2-1"],
      consumer2: ["topic-2", "topic2-0", "topic2-2"],
    });
  });
});

describe("StickyAssignor javadoc examples", () => {
  const t = { t0: 2, t1: 2, t2: 2, t3: 2 };
  const all = ["t0", "t1", "t2", "t3"];

  // The javadoc predates the constrained path, which lists kept partitions by (partition, topic).
  it("example 1: removing C1 keeps every other partition where it was", () => {
    const first = stickyAssignor.assign(input(t, [member("C0", all), member("C1", all), member("C2", all)]));
    expect(keys(first)).toEqual({
      C0: ["t0-0", "t1-1", "t3-0"],
      C1: ["t0-1", "t2-0", "t3-1"],
      C2: ["t1-0", "t2-1"],
    });
    const second = stickyAssignor.assign(
      input(t, [member("C0", all, keys(first).C0), member("C2", all, keys(first).C2)]),
    );
    expect(keys(second)).toEqual({
      C0: ["t0-0", "t3-0", "t1-1", "t0-1"],
      C2: ["t1-0", "t2-1", "t2-0", "t3-1"],
    });
  });

  it("example 2: heterogeneous subscriptions, then C0 leaves", () => {
    const topics = { t0: 1, t1: 2, t2: 3 };
    const first = stickyAssignor.assign(
      input(topics, [member("C0", ["t0"]), member("C1", ["t0", "t1"]), member("C2", ["t0", "t1", "t2"])]),
    );
    expect(keys(first)).toEqual({ C0: ["t0-0"], C1: ["t1-0", "t1-1"], C2: ["t2-0", "t2-1", "t2-2"] });
    const second = stickyAssignor.assign(
      input(topics, [
        member("C1", ["t0", "t1"], keys(first).C1),
        member("C2", ["t0", "t1", "t2"], keys(first).C2),
      ]),
    );
    expect(keys(second)).toEqual({ C1: ["t1-0", "t1-1", "t0-0"], C2: ["t2-0", "t2-1", "t2-2"] });
  });
});

describe("cooperative-sticky single rounds withhold partitions still owned elsewhere", () => {
  it("16: topic2-0 waits one round for consumer3", () => {
    const all = ["topic1", "topic2"];
    const result = cooperativeStickyAssignor.assign(
      input({ topic1: 2, topic2: 2 }, [
        member("consumer1", all, ["topic1-0", "topic2-0"]),
        member("consumer2", all, ["topic1-1", "topic2-1"]),
        member("consumer3", all, []),
      ]),
    );
    expect(keys(result)).toEqual({
      consumer1: ["topic1-0"],
      consumer2: ["topic1-1", "topic2-1"],
      consumer3: [],
    });
  });

  it("18: consumer2 gets nothing in round 1 and topic-2 in round 2", () => {
    const round1 = cooperativeStickyAssignor.assign(
      input({ topic: 3 }, [
        member("consumer1", ["topic"], ["topic-0", "topic-1", "topic-2"]),
        member("consumer2", ["topic"]),
      ]),
    );
    expect(keys(round1)).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: [] });
    const round2 = cooperativeStickyAssignor.assign(
      input({ topic: 3 }, [
        member("consumer1", ["topic"], ["topic-0", "topic-1"], 2),
        member("consumer2", ["topic"], [], 2),
      ]),
    );
    expect(keys(round2)).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: ["topic-2"] });
  });

  it("19: the doubly claimed topic-0 is withheld from consumer3 for one round", () => {
    const result = cooperativeStickyAssignor.assign(
      input({ topic: 3 }, [
        member("consumer1", ["topic"], ["topic-0", "topic-1"]),
        member("consumer2", ["topic"], ["topic-0", "topic-2"]),
        member("consumer3", ["topic"], []),
      ]),
    );
    expect(keys(result)).toEqual({ consumer1: ["topic-1"], consumer2: ["topic-2"], consumer3: [] });
  });

  it("general path: a partition moving between members is withheld (transfers recomputed)", () => {
    const result = cooperativeStickyAssignor.assign(
      input({ topic1: 3, topic2: 2 }, [
        member("consumer1", ["topic1"], ["topic1-0", "topic1-1", "topic1-2"]),
        member("consumer2", ["topic1", "topic2"], ["topic2-0", "topic2-1"]),
        member("consumer3", ["topic1"], []),
      ]),
    );
    const withheld = keys(result);
    const everything = keys(
      stickyAssignor.assign(
        input({ topic1: 3, topic2: 2 }, [
          member("consumer1", ["topic1"], ["topic1-0", "topic1-1", "topic1-2"]),
          member("consumer2", ["topic1", "topic2"], ["topic2-0", "topic2-1"]),
          member("consumer3", ["topic1"], []),
        ]),
      ),
    );
    expect(everything.consumer3!.length).toBeGreaterThan(0);
    expect(withheld.consumer3).toEqual([]);
    expect(withheld.consumer1).toEqual(everything.consumer1);
  });
});
