// Protects "the assignors always answer": on the few inputs where Kafka's own sticky code fails (an
// IllegalStateException when a member claims a partition number the leader's metadata lacks, a
// NullPointerException on the general path), the port fails at the same point with the same Java
// exception, and the simulator's sticky assignors answer what Kafka computes for the group without
// ownership claims: every partition at most once, only to a subscriber, and cooperative-sticky never
// hands out a partition another member still owns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cooperativeStickyAssignor, kafkaCooperativeStickyAssign } from "./cooperative-sticky";
import { kafkaStickyAssign, stickyAssignor } from "./sticky";
import { type KafkaStickyFailure, StickyAssignorStateError } from "./sticky/model";
import type { AssignmentInput, AssignmentResult, MemberSubscription } from "./types";

const tp = (key: string) => ({
  topic: key.slice(0, key.lastIndexOf("-")),
  partition: Number(key.slice(key.lastIndexOf("-") + 1)),
});

function member(memberId: string, topics: string[], owned: string[], generation: number | null) {
  return {
    memberId,
    groupInstanceId: null,
    rackId: null,
    topics,
    ownedPartitions: owned.map(tp),
    generation,
  };
}

/** Kafka's real StickyAssignor throws IllegalStateException("No more unfilled consumers to be assigned."). */
const claimBeyondMetadata: AssignmentInput = {
  topics: [
    { name: "orders", partitions: 2 },
    { name: "topic2", partitions: 4 },
  ],
  members: [
    member("c45-0", ["topic2", "orders"], ["topic2-3", "topic2-2", "topic2-0", "orders-2", "topic2-1"], 2),
  ],
};

/**
 * Kafka's real StickyAssignor throws a NullPointerException: memberb, topic1-0's previous owner (an older
 * generation than memberd's), gets both partitions of events-v2, which only it subscribes to, and so leaves
 * the balancing scope; moving topic1-0 back to it then reads an assignment that is no longer there.
 */
const previousOwnerOutOfScope: AssignmentInput = {
  topics: [
    { name: "b", partitions: 8 },
    { name: "topic1", partitions: 1 },
    { name: "events-v2", partitions: 2 },
  ],
  members: [
    member("membera", ["b", "ghost"], ["b-0", "b-3", "b-1", "events-v2-0", "b-7"], null),
    member("memberb", ["events-v2", "ghost"], ["topic1-0"], null),
    member("memberc", ["b", "topic1"], ["b-5"], 2),
    member("memberd", ["topic1", "b"], ["b-4", "b-6", "events-v2-1", "b-2"], 3),
  ],
};

function kafkaFailure(assign: (input: AssignmentInput) => AssignmentResult, input: AssignmentInput) {
  try {
    assign(input);
    return null;
  } catch (error) {
    if (error instanceof StickyAssignorStateError) return error.kafkaFailure;
    throw error;
  }
}

const withoutClaims = (input: AssignmentInput): AssignmentInput => ({
  ...input,
  members: input.members.map((m) => ({ ...m, ownedPartitions: [], generation: null })),
});

function expectValid(input: AssignmentInput, result: AssignmentResult, cooperative: boolean): void {
  expect([...result.keys()]).toEqual(input.members.map((m) => m.memberId));
  const counts = new Map(input.topics.map((t) => [t.name, t.partitions]));
  const seen = new Set<string>();
  for (const [memberId, partitions] of result) {
    const subscriber = input.members.find((m) => m.memberId === memberId)!;
    for (const p of partitions) {
      const key = `${p.topic}-${p.partition}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(subscriber.topics).toContain(p.topic);
      expect(p.partition).toBeLessThan(counts.get(p.topic)!);
      if (!cooperative) continue;
      const otherOwners = input.members.filter(
        (m) => m.memberId !== memberId && m.ownedPartitions.some((o) => `${o.topic}-${o.partition}` === key),
      );
      expect(otherOwners).toEqual([]);
    }
  }
}

describe("where Kafka's sticky assignors fail, the port fails the same way", () => {
  it.each<[string, KafkaStickyFailure, AssignmentInput]>([
    ["a claim beyond the leader's partition count", "IllegalStateException", claimBeyondMetadata],
    ["a previous owner outside the balancing scope", "NullPointerException", previousOwnerOutOfScope],
  ])("%s: %s", (_, failure, input) => {
    expect(kafkaFailure(kafkaStickyAssign, input)).toBe(failure);
    expect(kafkaFailure(kafkaCooperativeStickyAssign, input)).toBe(failure);
  });

  it.each([
    ["a claim beyond the leader's partition count", claimBeyondMetadata],
    ["a previous owner outside the balancing scope", previousOwnerOutOfScope],
  ] as const)("%s: the simulator answers as Kafka would for the group without claims", (_, input) => {
    expect(stickyAssignor.assign(input)).toEqual(kafkaStickyAssign(withoutClaims(input)));
    expectValid(input, stickyAssignor.assign(input), false);
    expectValid(input, cooperativeStickyAssignor.assign(input), true);
  });
});

/** Groups whose members claim partitions, some beyond a topic's count, from mixed generations. */
const inputArb: fc.Arbitrary<AssignmentInput> = fc
  .record({
    partitions: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
    memberCount: fc.integer({ min: 1, max: 6 }),
    subscriptionMasks: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 6, maxLength: 6 }),
    uniform: fc.boolean(),
    generations: fc.array(fc.option(fc.integer({ min: 0, max: 3 })), { minLength: 6, maxLength: 6 }),
    owners: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 24, maxLength: 24 }),
  })
  .map(({ partitions, memberCount, subscriptionMasks, uniform, generations, owners }) => {
    const topics = partitions.map((count, i) => ({ name: `t${i}`, partitions: count }));
    // One partition number past each topic's end, as a member whose metadata is newer than the leader's has.
    const claimable = topics.flatMap((t) =>
      Array.from({ length: t.partitions + 1 }, (_, p) => `${t.name}-${p}`),
    );
    const members: MemberSubscription[] = Array.from({ length: memberCount }, (_, m) => {
      const subscribed = topics
        .filter((_, t) => uniform || (subscriptionMasks[m]! >> t) & 1)
        .map((t) => t.name);
      const owned = claimable.filter((_, i) => owners[i % owners.length] === m);
      return member(`consumer${m}`, subscribed.length > 0 ? subscribed : ["t0"], owned, generations[m]!);
    });
    return { topics, members };
  });

describe("on random groups, every input Kafka fails on still gets a valid answer", () => {
  const samples = fc.sample(inputArb, { numRuns: 3000, seed: 20261123 });
  const failing = samples.filter((input) => kafkaFailure(kafkaStickyAssign, input) !== null);

  it("Kafka's failures occur among them (so the fallback is exercised)", () => {
    expect(failing.length).toBeGreaterThan(50);
  });

  it.each([stickyAssignor, cooperativeStickyAssignor])("$name answers validly", (assignor) => {
    for (const input of failing)
      expectValid(input, assignor.assign(input), assignor === cooperativeStickyAssignor);
  });
});
