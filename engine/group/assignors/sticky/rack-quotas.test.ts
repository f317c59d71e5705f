// Protects the rack-aware constrained fill as Kafka 3.8+ runs it (KAFKA-15170): the rack-matching round robin
// respects the P mod C members allowed over minQuota, and every claim a member gives up is recorded with its
// owner, so cooperative-sticky never hands a partition to one member while another still owns it. The
// expected outputs are those of Kafka's real StickyAssignor and CooperativeStickyAssignor.
import { describe, expect, it } from "vitest";
import { cooperativeStickyAssignor } from "../cooperative-sticky";
import { stickyAssignor } from "../sticky";
import type { AssignmentInput, Assignor } from "../types";
import { runAbstractStickyAssignor } from "./abstract-sticky";

interface MemberSpec {
  readonly rack: string | null;
  readonly owned?: readonly string[];
  readonly generation?: number;
}

function input(
  topics: Record<string, number>,
  partitionRacks: Record<string, string[]>,
  members: Record<string, MemberSpec>,
): AssignmentInput {
  return {
    topics: Object.entries(topics).map(([name, partitions]) => ({ name, partitions })),
    partitionRacks,
    members: Object.entries(members).map(([memberId, spec]) => ({
      memberId,
      groupInstanceId: null,
      rackId: spec.rack,
      topics: Object.keys(topics),
      ownedPartitions: (spec.owned ?? []).map((key) => ({
        topic: key.slice(0, key.lastIndexOf("-")),
        partition: Number(key.slice(key.lastIndexOf("-") + 1)),
      })),
      generation: spec.generation ?? null,
    })),
  };
}

function assign(assignor: Assignor, request: AssignmentInput): Record<string, string[]> {
  const result = assignor.assign(request);
  return Object.fromEntries(
    [...result].map(([member, partitions]) => [member, partitions.map((p) => `${p.topic}-${p.partition}`)]),
  );
}

describe("rack-aware round robin within the quotas", () => {
  it("a member reaching minQuota on its rack may take one more only while maxQuota slots remain", () => {
    // 4 partitions, 3 members: minQuota 1, one member may hold 2. m0 (rack-c) takes a-0 and a-2, which uses
    // the only slot; m1 must not be offered a second partition on its rack, so m2 (no rack) gets a-3.
    const request = input(
      { a: 4 },
      { "a-0": ["rack-c"], "a-1": ["rack-a", "rack-b"], "a-2": ["rack-c"], "a-3": ["rack-a", "rack-b"] },
      { m0: { rack: "rack-c" }, m1: { rack: "rack-a" }, m2: { rack: null } },
    );
    expect(assign(stickyAssignor, request)).toEqual({ m0: ["a-0", "a-2"], m1: ["a-1"], m2: ["a-3"] });
  });

  it("a member topped up to maxQuota on its rack counts as over minQuota", () => {
    // 5 partitions, 4 members: one may hold 2. m0 keeps its two rack-matching claims and so uses that slot;
    // m1's claim b-2 is on the wrong rack and goes to m3, m1 takes b-0 instead.
    const request = input(
      { a: 1, b: 4 },
      {
        "a-0": ["rack-c", "rack-b"],
        "b-0": ["rack-c"],
        "b-1": ["rack-b", "rack-a"],
        "b-2": ["rack-c"],
        "b-3": ["rack-c", "rack-a"],
      },
      {
        m0: { rack: "rack-a", owned: ["b-1", "b-3"], generation: 3 },
        m1: { rack: "rack-a", owned: ["b-2"], generation: 3 },
        m2: { rack: "rack-c" },
        m3: { rack: null },
      },
    );
    expect(assign(stickyAssignor, request)).toEqual({
      m0: ["b-1", "b-3"],
      m1: ["b-0"],
      m2: ["a-0"],
      m3: ["b-2"],
    });
  });
});

describe("cooperative-sticky: a claim given up on the wrong rack is transferring", () => {
  it("withholds a-0 from m0 while m1 still owns it", () => {
    const request = input(
      { a: 2 },
      { "a-0": ["rack-c"], "a-1": ["rack-a", "rack-c"] },
      { m0: { rack: "rack-c" }, m1: { rack: "rack-b", owned: ["a-0", "a-1"], generation: 2 } },
    );
    expect(assign(cooperativeStickyAssignor, request)).toEqual({ m0: [], m1: ["a-1"] });
  });

  it("records both misaligned claims with their new owners (testUniformSubscriptionTransferOwnershipListIsRight)", () => {
    // Replication factor 1 on two racks: even partitions on rack a, odd ones on rack b.
    const request = input(
      { topic1: 4 },
      { "topic1-0": ["a"], "topic1-1": ["b"], "topic1-2": ["a"], "topic1-3": ["b"] },
      {
        c0: { rack: "a", owned: ["topic1-0", "topic1-1"], generation: 1 },
        c1: { rack: "b", owned: ["topic1-2", "topic1-3"], generation: 1 },
      },
    );
    const run = runAbstractStickyAssignor(request, "subscription");
    expect(run.partitionsTransferringOwnership).toEqual(
      new Map([
        ["topic1-1", "c1"],
        ["topic1-2", "c0"],
      ]),
    );
    expect(assign(cooperativeStickyAssignor, request)).toEqual({ c0: ["topic1-0"], c1: ["topic1-3"] });
  });

  it("a member taking back its own misaligned claim keeps it: nobody else owns it", () => {
    // Nobody is on rack a, so a-0, given up by m0, comes back to m0 in the plain round robin.
    const request = input(
      { a: 4 },
      { "a-0": ["a"], "a-1": ["b"], "a-2": ["b"], "a-3": ["b"] },
      {
        m0: { rack: "b", owned: ["a-0", "a-1"], generation: 4 },
        m1: { rack: "b", owned: ["a-2", "a-3"], generation: 4 },
      },
    );
    expect(assign(cooperativeStickyAssignor, request)).toEqual({ m0: ["a-1", "a-0"], m1: ["a-2", "a-3"] });
  });
});
