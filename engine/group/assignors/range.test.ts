// Protects the RangeAssignor port: Kafka's own rack-unaware RangeAssignorTest vectors (also run with
// the rack-aware logic forced on, as Kafka's parameterised tests do), the static-member ordering,
// and Kafka's per-member output order.

import { describe, expect, it } from "vitest";
import { createRangeAssignor, rangeAssignor } from "./range";
import type { AssignmentInput, MemberSubscription, TopicPartition } from "./types";

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

describe("range: Kafka RangeAssignorTest, rack-unaware", () => {
  it("one consumer, no topic / a topic that does not exist → nothing", () => {
    const none = rangeAssignor.assign({ topics: [], members: [member("consumer1", [])] });
    expect([...none.entries()]).toEqual([["consumer1", []]]);
    const missing = rangeAssignor.assign({ topics: [], members: [member("consumer1", ["topic1"])] });
    expect([...missing.entries()]).toEqual([["consumer1", []]]);
  });

  it("case 1: one consumer takes all 3 partitions", () => {
    const r = rangeAssignor.assign({
      topics: topicsOf({ topic1: 3 }),
      members: [member("consumer1", ["topic1"])],
    });
    expect(show(r.get("consumer1"))).toEqual(["topic1-0", "topic1-1", "topic1-2"]);
  });

  it("only assigns partitions of subscribed topics", () => {
    const r = rangeAssignor.assign({
      topics: topicsOf({ topic1: 3, other: 3 }),
      members: [member("consumer1", ["topic1"])],
    });
    expect(show(r.get("consumer1"))).toEqual(["topic1-0", "topic1-1", "topic1-2"]);
  });

  it("one consumer, multiple topics", () => {
    const r = rangeAssignor.assign({
      topics: topicsOf({ topic1: 1, topic2: 2 }),
      members: [member("consumer1", ["topic1", "topic2"])],
    });
    expect(show(r.get("consumer1"))).toEqual(["topic1-0", "topic2-0", "topic2-1"]);
  });

  it("cases 2 and 3: two consumers on one topic of 1 and of 2 partitions", () => {
    const members = [member("consumer1", ["topic1"]), member("consumer2", ["topic1"])];
    const one = rangeAssignor.assign({ topics: topicsOf({ topic1: 1 }), members });
    expect(show(one.get("consumer1"))).toEqual(["topic1-0"]);
    expect(show(one.get("consumer2"))).toEqual([]);
    const two = rangeAssignor.assign({ topics: topicsOf({ topic1: 2 }), members });
    expect(show(two.get("consumer1"))).toEqual(["topic1-0"]);
    expect(show(two.get("consumer2"))).toEqual(["topic1-1"]);
  });

  it("case 4: mixed subscriptions split each topic among its own subscribers", () => {
    const r = rangeAssignor.assign({
      topics: topicsOf({ topic1: 3, topic2: 2 }),
      members: [
        member("consumer1", ["topic1"]),
        member("consumer2", ["topic1", "topic2"]),
        member("consumer3", ["topic1"]),
      ],
    });
    expect(show(r.get("consumer1"))).toEqual(["topic1-0"]);
    expect(show(r.get("consumer2"))).toEqual(["topic1-1", "topic2-0", "topic2-1"]);
    expect(show(r.get("consumer3"))).toEqual(["topic1-2"]);
  });

  it("case 5: the first consumer takes the extra partition of every topic", () => {
    const r = rangeAssignor.assign({
      topics: topicsOf({ topic1: 3, topic2: 3 }),
      members: [member("consumer1", ["topic1", "topic2"]), member("consumer2", ["topic1", "topic2"])],
    });
    expect(show(r.get("consumer1"))).toEqual(["topic1-0", "topic1-1", "topic2-0", "topic2-1"]);
    expect(show(r.get("consumer2"))).toEqual(["topic1-2", "topic2-2"]);
  });

  it("case 6: static members are ordered by instance id, not member id", () => {
    const r = rangeAssignor.assign({
      topics: topicsOf({ topic1: 3, topic2: 3 }),
      members: [
        member("consumer-b", ["topic1", "topic2"], { instance: "instance1" }),
        member("consumer-a", ["topic1", "topic2"], { instance: "instance2" }),
      ],
    });
    expect(show(r.get("consumer-b"))).toEqual(["topic1-0", "topic1-1", "topic2-0", "topic2-1"]);
    expect(show(r.get("consumer-a"))).toEqual(["topic1-2", "topic2-2"]);
  });

  it("a static member sorts before a dynamic one whatever their member ids", () => {
    const r = rangeAssignor.assign({
      topics: topicsOf({ topic1: 3, topic2: 3 }),
      members: [
        member("consumer-b", ["topic1", "topic2"], { instance: "instance1" }),
        member("consumer-a", ["topic1", "topic2"]),
      ],
    });
    expect(show(r.get("consumer-b"))).toEqual(["topic1-0", "topic1-1", "topic2-0", "topic2-1"]);
    expect(show(r.get("consumer-a"))).toEqual(["topic1-2", "topic2-2"]);
  });

  it("case 7: three static members keep their ranges when the dynamic member is replaced", () => {
    const statics = [1, 2, 3].map((i) =>
      member(`consumer${i}`, ["topic1", "topic2"], { instance: `instance${i}` }),
    );
    const topics = topicsOf({ topic1: 5, topic2: 4 });
    const first = rangeAssignor.assign({
      topics,
      members: [...statics, member("consumer4", ["topic1", "topic2"])],
    });
    const expected = {
      consumer1: ["topic1-0", "topic1-1", "topic2-0"],
      consumer2: ["topic1-2", "topic2-1"],
      consumer3: ["topic1-3", "topic2-2"],
    };
    for (const [id, tps] of Object.entries(expected)) expect(show(first.get(id))).toEqual(tps);
    expect(show(first.get("consumer4"))).toEqual(["topic1-4", "topic2-3"]);
    const second = rangeAssignor.assign({
      topics,
      members: [...statics, member("consumer5", ["topic1", "topic2"])],
    });
    for (const [id, tps] of Object.entries(expected)) expect(show(second.get(id))).toEqual(tps);
    expect(show(second.get("consumer5"))).toEqual(["topic1-4", "topic2-3"]);
  });

  it("static assignment survives member id changes (testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges)", () => {
    const topics = topicsOf({ topic1: 5, topic2: 5 });
    const byInstance = (ids: string[]) => {
      const members = ids.map((id, i) => member(id, ["topic1", "topic2"], { instance: `instance${i + 1}` }));
      const r = rangeAssignor.assign({ topics, members });
      return members.map((m) => show(r.get(m.memberId)));
    };
    const expected = [
      ["topic1-0", "topic1-1", "topic2-0", "topic2-1"],
      ["topic1-2", "topic1-3", "topic2-2", "topic2-3"],
      ["topic1-4", "topic2-4"],
    ];
    expect(byInstance(["consumer1", "consumer2", "consumer3"])).toEqual(expected);
    expect(byInstance(["consumer1", "consumer5", "consumer4"])).toEqual(expected);
  });

  it("2 consumers and 10 one-partition topics: the first consumer gets all 10 (the classic imbalance)", () => {
    const names = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const r = rangeAssignor.assign({
      topics: names.map((name) => ({ name, partitions: 1 })),
      members: [member("A", names), member("B", names)],
    });
    expect(r.get("A")).toHaveLength(10);
    expect(r.get("B")).toEqual([]);
  });
});

