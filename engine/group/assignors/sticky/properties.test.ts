// Protects the guarantees Kafka's sticky assignors give on realistic rebalances (a group assigned once, then
// members leave, join or change topics): validity, balance, stickiness, termination and, for
// cooperative-sticky, never handing out a partition another member still owns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cooperativeStickyAssignor } from "../cooperative-sticky";
import { stickyAssignor } from "../sticky";
import type { AssignmentInput, AssignmentResult, MemberSubscription } from "../types";

interface Scenario {
  readonly first: AssignmentInput;
  readonly second: AssignmentInput;
}

const key = (p: { topic: string; partition: number }) => `${p.topic}-${p.partition}`;

/** Round 1 from scratch; round 2 where survivors report round 1 (generation 1) and newcomers nothing. */
const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    partitions: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 4 }),
    ids: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 2, maxLength: 12 }),
    uniform: fc.boolean(),
    masks: fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 12, maxLength: 12 }),
    split: fc.integer({ min: 1, max: 11 }),
    leavers: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    missingTopic: fc.boolean(),
  })
  .map(({ partitions, ids, uniform, masks, split, leavers, missingTopic }) => {
    const names = partitions.map((_, i) => `topic${i}`);
    const topics = partitions.map((count, i) => ({ name: names[i]!, partitions: count }));
    const subscribed = (i: number) => {
      const chosen = names.filter((_, t) => uniform || (masks[i]! >> t) & 1);
      const list = chosen.length > 0 ? chosen : [names[0]!];
      return missingTopic ? [...list, "gone"] : list;
    };
    const cut = Math.min(split, ids.length - 1);
    const firstMembers = ids.slice(0, cut).map((memberId, i) => fresh(memberId, subscribed(i), null));
    const round1 = stickyAssignor.assign({ topics, members: firstMembers });
    const survivors = firstMembers
      .filter((_, i) => !leavers[i])
      .map((m) => ({ ...m, ownedPartitions: round1.get(m.memberId)!, generation: 1 }));
    const joiners = ids.slice(cut).map((memberId, i) => fresh(memberId, subscribed(cut + i), null));
    const members = [...survivors, ...joiners];
    return {
      first: { topics, members: firstMembers },
      second: { topics, members: members.length > 0 ? members : joiners },
    };
  });

function fresh(memberId: string, topics: string[], generation: number | null): MemberSubscription {
  return { memberId, groupInstanceId: null, rackId: null, topics, ownedPartitions: [], generation };
}

function expectValid(input: AssignmentInput, result: AssignmentResult): void {
  const counts = new Map(input.topics.map((t) => [t.name, t.partitions]));
  const seen = new Set<string>();
  expect([...result.keys()]).toEqual(input.members.map((m) => m.memberId));
  for (const m of input.members) {
    for (const p of result.get(m.memberId)!) {
      expect(m.topics).toContain(p.topic);
      expect(p.partition).toBeLessThan(counts.get(p.topic)!);
      expect(seen.has(key(p))).toBe(false);
      seen.add(key(p));
    }
  }
}

/** All subscribed partitions assigned, and Kafka's balance check (verifyValidityAndBalance). */
function expectCompleteAndBalanced(input: AssignmentInput, result: AssignmentResult): void {
  const counts = new Map(input.topics.map((t) => [t.name, t.partitions]));
  const subscribed = new Set(input.members.flatMap((m) => m.topics).filter((t) => counts.has(t)));
  const total = [...subscribed].reduce((sum, topic) => sum + counts.get(topic)!, 0);
  expect([...result.values()].reduce((sum, list) => sum + list.length, 0)).toBe(total);
  const lists = [...result.values()];
  for (const a of lists) {
    for (const b of lists) {
      if (a.length <= b.length + 1) continue;
      const lighterTopics = new Set(b.map((p) => p.topic));
      for (const p of a) expect(lighterTopics.has(p.topic)).toBe(false);
    }
  }
}

describe("sticky assignor properties", () => {
  it("round 2 is valid, complete, balanced and terminates", () => {
    fc.assert(
      fc.property(scenario, ({ first, second }) => {
        for (const input of [first, second]) {
          const result = stickyAssignor.assign(input);
          expectValid(input, result);
          expectCompleteAndBalanced(input, result);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("with equal subscriptions, sizes differ by at most one and survivors keep up to their quota", () => {
    fc.assert(
      fc.property(scenario, ({ second }) => {
        const uniform = second.members.every((m) => m.topics.join() === second.members[0]!.topics.join());
        fc.pre(uniform);
        const result = stickyAssignor.assign(second);
        const sizes = [...result.values()].map((list) => list.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        const minQuota = Math.min(...sizes);
        for (const m of second.members) {
          const kept = new Set(result.get(m.memberId)!.map(key));
          const stillKept = m.ownedPartitions.filter((p) => kept.has(key(p))).length;
          expect(stillKept).toBeGreaterThanOrEqual(Math.min(m.ownedPartitions.length, minQuota));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("cooperative-sticky properties", () => {
  it("never gives a partition to a new owner while another member still owns it", () => {
    fc.assert(
      fc.property(scenario, ({ second }) => {
        const result = cooperativeStickyAssignor.assign(second);
        expectValid(second, result);
        const owner = new Map<string, string>();
        for (const m of second.members) for (const p of m.ownedPartitions) owner.set(key(p), m.memberId);
        for (const [memberId, list] of result) {
          for (const p of list) {
            const previous = owner.get(key(p));
            if (previous !== undefined) expect(previous).toBe(memberId);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("follow-up rounds converge to a complete, balanced assignment within 4 rounds", () => {
    fc.assert(
      fc.property(scenario, ({ second }) => {
        let members = second.members;
        let result = cooperativeStickyAssignor.assign(second);
        for (let round = 2; round <= 5; round++) {
          members = members.map((m) => ({
            ...m,
            ownedPartitions: result.get(m.memberId)!,
            generation: round,
          }));
          result = cooperativeStickyAssignor.assign({ ...second, members });
        }
        expectValid(second, result);
        expectCompleteAndBalanced(second, result);
      }),
      { numRuns: 200 },
    );
  });
});
