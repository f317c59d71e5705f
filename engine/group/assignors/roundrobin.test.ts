// Protects the RoundRobinAssignor port: Kafka's RoundRobinAssignorTest vectors, the class javadoc
// example, and the skip-unsubscribed-members rule.

import { describe, expect, it } from "vitest";
import { roundRobinAssignor } from "./roundrobin";
import type { AssignmentInput, MemberSubscription, TopicPartition } from "./types";

function member(memberId: string, topics: string[], instance: string | null = null): MemberSubscription {
  return { memberId, groupInstanceId: instance, rackId: null, topics, ownedPartitions: [], generation: null };
}

function topicsOf(counts: Record<string, number>): AssignmentInput["topics"] {
  return Object.entries(counts).map(([name, partitions]) => ({ name, partitions }));
}

const show = (tps: readonly TopicPartition[] | undefined): string[] =>
  (tps ?? []).map((tp) => `${tp.topic}-${tp.partition}`);

const assign = (input: AssignmentInput) => roundRobinAssignor.assign(input);

describe("roundrobin: Kafka RoundRobinAssignorTest", () => {
  it("is EAGER only", () => {
    expect(roundRobinAssignor.name).toBe("roundrobin");
    expect(roundRobinAssignor.supportedProtocols).toEqual(["EAGER"]);
  });

  it("no topic, or a topic that does not exist → an empty list for the member", () => {
    expect([...assign({ topics: [], members: [member("consumer", [])] })]).toEqual([["consumer", []]]);
    expect([...assign({ topics: [], members: [member("consumer", ["topic"])] })]).toEqual([["consumer", []]]);
  });

  it("one consumer: one topic, only subscribed topics, multiple topics", () => {
    const one = assign({
      topics: topicsOf({ topic: 3, other: 3 }),
      members: [member("consumer", ["topic"])],
    });
    expect(show(one.get("consumer"))).toEqual(["topic-0", "topic-1", "topic-2"]);
    const multi = assign({
      topics: topicsOf({ topic1: 1, topic2: 2 }),
      members: [member("consumer", ["topic1", "topic2"])],
    });
    expect(show(multi.get("consumer"))).toEqual(["topic1-0", "topic2-0", "topic2-1"]);
  });

  it("two consumers on one topic of 1 and of 2 partitions", () => {
    const members = [member("consumer1", ["topic"]), member("consumer2", ["topic"])];
    const one = assign({ topics: topicsOf({ topic: 1 }), members });
    expect(show(one.get("consumer1"))).toEqual(["topic-0"]);
    expect(show(one.get("consumer2"))).toEqual([]);
    const two = assign({ topics: topicsOf({ topic: 2 }), members });
    expect(show(two.get("consumer1"))).toEqual(["topic-0"]);
    expect(show(two.get("consumer2"))).toEqual(["topic-1"]);
  });

  it("case 10: mixed subscriptions", () => {
    const r = assign({
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

  it("case 9: two dynamic consumers, two topics of 3 partitions", () => {
    const r = assign({
      topics: topicsOf({ topic1: 3, topic2: 3 }),
      members: [member("consumer1", ["topic1", "topic2"]), member("consumer2", ["topic1", "topic2"])],
    });
    expect(show(r.get("consumer1"))).toEqual(["topic1-0", "topic1-2", "topic2-1"]);
    expect(show(r.get("consumer2"))).toEqual(["topic1-1", "topic2-0", "topic2-2"]);
  });

  it("static members are ordered by instance id, and before dynamic members", () => {
    const topics = topicsOf({ topic1: 3, topic2: 3 });
    const both = assign({
      topics,
      members: [
        member("consumer-b", ["topic1", "topic2"], "instance1"),
        member("consumer-a", ["topic1", "topic2"], "instance2"),
      ],
    });
    expect(show(both.get("consumer-b"))).toEqual(["topic1-0", "topic1-2", "topic2-1"]);
    expect(show(both.get("consumer-a"))).toEqual(["topic1-1", "topic2-0", "topic2-2"]);
    const mixed = assign({
      topics,
      members: [
        member("consumer-b", ["topic1", "topic2"], "instance1"),
        member("consumer-a", ["topic1", "topic2"]),
      ],
    });
    expect(show(mixed.get("consumer-b"))).toEqual(["topic1-0", "topic1-2", "topic2-1"]);
    expect(show(mixed.get("consumer-a"))).toEqual(["topic1-1", "topic2-0", "topic2-2"]);
  });

  it("case 11: static members keep their partitions when the dynamic member is replaced", () => {
    const topics = topicsOf({ topic1: 3, topic2: 3 });
    const statics = [1, 2, 3].map((i) => member(`consumer${i}`, ["topic1", "topic2"], `instance${i}`));
    for (const dynamic of ["consumer4", "consumer5"]) {
      const r = assign({ topics, members: [...statics, member(dynamic, ["topic1", "topic2"])] });
      expect(show(r.get("consumer1"))).toEqual(["topic1-0", "topic2-1"]);
      expect(show(r.get("consumer2"))).toEqual(["topic1-1", "topic2-2"]);
      expect(show(r.get("consumer3"))).toEqual(["topic1-2"]);
      expect(show(r.get(dynamic))).toEqual(["topic2-0"]);
    }
  });

  it("static assignment survives member id changes", () => {
    const topics = topicsOf({ topic1: 5, topic2: 5 });
    const byInstance = (ids: string[]) => {
      const members = ids.map((id, i) => member(id, ["topic1", "topic2"], `instance${i + 1}`));
      const r = assign({ topics, members });
      return members.map((m) => show(r.get(m.memberId)));
    };
    const expected = [
      ["topic1-0", "topic1-3", "topic2-1", "topic2-4"],
      ["topic1-1", "topic1-4", "topic2-2"],
      ["topic1-2", "topic2-0", "topic2-3"],
    ];
    expect(byInstance(["consumer1", "consumer2", "consumer3"])).toEqual(expected);
    expect(byInstance(["consumer1", "consumer5", "consumer4"])).toEqual(expected);
  });

  it("case 12 (class javadoc): skipping unsubscribed members leaves C2 with four partitions", () => {
    const r = assign({
      topics: topicsOf({ t0: 1, t1: 2, t2: 3 }),
      members: [member("C0", ["t0"]), member("C1", ["t0", "t1"]), member("C2", ["t0", "t1", "t2"])],
    });
    expect(show(r.get("C0"))).toEqual(["t0-0"]);
    expect(show(r.get("C1"))).toEqual(["t1-0"]);
    expect(show(r.get("C2"))).toEqual(["t1-1", "t2-0", "t2-1", "t2-2"]);
  });
});

describe("roundrobin: ordering details", () => {
  it("topics go in Java String order (uppercase before lowercase, 't10' before 't9')", () => {
    const r = assign({
      topics: topicsOf({ t9: 1, t10: 1, B: 1, a: 1 }),
      members: [member("m1", ["t9", "t10", "a", "B"]), member("m2", ["t9", "t10", "a", "B"])],
    });
    expect(show(r.get("m1"))).toEqual(["B-0", "t10-0"]);
    expect(show(r.get("m2"))).toEqual(["a-0", "t9-0"]);
  });

  it("the iterator carries over between topics and wraps around the circle", () => {
    // Circle a, b, c. x-0 → a; y is only on a and c: the iterator is at b, so y-0 → c, y-1 → a, y-2 → c.
    const r = assign({
      topics: topicsOf({ x: 1, y: 3 }),
      members: [member("a", ["x", "y"]), member("b", ["x"]), member("c", ["x", "y"])],
    });
    expect(show(r.get("a"))).toEqual(["x-0", "y-1"]);
    expect(show(r.get("b"))).toEqual([]);
    expect(show(r.get("c"))).toEqual(["y-0", "y-2"]);
  });
});
