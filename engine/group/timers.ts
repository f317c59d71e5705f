// Timers of the group coordinator and of group-mode consumers. engine/state.ts includes this union
// in TimerPayload; engine/simulation.ts hands these to `fireGroupTimer`. Each carries an epoch (or
// a sequence) so that a timer made stale by later events does nothing when it fires.
export type GroupTimerPayload =
  /** The join phase's rebalance timeout (max member max.poll.interval.ms). */
  | { type: "groupJoinTimeout"; groupId: string; epoch: number }
  /** group.initial.rebalance.delay.ms elapsed; extend if someone joined meanwhile. */
  | {
      type: "groupInitialRebalanceDelay";
      groupId: string;
      epoch: number;
      delayMs: number;
      remainingMs: number;
    }
  /** Members that have not sent SyncGroup within the rebalance timeout are removed. */
  | { type: "groupSyncTimeout"; groupId: string; generationId: number; epoch: number }
  /** A member's session (or new-member join) deadline. */
  | { type: "groupMemberExpiry"; groupId: string; memberId: string; epoch: number }
  /** A member id handed out with MEMBER_ID_REQUIRED that was never used within the session timeout. */
  | { type: "groupPendingMemberExpiry"; groupId: string; memberId: string }
  /** The consumer's heartbeat thread wakes up. */
  | { type: "consumerHeartbeatTick"; consumerId: string; incarnation: number; epoch: number }
  /** max.poll.interval.ms after the last poll(): the heartbeat thread checks the poll timer. */
  | { type: "consumerPollTimeout"; consumerId: string; incarnation: number; pollEpoch: number }
  /** A blocked poll() returns to run auto-commit or a rejoin (Java's poll(Duration) loop). */
  | { type: "consumerPollWake"; consumerId: string; incarnation: number; epoch: number }
  /** A group request got no answer within its timeout: the coordinator is marked unknown. */
  | { type: "consumerGroupRequestTimeout"; consumerId: string; incarnation: number; requestId: number }
  /** Retry FindCoordinator after a failure (retry.backoff.ms). */
  | { type: "consumerCoordinatorRetry"; consumerId: string; incarnation: number };

const GROUP_TIMER_TYPES: ReadonlySet<string> = new Set<GroupTimerPayload["type"]>([
  "groupJoinTimeout",
  "groupInitialRebalanceDelay",
  "groupSyncTimeout",
  "groupMemberExpiry",
  "groupPendingMemberExpiry",
  "consumerHeartbeatTick",
  "consumerPollTimeout",
  "consumerPollWake",
  "consumerGroupRequestTimeout",
  "consumerCoordinatorRetry",
]);

export function isGroupTimer(payload: { readonly type: string }): payload is GroupTimerPayload {
  return GROUP_TIMER_TYPES.has(payload.type);
}