describe("range: per-member list order follows Kafka's partitionsPerTopic HashMap", () => {
  it("topics come out in HashMap bucket order, not name or subscription order", () => {
    // In a 16-bucket table: topicA → 0, topicB → 1, t10 → 2, t9 → 5.
    const r = rangeAssignor.assign({
      topics: topicsOf({ topicB: 1, topicA: 1, t10: 1, t9: 1 }),
      members: [member("m", ["t10", "topicB", "t9", "topicA"])],
    });
    expect(show(r.get("m"))).toEqual(["topicA-0", "topicB-0", "t10-0", "t9-0"]);
  });

  it("a member listing a topic twice is still one consumer of it", () => {
    const r = rangeAssignor.assign({
      topics: topicsOf({ t: 4 }),
      members: [member("m1", ["t", "t"]), member("m2", ["t"])],
    });
    expect(show(r.get("m1"))).toEqual(["t-0", "t-1"]);
    expect(show(r.get("m2"))).toEqual(["t-2", "t-3"]);
  });

  it("a topic with zero partitions is skipped like a missing one", () => {
    const r = rangeAssignor.assign({ topics: topicsOf({ t: 0, u: 1 }), members: [member("m", ["t", "u"])] });
    expect(show(r.get("m"))).toEqual(["u-0"]);
  });
});

