// Protects the COOPERATIVE protocol's promise on rack-aware groups: over random rounds (members joining and
// leaving, racks on partitions and members), cooperative-sticky never gives a partition to one member while
// another member still owns it, so no partition is ever owned by two members at once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cooperativeStickyAssignor } from "../cooperative-sticky";
import type { AssignmentInput, MemberSubscription, TopicPartition } from "../types";

const RACKS = ["rack-a", "rack-b", "rack-c"];
const key = (tp: TopicPartition) => `${tp.topic}-${tp.partition}`;

interface Group {
  readonly topics: { readonly name: string; readonly partitions: number }[];
  readonly partitionRacks: Record<string, string[]>;
  /** Per member slot: its rack (null: none) and the rounds it takes part in. */
  readonly slots: { readonly rack: string | null; readonly presentInRound: readonly boolean[] }[];
  readonly uniform: boolean;
}

const ROUNDS = 6;

const groupArb: fc.Arbitrary<Group> = fc
  .record({
    partitions: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
    replicaRackMasks: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 21, maxLength: 21 }),
    slots: fc.array(
      fc.record({
        rack: fc.option(fc.constantFrom(...RACKS), { freq: 4 }),
        presentInRound: fc.array(fc.boolean(), { minLength: ROUNDS, maxLength: ROUNDS }),
      }),
      { minLength: 2, maxLength: 7 },
    ),
    uniform: fc.boolean(),
  })
  .map(({ partitions, replicaRackMasks, slots, uniform }) => {
    const topics = partitions.map((count, i) => ({ name: `t${i}`, partitions: count }));
    const partitionRacks: Record<string, string[]> = {};
    let next = 0;
    for (const topic of topics) {
      for (let p = 0; p < topic.partitions; p++) {
        const mask = replicaRackMasks[next++ % replicaRackMasks.length]!;
        partitionRacks[`${topic.name}-${p}`] = RACKS.filter((_, r) => (mask >> r) & 1);
      }
    }
    return { topics, partitionRacks, slots, uniform };
  });

function subscription(group: Group, slot: number): string[] {
  const names = group.topics.map((t) => t.name);
  if (group.uniform) return names;
  const chosen = names.filter((_, t) => (slot + t) % 2 === 0);
  return chosen.length > 0 ? chosen : names;
}

describe("cooperative-sticky over random rack-aware rounds", () => {
  it("no partition is ever owned by two members at once", () => {
    fc.assert(
      fc.property(groupArb, (group) => {
        const owned = new Map<string, TopicPartition[]>();
        for (let round = 0; round < ROUNDS; round++) {
          const members: MemberSubscription[] = group.slots.flatMap((slot, i) => {
            if (!slot.presentInRound[round]) return [];
            const memberId = `member-${i}`;
            const ownedPartitions = owned.get(memberId) ?? [];
            return [
              {
                memberId,
                groupInstanceId: null,
                rackId: slot.rack,
                topics: subscription(group, i),
                ownedPartitions,
                generation: ownedPartitions.length > 0 || owned.has(memberId) ? round : null,
              },
            ];
          });
          // A member that left gave its partitions up; one that stays owns what it owned.
          for (const memberId of [...owned.keys()]) {
            if (!members.some((m) => m.memberId === memberId)) owned.delete(memberId);
          }
          if (members.length === 0) continue;
          const input: AssignmentInput = {
            topics: group.topics,
            members,
            partitionRacks: group.partitionRacks,
          };
          const result = cooperativeStickyAssignor.assign(input);
          const ownerBefore = new Map<string, string>();
          for (const m of members) for (const tp of m.ownedPartitions) ownerBefore.set(key(tp), m.memberId);
          const ownerAfter = new Map<string, string>();
          for (const [memberId, partitions] of result) {
            for (const tp of partitions) {
              const previous = ownerBefore.get(key(tp));
              if (previous !== undefined) expect(previous).toBe(memberId);
              expect(ownerAfter.has(key(tp))).toBe(false);
              ownerAfter.set(key(tp), memberId);
            }
            // COOPERATIVE: the member revokes what it lost and adds what it gained.
            owned.set(memberId, partitions);
          }
        }
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });
});
