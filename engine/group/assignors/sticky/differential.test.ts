// Protects agreement with Kafka's real StickyAssignor and CooperativeStickyAssignor on 190 generated groups
// (mixed and uniform subscriptions, racks, stale and equal generations, doubly claimed partitions, missing
// topics). The inputs were first checked against a hand transcription of Kafka's code, which disagreed with
// Kafka on 22 of them; every expected output is now what Kafka's own classes, compiled from the 4.0
// snapshot, return for the input (see fixtures/README.md).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cooperativeStickyAssignor } from "../cooperative-sticky";
import { stickyAssignor } from "../sticky";
import type { AssignmentInput } from "../types";

type Member = [id: string, rack: string | null, generation: number | null, topics: string[], owned: string[]];
interface Vector {
  readonly assignor: "sticky" | "cooperative-sticky";
  readonly topics: [string, number][];
  readonly racks?: Record<string, string[]>;
  readonly members: Member[];
  readonly expected: Record<string, string[]>;
}

const vectors: Vector[] = JSON.parse(
  readFileSync(new URL("./fixtures/jvm-differential-vectors.json", import.meta.url), "utf8"),
);

function toInput(vector: Vector): AssignmentInput {
  return {
    topics: vector.topics.map(([name, partitions]) => ({ name, partitions })),
    members: vector.members.map(([memberId, rackId, generation, topics, owned]) => ({
      memberId,
      groupInstanceId: null,
      rackId,
      topics,
      generation,
      ownedPartitions: owned.map((key) => ({
        topic: key.slice(0, key.lastIndexOf("-")),
        partition: Number(key.slice(key.lastIndexOf("-") + 1)),
      })),
    })),
    ...(vector.racks ? { partitionRacks: vector.racks } : {}),
  };
}

describe("sticky assignors agree with Kafka's algorithm run on a JVM", () => {
  it.each(vectors.map((vector, index) => [index, vector.assignor, vector] as const))(
    "vector %i (%s)",
    (_, name, vector) => {
      const assignor = name === "sticky" ? stickyAssignor : cooperativeStickyAssignor;
      const result = assignor.assign(toInput(vector));
      const actual = Object.fromEntries(
        [...result].map(([id, partitions]) => [id, partitions.map((p) => `${p.topic}-${p.partition}`)]),
      );
      expect(actual).toEqual(vector.expected);
    },
  );
});
