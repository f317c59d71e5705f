// Protects the range and roundrobin invariants on random groups (every partition of a subscribed,
// existing topic assigned exactly once and only to a subscriber; range quotas; determinism), and
// checks the indexed rack-aware range code against a literal, quadratic transcription of Kafka's.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { javaStringCompare } from "../../core/java-hash";
import { sortMembers, viewGroupSubscription } from "./member-order";
import { consumerRack, shouldUseRackAwareAssignment } from "./rack-aware";
import { createRangeAssignor, rangeAssignor } from "./range";
import { roundRobinAssignor } from "./roundrobin";
import type { AssignmentInput, AssignmentResult, MemberSubscription, TopicPartition } from "./types";

const TOPICS = ["t0", "t1", "t2", "t3", "missing"];
const RACKS = ["a", "b", "c"];

const memberArb = (memberId: string) =>
  fc.record({
    memberId: fc.constant(memberId),
    groupInstanceId: fc.option(fc.constantFrom("i1", "i2", "i3", "i4"), { nil: null }),
    rackId: fc.option(fc.constantFrom(...RACKS, "", "z"), { nil: null }),
    topics: fc.subarray(TOPICS),
    ownedPartitions: fc.constant([] as TopicPartition[]),
    generation: fc.constant(null),
  });

const inputArb: fc.Arbitrary<AssignmentInput> = fc
  .record({
    counts: fc.tuple(...TOPICS.slice(0, 4).map(() => fc.integer({ min: 0, max: 9 }))),
    memberIds: fc.uniqueArray(fc.constantFrom("m1", "m2", "m3", "m4", "m5", "m6", "consumer10", "B"), {
      minLength: 1,
      maxLength: 7,
    }),
    withRacks: fc.boolean(),
    rackSeed: fc.array(fc.subarray(RACKS), { minLength: 40, maxLength: 40 }),
  })
  .chain(({ counts, memberIds, withRacks, rackSeed }) =>
    fc.tuple(...memberIds.map(memberArb)).map((members): AssignmentInput => {
      const topics = counts.map((partitions, i) => ({ name: TOPICS[i]!, partitions }));
      if (!withRacks) return { topics, members };
      const partitionRacks: Record<string, string[]> = {};
      let k = 0;
      for (const t of topics)
        for (let p = 0; p < t.partitions; p++) partitionRacks[`${t.name}-${p}`] = rackSeed[k++]!;
      return { topics, members, partitionRacks };
    }),
  );

const key = (tp: TopicPartition) => `${tp.topic}-${tp.partition}`;

function checkCoverage(input: AssignmentInput, result: AssignmentResult): void {
  expect([...result.keys()].sort()).toEqual(input.members.map((m) => m.memberId).sort());
  const owner = new Map<string, string>();
  for (const [memberId, tps] of result) {
    const member = input.members.find((m) => m.memberId === memberId)!;
    for (const tp of tps) {
      expect(owner.has(key(tp))).toBe(false);
      owner.set(key(tp), memberId);
      expect(member.topics).toContain(tp.topic);
    }
  }
  for (const t of input.topics) {
    const subscribed = input.members.some((m) => m.topics.includes(t.name));
    for (let p = 0; p < t.partitions; p++) expect(owner.has(`${t.name}-${p}`)).toBe(subscribed);
  }
}

