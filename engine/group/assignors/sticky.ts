// Kafka's StickyAssignor ("sticky"): the eager variant of AbstractStickyAssignor. Eager members revoke
// everything before rejoining, so the assignor learns what each one owned from its userData (partitions +
// generation), which `ownedPartitions` and `generation` stand for here (see sticky/member-data.ts). The
// assignment is returned as is: under EAGER nobody still owns a partition when it is handed out.

import { runAbstractStickyAssignor, toAssignmentResult } from "./sticky/abstract-sticky";
import { assignOrIgnoreOwnership } from "./sticky-fallback";
import type { AssignmentInput, AssignmentResult, Assignor } from "./types";

export const stickyAssignor: Assignor = {
  name: "sticky",
  supportedProtocols: ["EAGER"],
  assign(input: AssignmentInput): AssignmentResult {
    return assignOrIgnoreOwnership(input, kafkaStickyAssign).result;
  },
};

/** StickyAssignor.assign as Kafka runs it; throws StickyAssignorStateError where Kafka fails. */
export function kafkaStickyAssign(input: AssignmentInput): AssignmentResult {
  return toAssignmentResult(input.members, runAbstractStickyAssignor(input, "userData").assignment);
}
