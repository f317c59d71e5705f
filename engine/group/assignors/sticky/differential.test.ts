// Protects agreement with Kafka's real StickyAssignor and CooperativeStickyAssignor, compiled from the 4.0
// snapshot and run on a JVM (fixtures/README.md): on 2,701 groups (single rounds, rounds that feed Kafka's
// own output back as ownership, groups of up to 40 members; racks, partitions without a rack, members
// without one; equal, mixed and missing generations; uneven subscriptions) the port returns Kafka's lists,
// in Kafka's order, and fails exactly where Kafka fails, with the same Java exception. 100 %, not most.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { kafkaCooperativeStickyAssign } from "../cooperative-sticky";
import { kafkaStickyAssign } from "../sticky";
import { type AssignmentInput, type AssignmentResult, parseTopicPartition } from "../types";
import { type KafkaStickyFailure, StickyAssignorStateError } from "./model";

interface Vector {
  /** Which generator made the input (fixtures/README.md). */
  readonly set: string;
  readonly request: {
    readonly assignor: "sticky" | "cooperative-sticky";
    readonly topics: { readonly name: string; readonly partitions: number }[];
    readonly partitionRacks?: Record<string, string[]>;
    readonly members: {
      readonly memberId: string;
      readonly rackId: string | null;
      readonly topics: string[];
      readonly ownedPartitions: string[];
      readonly generation: number | null;
    }[];
  };
  readonly expected:
    | { readonly assignment: Record<string, string[]> }
    | { readonly kafkaFailure: KafkaStickyFailure };
}

const vectors: Vector[] = gunzipSync(
  readFileSync(new URL("./fixtures/kafka-sticky-vectors.jsonl.gz", import.meta.url)),
)
  .toString("utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));

function toInput({ request }: Vector): AssignmentInput {
  return {
    topics: request.topics,
    members: request.members.map((member) => ({
      ...member,
      groupInstanceId: null,
      ownedPartitions: member.ownedPartitions.map((key) => parseTopicPartition(key)!),
    })),
    ...(request.partitionRacks ? { partitionRacks: request.partitionRacks } : {}),
  };
}

type Outcome = { assignment: Record<string, string[]> } | { kafkaFailure: KafkaStickyFailure };

function runPort(vector: Vector): Outcome {
  const assign = vector.request.assignor === "sticky" ? kafkaStickyAssign : kafkaCooperativeStickyAssign;
  let result: AssignmentResult;
  try {
    result = assign(toInput(vector));
  } catch (error) {
    if (error instanceof StickyAssignorStateError) return { kafkaFailure: error.kafkaFailure };
    throw error;
  }
  const assignment: Record<string, string[]> = {};
  for (const [member, partitions] of result)
    assignment[member] = partitions.map((p) => `${p.topic}-${p.partition}`);
  return { assignment };
}

describe("sticky assignors agree with Kafka's real classes", () => {
  it("the fixture covers what it claims", () => {
    const count = (predicate: (v: Vector) => boolean) => vectors.filter(predicate).length;
    expect(vectors.length).toBeGreaterThanOrEqual(2000);
    expect(count((v) => v.request.assignor === "sticky")).toBeGreaterThan(1000);
    expect(count((v) => v.request.assignor === "cooperative-sticky")).toBeGreaterThan(1000);
    expect(count((v) => v.request.partitionRacks !== undefined)).toBeGreaterThan(1500);
    expect(
      count((v) => v.request.members.some((m) => m.rackId === null) && !!v.request.partitionRacks),
    ).toBeGreaterThan(500);
    expect(count((v) => new Set(v.request.members.map((m) => m.generation)).size > 1)).toBeGreaterThan(500);
    expect(count((v) => "kafkaFailure" in v.expected)).toBeGreaterThan(0);
  });

  it("on every vector: the same lists in the same order, or the same failure", () => {
    const mismatches: string[] = [];
    vectors.forEach((vector, index) => {
      const actual = runPort(vector);
      if (JSON.stringify(actual) !== JSON.stringify(vector.expected)) {
        mismatches.push(
          `#${index} (${vector.set}, ${vector.request.assignor}): expected ${JSON.stringify(vector.expected)}, got ${JSON.stringify(actual)}`,
        );
      }
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });
});
