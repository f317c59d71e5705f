// "Step to what matters": besides one event at a time, step until the next group-protocol message
// (JoinGroup, SyncGroup, LeaveGroup, FindCoordinator, offset commits and fetches, and heartbeats
// that carry an error) or the next state change (a group changing state, a rebalance starting or
// completing, members removed, partitions revoked or assigned, brokers and clients stopping).
import type { DomainEvent } from "./events";

export type StepTarget = "protocol" | "stateChange";

/** Bound on steps one jump may take, so a quiet run never hangs the worker. */
export const STEPS_PER_JUMP_MAX = 200_000;

const PROTOCOL_TYPES: ReadonlySet<string> = new Set([
  "findCoordinatorSent",
  "coordinatorFound",
  "joinGroupSent",
  "joinGroupResponded",
  "assignmentComputed",
  "syncGroupSent",
  "syncGroupResponded",
  "leaveGroupSent",
  "offsetCommitSent",
  "offsetCommitted",
  "offsetFetched",
]);

const STATE_CHANGE_TYPES: ReadonlySet<string> = new Set([
  "groupStateChanged",
  "rebalanceStarted",
  "rebalanceCompleted",
  "memberRemoved",
  "staticMemberReplaced",
  "partitionsRevoked",
  "partitionsAssigned",
  "consumerCrashed",
  "consumerClosed",
  "consumerRestarted",
  "consumerFailed",
  "brokerStopped",
  "brokerStarted",
  "producerRestarted",
  "partitionsAdded",
  "segmentsDeleted",
]);

export function matchesStepTarget(event: DomainEvent, target: StepTarget): boolean {
  if (target === "stateChange") return STATE_CHANGE_TYPES.has(event.type);
  if (PROTOCOL_TYPES.has(event.type)) return true;
  return event.type === "heartbeatResponded" && event.error !== "NONE";
}
