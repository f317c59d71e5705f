// On a few inputs Kafka's own AbstractStickyAssignor throws instead of assigning (an
// IllegalStateException from the rack-aware constrained fill, or a NullPointerException with mixed
// generations; see sticky/model.ts). In a real group the leader's poll() would then fail and the
// group would stall. The simulator must always hand out a valid assignment, so it falls back, in
// order, to what Kafka computes (1) without rack information, then (2) without ownership claims.
// The fallback is documented in README.md; every input on which Kafka succeeds is unaffected.
import { StickyAssignorStateError } from "./sticky/model";
import type { AssignmentInput, AssignmentResult } from "./types";

export interface FallbackResult {
  result: AssignmentResult;
  /** 0: Kafka's own answer; 1: computed without racks; 2: computed without ownership claims. */
  fallbackLevel: 0 | 1 | 2;
}

export function assignWithFallback(
  input: AssignmentInput,
  assign: (input: AssignmentInput) => AssignmentResult,
): FallbackResult {
  const attempts: AssignmentInput[] = [
    input,
    { topics: input.topics, members: input.members },
    {
      topics: input.topics,
      members: input.members.map((m) => ({ ...m, ownedPartitions: [], generation: null })),
    },
  ];
  let lastError: unknown;
  for (const [level, attempt] of attempts.entries()) {
    try {
      return { result: assign(attempt), fallbackLevel: level as 0 | 1 | 2 };
    } catch (error) {
      if (!(error instanceof StickyAssignorStateError)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}
