// Protects "the assignors always terminate with a valid assignment": on the rare inputs where Kafka's
// own sticky code throws (rack-aware constrained fill, mixed generations), the simulator's sticky
// assignors still answer, with every partition given at most once and only to a subscriber, and
// cooperative-sticky never hands out a partition another member still owns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cooperativeStickyAssignor } from "./cooperative-sticky";
import { stickyAssignor } from "./sticky";
import { runAbstractStickyAssignor } from "./sticky/abstract-sticky";
import { StickyAssignorStateError } from "./sticky/model";
import type { AssignmentInput } from "./types";

const RACKS = ["r0", "r1", "r2"];

const inputArb: fc.Arbitrary<AssignmentInput> = fc
  .record({
    partitions: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
    memberCount: fc.integer({ min: 2, max: 7 }),
    racks: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
    replicaRacks: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 21, maxLength: 21 }),
    generations: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 7, maxLength: 7 }),
    owners: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 21, maxLength: 21 }),
  })
  .map(({ partitions, memberCount, racks, replicaRacks, generations, owners }) => {
    const topics = partitions.map((count, i) => ({ name: `t${i}`, partitions: count }));
    const all = topics.flatMap((t) =>
      Array.from({ length: t.partitions }, (_, p) => ({ topic: t.name, partition: p })),
    );
    const partitionRacks: Record<string, string[]> = {};
    all.forEach((tp, i) => {
      partitionRacks[`${tp.topic}-${tp.partition}`] = [RACKS[replicaRacks[i % 21]!]!];
    });
    const members = Array.from({ length: memberCount }, (_, m) => ({
      memberId: `consumer${m}`,
      groupInstanceId: null,
      rackId: RACKS[racks[m]!]!,
      topics: topics.map((t) => t.name),
      ownedPartitions: all.filter((_, i) => owners[i % 21] === m),
      generation: generations[m]!,
    }));
    return { topics, members, partitionRacks };
  });

function kafkaThrows(input: AssignmentInput): boolean {
  try {
    runAbstractStickyAssignor(input);
    return false;
  } catch (error) {
    if (error instanceof StickyAssignorStateError) return true;
    throw error;
  }
}

describe("sticky assignors fall back where Kafka's algorithm throws", () => {
  const throwing = fc.sample(inputArb, { numRuns: 4000, seed: 20261123 }).filter(kafkaThrows);

  it("finds inputs on which Kafka's sticky algorithm throws (so the fallback is exercised)", () => {
    expect(throwing.length).toBeGreaterThan(0);
  });

  it.each([stickyAssignor, cooperativeStickyAssignor])(
    "$name still returns a valid assignment",
    (assignor) => {
      for (const input of throwing) {
        const result = assignor.assign(input);
        expect([...result.keys()]).toEqual(input.members.map((m) => m.memberId));
        const seen = new Set<string>();
        for (const [memberId, partitions] of result) {
          const member = input.members.find((m) => m.memberId === memberId)!;
          for (const tp of partitions) {
            const key = `${tp.topic}-${tp.partition}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
            expect(member.topics).toContain(tp.topic);
            if (assignor.name === "cooperative-sticky") {
              const claimants = input.members.filter(
                (m) =>
                  m.memberId !== memberId &&
                  m.ownedPartitions.some((o) => o.topic === tp.topic && o.partition === tp.partition),
              );
              expect(claimants).toEqual([]);
            }
          }
        }
      }
    },
  );
});
