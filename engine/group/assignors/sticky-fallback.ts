// Kafka's AbstractStickyAssignor fails on a few inputs (StickyAssignorStateError in sticky/model.ts):
// - an IllegalStateException from the constrained fill when a member claims a partition number the
//   leader's metadata does not have (e.g. the leader's metadata is older than the claim);
// - a NullPointerException on the general path when it dereferences a member that left the balancing
//   scope (e.g. a partition whose previous owner, of an older generation, holds all it can get);
// - and on the general path its reassignment loop has no bound, which the port caps.
// A real group's leader then fails its poll() with that exception and the group gets no assignment. The
// simulator must still hand one out, so on exactly these inputs it answers what Kafka computes for the
// same group with every ownership claim dropped (no previous owners, so none of these failures can
// arise). Every input on which Kafka returns an assignment gets Kafka's own answer.
import { StickyAssignorStateError } from "./sticky/model";
import type { AssignmentInput, AssignmentResult } from "./types";

export interface FallbackResult {
  readonly result: AssignmentResult;
  /** True when Kafka fails on this input and the answer ignores every ownership claim. */
  readonly ownershipIgnored: boolean;
}

export function assignOrIgnoreOwnership(
  input: AssignmentInput,
  assign: (input: AssignmentInput) => AssignmentResult,
): FallbackResult {
  try {
    return { result: assign(input), ownershipIgnored: false };
  } catch (error) {
    if (!(error instanceof StickyAssignorStateError)) throw error;
  }
  const unclaimed: AssignmentInput = {
    ...input,
    members: input.members.map((member) => ({ ...member, ownedPartitions: [], generation: null })),
  };
  return { result: assign(unclaimed), ownershipIgnored: true };
}
