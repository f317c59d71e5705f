// Protects the order in which StickyAssignor's leader reads what each member owned: the eager member sends
// it in its userData grouped by topic (a HashMap filled with computeIfAbsent), so partitions kept on the
// general path come out topic by topic in that map's order, not in the order the member listed them.
// Expected lists are those of Kafka's real StickyAssignor and CooperativeStickyAssignor.
import { describe, expect, it } from "vitest";
import { cooperativeStickyAssignor } from "./cooperative-sticky";
import { stickyAssignor } from "./sticky";
import type { AssignmentInput, Assignor } from "./types";

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

const lists = (assignor: Assignor) =>
  Object.fromEntries(
    [...assignor.assign(input)].map(([id, ps]) => [id, ps.map((p) => `${p.topic}-${p.partition}`)]),
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
});
