// Protects how the leader's assignor reads what each member owned (memberData): the eager StickyAssignor
// from the userData, where partitions are grouped by topic (a HashMap filled with computeIfAbsent) and the
// generation is kept as written; CooperativeStickyAssignor from the subscription's fields. Expected lists are
// those of Kafka's real StickyAssignor and CooperativeStickyAssignor.
import { describe, expect, it } from "vitest";
import { cooperativeStickyAssignor } from "../cooperative-sticky";
import { stickyAssignor } from "../sticky";
import type { AssignmentInput, Assignor } from "../types";

const tp = (key: string) => ({
  topic: key.slice(0, key.lastIndexOf("-")),
  partition: Number(key.slice(key.lastIndexOf("-") + 1)),
});

// "t0" and "events-v2" share bucket 12 of a 16-bucket HashMap; computeIfAbsent puts the later one first.
const input: AssignmentInput = {
  topics: [
    { name: "t0", partitions: 3 },
    { name: "events-v2", partitions: 2 },
  ],
  members: [
    {
      memberId: "A",
      groupInstanceId: null,
      rackId: null,
      topics: ["t0", "events-v2"],
      ownedPartitions: ["t0-0", "events-v2-0", "t0-1", "events-v2-1"].map(tp),
      generation: 1,
    },
    {
      memberId: "B",
      groupInstanceId: null,
      rackId: null,
      topics: ["t0"],
      ownedPartitions: [tp("t0-2")],
      generation: 1,
    },
  ],
};

const lists = (assignor: Assignor, request: AssignmentInput = input) =>
  Object.fromEntries(
    [...assignor.assign(request)].map(([id, ps]) => [id, ps.map((p) => `${p.topic}-${p.partition}`)]),
  );

describe("owned partitions as the leader reads them", () => {
  it("sticky: from the userData, grouped by topic in HashMap order", () => {
    expect(lists(stickyAssignor)).toEqual({ A: ["events-v2-0", "events-v2-1", "t0-1"], B: ["t0-2", "t0-0"] });
  });

  it("cooperative-sticky: from the subscription's ownedPartitions, in the member's order", () => {
    expect(lists(cooperativeStickyAssignor)).toEqual({
      A: ["events-v2-0", "t0-1", "events-v2-1"],
      B: ["t0-2"],
    });
  });

  it("a generation below −1 is kept in sticky's userData, but compared with the other claimant's −1", () => {
    // Both claim t-1 "in generation −3": B's −3 is lower than A's subscription generation (none, so −1), so
    // Kafka lets A keep t-1 instead of treating it as claimed twice in one generation.
    const claimedTwice: AssignmentInput = {
      topics: [{ name: "t", partitions: 2 }],
      members: ["A", "B"].map((memberId) => ({
        memberId,
        groupInstanceId: null,
        rackId: null,
        topics: ["t"],
        ownedPartitions: [tp("t-1")],
        generation: -3,
      })),
    };
    expect(lists(stickyAssignor, claimedTwice)).toEqual({ A: ["t-1"], B: ["t-0"] });
    expect(lists(cooperativeStickyAssignor, claimedTwice)).toEqual({ A: ["t-0"], B: [] });
  });
});