describe("range and roundrobin properties", () => {
  it("range: every partition once, to a subscriber, within the range quota; deterministic", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = rangeAssignor.assign(input);
        checkCoverage(input, result);
        for (const t of input.topics) {
          const subscribers = input.members.filter((m) => m.topics.includes(t.name));
          if (subscribers.length === 0) continue;
          const floor = Math.floor(t.partitions / subscribers.length);
          for (const m of subscribers) {
            const n = result.get(m.memberId)!.filter((tp) => tp.topic === t.name).length;
            expect(n === floor || n === floor + 1).toBe(true);
          }
        }
        expect(rangeAssignor.assign(input)).toEqual(result);
      }),
      { numRuns: 400 },
    );
  });

  it("roundrobin: every partition once, to a subscriber; balanced within one when subscriptions match", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = roundRobinAssignor.assign(input);
        checkCoverage(input, result);
        const same = input.members.every((m) => sameTopics(m.topics, input.members[0]!.topics));
        if (same) {
          const sizes = [...result.values()].map((l) => l.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("range matches a literal transcription of Kafka's RangeAssignor, output order included", () => {
    fc.assert(
      fc.property(inputArb, fc.boolean(), (input, prefer) => {
        const actual = createRangeAssignor({ preferRackAwareLogic: prefer }).assign(input);
        expect(actual).toEqual(literalKafkaRange(input, prefer));
      }),
      { numRuns: 1000 },
    );
  });
});

function sameTopics(a: readonly string[], b: readonly string[]): boolean {
  return new Set(a).size === new Set(b).size && a.every((t) => b.includes(t));
}

interface LiteralState {
  topic: string;
  consumers: { id: string; rack: string | null }[];
  racks: Set<string>[];
  needs: boolean;
  unassigned: number[];
  numAssigned: Map<string, number>;
  perConsumer: number;
  extra: number;
}

/** RangeAssignor.assignPartitions written out step by step, with Kafka's linear scans and filters. */
function literalKafkaRange(input: AssignmentInput, prefer: boolean): AssignmentResult {
  const view = viewGroupSubscription(input);
  const result: AssignmentResult = new Map(input.members.map((m) => [m.memberId, []]));
  const states: LiteralState[] = view.topics.map((topic) => literalState(input, view.members, topic, prefer));
  const max = (s: LiteralState, c: string) =>
    Math.max(0, s.perConsumer + (s.extra > 0 ? 1 : 0) - s.numAssigned.get(c)!);
  const match = (s: LiteralState, c: string, p: number) => {
    const rack = s.consumers.find((x) => x.id === c)!.rack;
    return rack === null || (s.racks[p]?.has(rack) ?? false);
  };
  const give = (s: LiteralState, c: string, ps: number[]) => {
    for (const p of ps) result.get(c)!.push({ topic: s.topic, partition: p });
    const n = s.numAssigned.get(c)! + ps.length;
    s.numAssigned.set(c, n);
    if (n > s.perConsumer) s.extra--;
    s.unassigned = s.unassigned.filter((p) => !ps.includes(p));
  };
  const ranges = (s: LiteralState, may: (c: string, p: number) => boolean) => {
    for (const { id } of s.consumers) {
      if (s.unassigned.length === 0) break;
      const ps = s.unassigned.filter((p) => may(id, p)).slice(0, max(s, id));
      if (ps.length > 0) give(s, id, ps);
    }
  };
  const useRack = states.some((s) => s.needs);
  if (useRack) {
    const groups = new Map<string, LiteralState[]>();
    for (const s of states) {
      const k = JSON.stringify([s.consumers.map((c) => c.id), s.racks.length]);
      groups.set(k, [...(groups.get(k) ?? []), s]);
    }
    for (const group of groups.values()) {
      if (group.length === 1) {
        if (group[0]!.needs) ranges(group[0]!, (c, p) => match(group[0]!, c, p));
        continue;
      }
      let remaining = group[0]!.consumers.map((c) => c.id);
      for (let p = 0; p < group[0]!.racks.length; p++) {
        const c = remaining.find((id) => group.every((s) => match(s, id, p) && max(s, id) > 0));
        if (c === undefined) continue;
        for (const s of group) give(s, c, [p]);
        if (group.every((s) => max(s, c) === 0)) remaining = remaining.filter((id) => id !== c);
        if (remaining.length === 0) break;
      }
    }
  }
  for (const s of states) ranges(s, () => true);
  if (useRack) {
    for (const l of result.values())
      l.sort((a, b) => javaStringCompare(a.topic, b.topic) || a.partition - b.partition);
  }
  return result;
}

function literalState(
  input: AssignmentInput,
  members: readonly MemberSubscription[],
  topic: string,
  prefer: boolean,
): LiteralState {
  const count = input.topics.find((t) => t.name === topic)!.partitions;
  const subscribers = sortMembers(members.filter((m) => m.topics.includes(topic)));
  const consumers = subscribers.map((m) => ({ id: m.memberId, rack: consumerRack(m) }));
  const consumerRacks = new Set(consumers.flatMap((c) => (c.rack === null ? [] : [c.rack])));
  const racks: Set<string>[] = [];
  if (consumerRacks.size > 0) {
    for (let p = 0; p < count; p++) racks.push(new Set(input.partitionRacks?.[`${topic}-${p}`] ?? []));
  }
  const union = new Set(racks.flatMap((r) => [...r]));
  return {
    topic,
    consumers,
    racks,
    needs: shouldUseRackAwareAssignment(consumerRacks, union, racks, prefer),
    unassigned: Array.from({ length: count }, (_, p) => p),
    numAssigned: new Map(consumers.map((c) => [c.id, 0])),
    perConsumer: Math.floor(count / consumers.length),
    extra: count % consumers.length,
  };
}
