// Protects how the client assignors see the group: MemberInfo ordering (AbstractPartitionAssignorTest)
// and the Java HashMap orders the leader and AbstractPartitionAssignor build.

import { describe, expect, it } from "vitest";
import { compareMemberInfo, sortMembers, viewGroupSubscription } from "./member-order";
import { shouldUseRackAwareAssignment } from "./rack-aware";
import type { MemberSubscription } from "./types";

function member(memberId: string, instance: string | null, topics: string[] = []): MemberSubscription {
  return { memberId, groupInstanceId: instance, rackId: null, topics, ownedPartitions: [], generation: null };
}

const ids = (members: readonly MemberSubscription[]) => members.map((m) => m.memberId);

describe("MemberInfo ordering", () => {
  it("dynamic members sort by member id", () => {
    expect(ids(sortMembers([member("a", null), member("b", null), member("c", null)]))).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("static members sort by instance id", () => {
    expect(ids(sortMembers([member("a", "y"), member("b", "z"), member("c", "x")]))).toEqual(["c", "a", "b"]);
  });

  it("static members come before dynamic ones", () => {
    expect(ids(sortMembers([member("a", null), member("b", "y"), member("c", "x")]))).toEqual([
      "c",
      "b",
      "a",
    ]);
  });

  it("uses Java String.compareTo (UTF-16 code units), not locale order", () => {
    expect(compareMemberInfo(member("B", null), member("a", null))).toBeLessThan(0);
    expect(compareMemberInfo(member("\uFF21", null), member("\u{1F600}", null))).toBeGreaterThan(0);
  });

  it("an empty instance id is still static", () => {
    expect(ids(sortMembers([member("a", null), member("b", "")]))).toEqual(["b", "a"]);
  });

  it("equal instance ids keep the leader map's order (no member-id tie-break)", () => {
    // In a 16-bucket HashMap consumer4 (bucket 9) iterates before consumer1 (bucket 12).
    const view = viewGroupSubscription({
      topics: [],
      members: [member("consumer1", "same"), member("consumer4", "same")],
    });
    expect(ids(sortMembers(view.members))).toEqual(["consumer4", "consumer1"]);
  });
});

describe("viewGroupSubscription", () => {
  it("iterates members in Java HashMap order (consumer4, consumer3, consumer2, consumer1)", () => {
    const members = ["consumer1", "consumer2", "consumer3", "consumer4"].map((id) => member(id, null));
    expect(ids(viewGroupSubscription({ topics: [], members }).members)).toEqual([
      "consumer4",
      "consumer3",
      "consumer2",
      "consumer1",
    ]);
  });

  it("keeps only subscribed topics that exist with partitions", () => {
    const view = viewGroupSubscription({
      topics: [
        { name: "a", partitions: 2 },
        { name: "empty", partitions: 0 },
        { name: "unsubscribed", partitions: 1 },
      ],
      members: [member("m", null, ["a", "empty", "missing"])],
    });
    expect(view.topics).toEqual(["a"]);
    expect([...view.partitionCounts]).toEqual([["a", 2]]);
  });

  it("a repeated member id keeps its first slot and its last subscription, as HashMap.put does", () => {
    const view = viewGroupSubscription({
      topics: [],
      members: [member("m", null, ["x"]), member("m", null, ["y"])],
    });
    expect(view.members.map((m) => m.topics)).toEqual([["y"]]);
  });
});

describe("useRackAwareAssignment (AbstractPartitionAssignorTest.testUseRackAwareAssignment)", () => {
  const all = new Set(["a", "b", "c"]);
  const two = new Set(["a", "b"]);
  const onAll = Array.from({ length: 10 }, () => all);
  const onSubset = Array.from({ length: 10 }, (_, i) => new Set([["a", "b", "c"][i % 3]!]));
  const none = new Set<string>();

  it.each([false, true])("preferRackAwareLogic = %s", (prefer) => {
    expect(shouldUseRackAwareAssignment(none, none, onAll, prefer)).toBe(false);
    expect(shouldUseRackAwareAssignment(none, all, onAll, prefer)).toBe(false);
    expect(shouldUseRackAwareAssignment(all, none, [], prefer)).toBe(false);
    expect(shouldUseRackAwareAssignment(new Set(["d"]), all, onAll, prefer)).toBe(false);
    expect(shouldUseRackAwareAssignment(all, all, onAll, prefer)).toBe(prefer);
    expect(shouldUseRackAwareAssignment(two, all, onAll, prefer)).toBe(prefer);
    expect(shouldUseRackAwareAssignment(all, all, onSubset, prefer)).toBe(true);
    expect(shouldUseRackAwareAssignment(two, all, onSubset, prefer)).toBe(true);
  });

  it("a consumer rack sharing nothing but one rack still counts", () => {
    expect(shouldUseRackAwareAssignment(new Set(["a", "d"]), all, onAll, false)).toBe(false);
    expect(shouldUseRackAwareAssignment(new Set(["a", "d"]), all, onSubset, false)).toBe(true);
  });
});