type RackConfig = "NO_BROKER_RACK" | "NO_CONSUMER_RACK" | "BROKER_AND_CONSUMER_RACK";

/**
 * RangeAssignorTest.initializeRacks(config, 3) with preferRackAwareLogic on: 3 replicas per partition,
 * brokers on racks a, b, c (so every partition is on every rack) unless NO_BROKER_RACK, and
 * consumer i on rack ALL_RACKS[i % racks] unless NO_CONSUMER_RACK.
 */
const ALL_RACKS = ["a", "b", "c", "d", "e", "f"];
const preferRacks = createRangeAssignor({ preferRackAwareLogic: true });

function withRackConfig(config: RackConfig, input: AssignmentInput): AssignmentInput {
  const brokerRacks = config === "NO_BROKER_RACK" ? 0 : 3;
  const members = input.members.map((m, i) => ({
    ...m,
    rackId: config === "NO_CONSUMER_RACK" ? null : ALL_RACKS[i % (brokerRacks || ALL_RACKS.length)]!,
  }));
  const partitionRacks: Record<string, string[]> = {};
  for (const t of input.topics) {
    for (let p = 0; p < t.partitions; p++)
      partitionRacks[`${t.name}-${p}`] = brokerRacks ? ["a", "b", "c"] : [];
  }
  return { topics: input.topics, members, partitionRacks };
}

describe.each<RackConfig>(["NO_BROKER_RACK", "NO_CONSUMER_RACK", "BROKER_AND_CONSUMER_RACK"])(
  "range: Kafka's parameterised tests, rackConfig = %s",
  (config) => {
    const check = (input: AssignmentInput, expected: Record<string, string[]>) => {
      const r = preferRacks.assign(withRackConfig(config, input));
      for (const [id, tps] of Object.entries(expected)) expect(show(r.get(id)).sort()).toEqual(tps);
    };
    const both = ["topic1", "topic2"];

    it("one consumer, one topic / multiple topics", () => {
      check(
        { topics: topicsOf({ topic1: 3 }), members: [member("consumer1", ["topic1"])] },
        {
          consumer1: ["topic1-0", "topic1-1", "topic1-2"],
        },
      );
      check(
        { topics: topicsOf({ topic1: 1, topic2: 2 }), members: [member("consumer1", both)] },
        {
          consumer1: ["topic1-0", "topic2-0", "topic2-1"],
        },
      );
    });

    it("two consumers, one topic of 1 and of 2 partitions", () => {
      const members = [member("consumer1", ["topic1"]), member("consumer2", ["topic1"])];
      check({ topics: topicsOf({ topic1: 1 }), members }, { consumer1: ["topic1-0"], consumer2: [] });
      check(
        { topics: topicsOf({ topic1: 2 }), members },
        { consumer1: ["topic1-0"], consumer2: ["topic1-1"] },
      );
    });

    it("mixed topics", () => {
      const members = [
        member("consumer1", ["topic1"]),
        member("consumer2", both),
        member("consumer3", ["topic1"]),
      ];
      check(
        { topics: topicsOf({ topic1: 3, topic2: 2 }), members },
        {
          consumer1: ["topic1-0"],
          consumer2: ["topic1-1", "topic2-0", "topic2-1"],
          consumer3: ["topic1-2"],
        },
      );
    });

    it("two consumers, two topics of three partitions; static before dynamic", () => {
      const topics = topicsOf({ topic1: 3, topic2: 3 });
      const expected = (low: string, high: string) => ({
        [low]: ["topic1-0", "topic1-1", "topic2-0", "topic2-1"],
        [high]: ["topic1-2", "topic2-2"],
      });
      check(
        { topics, members: [member("consumer1", both), member("consumer2", both)] },
        expected("consumer1", "consumer2"),
      );
      const statics = [
        member("consumer-b", both, { instance: "instance1" }),
        member("consumer-a", both, { instance: "instance2" }),
      ];
      check({ topics, members: statics }, expected("consumer-b", "consumer-a"));
      check(
        { topics, members: [statics[0]!, member("consumer-a", both)] },
        expected("consumer-b", "consumer-a"),
      );
    });
  },
);
