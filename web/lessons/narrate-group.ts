// Plain-language sentences for consumer-group events: each classic-protocol message, the
// coordinator's state changes, rebalances, revocations and commits, in Kafka's words.
import type { DomainEvent } from "../../engine/events";
import type { GroupEventBody, MemberRemovalReason } from "../../engine/group/events";

export type GroupNarrationKind = "group" | "commit" | "heartbeat";

type GroupEvent = Extract<DomainEvent, GroupEventBody>;

// A record over every group event type, so adding one without narrating it fails to compile.
const GROUP_EVENT_TYPE_SET: Record<GroupEventBody["type"], true> = {
  findCoordinatorSent: true,
  coordinatorFound: true,
  joinGroupSent: true,
  joinGroupResponded: true,
  assignmentComputed: true,
  syncGroupSent: true,
  syncGroupResponded: true,
  heartbeatSent: true,
  heartbeatResponded: true,
  leaveGroupSent: true,
  groupStateChanged: true,
  rebalanceStarted: true,
  rebalanceCompleted: true,
  memberJoined: true,
  staticMemberReplaced: true,
  memberRemoved: true,
  partitionsRevoked: true,
  partitionsAssigned: true,
  offsetCommitSent: true,
  offsetCommitted: true,
  offsetFetched: true,
  pollTimeoutExpired: true,
  consumerAdded: true,
  consumerClosed: true,
  consumerCrashed: true,
  consumerRestarted: true,
  consumerReconfigured: true,
  consumerPaused: true,
  consumerResumed: true,
  consumerFailed: true,
  groupDeleted: true,
};
const GROUP_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(GROUP_EVENT_TYPE_SET));

export function isGroupEvent(event: DomainEvent): event is GroupEvent {
  return GROUP_EVENT_TYPES.has(event.type);
}

const REMOVAL_REASONS: Record<MemberRemovalReason, string> = {
  sessionTimeout: "no heartbeat arrived within session.timeout.ms",
  leftGroup: "it sent LeaveGroup",
  pollTimeout: "its application did not call poll() within max.poll.interval.ms",
  didNotRejoin: "it did not rejoin within the rebalance timeout",
  didNotSync: "it did not send SyncGroup in time",
  pendingMemberExpired: "it never came back after MEMBER_ID_REQUIRED",
  newMemberJoinTimeout: "a new member must complete its first join within 5 minutes",
};

const shortId = (memberId: string) => (memberId.length > 22 ? `${memberId.slice(0, 20)}…` : memberId);

function partitionList(partitions: readonly { topic: string; partition: number }[], max = 8): string {
  if (partitions.length === 0) return "nothing";
  const names = partitions.slice(0, max).map((p) => `${p.topic}-${p.partition}`);
  return partitions.length > max
    ? `${names.join(", ")} and ${partitions.length - max} more`
    : names.join(", ");
}

function offsetList(offsets: readonly { topic: string; partition: number; offset: number }[]): string {
  if (offsets.length === 0) return "nothing";
  const shown = offsets
    .slice(0, 6)
    .map((o) => `${o.topic}-${o.partition} → ${o.offset < 0 ? "none" : o.offset}`);
  return offsets.length > 6 ? `${shown.join(", ")} …` : shown.join(", ");
}

function narrateJoin(event: Extract<GroupEvent, { type: "joinGroupResponded" }>): string {
  if (event.error === "MEMBER_ID_REQUIRED") {
    return `The coordinator answered ${event.consumerId}'s JoinGroup with MEMBER_ID_REQUIRED and the member id ${shortId(event.memberId)}: it rejoins with it at once.`;
  }
  if (event.error !== "NONE") return `${event.consumerId}'s JoinGroup failed: ${event.error}.`;
  return `${event.consumerId} joined generation ${event.generationId} of ${event.groupId} as ${event.isLeader ? `the leader: it received all ${event.memberCount} members' subscriptions and computes the assignment` : "a follower"}; protocol ${event.protocolName ?? "none"}.`;
}

export function narrateGroup(event: GroupEvent): { kind: GroupNarrationKind; text: string } {
  const group = (text: string) => ({ kind: "group" as const, text });
  switch (event.type) {
    case "findCoordinatorSent":
      return group(
        `${event.consumerId} asked broker ${event.brokerId} which broker coordinates group ${event.groupId} (FindCoordinator).`,
      );
    case "coordinatorFound":
      return group(
        `${event.consumerId} learned that broker ${event.coordinatorBrokerId} coordinates ${event.groupId}: it leads __consumer_offsets-${event.offsetsPartition} = abs(hash("${event.groupId}")) % 50.`,
      );
    case "joinGroupSent":
      return group(
        event.memberId === ""
          ? `${event.consumerId} sent JoinGroup to join ${event.groupId} (no member id yet; protocols ${event.protocols.join(", ")}).`
          : `${event.consumerId} sent JoinGroup as ${shortId(event.memberId)}${event.ownedPartitions.length > 0 ? `, still owning ${partitionList(event.ownedPartitions, 4)}` : ""} (${event.reason}).`,
      );
    case "joinGroupResponded":
      return group(narrateJoin(event));
    case "assignmentComputed":
      return group(
        `${event.consumerId}, the leader, ran the ${event.assignor} assignor for generation ${event.generationId}: ${event.assignment
          .map((a) => `${shortId(a.memberId)} → ${partitionList(a.partitions, 4)}`)
          .join("; ")}.`,
      );
    case "syncGroupSent":
      return group(
        event.isLeader
          ? `${event.consumerId} (leader) sent SyncGroup with everyone's assignment for generation ${event.generationId}.`
          : `${event.consumerId} sent SyncGroup to receive its assignment for generation ${event.generationId}.`,
      );
    case "syncGroupResponded":
      return group(
        event.error === "NONE"
          ? `${event.consumerId} received its assignment for generation ${event.generationId}: ${partitionList(event.assignment)}.`
          : `${event.consumerId}'s SyncGroup failed: ${event.error}; it must rejoin.`,
      );
    case "heartbeatSent":
      return {
        kind: "heartbeat",
        text: `${event.consumerId}'s heartbeat thread sent a Heartbeat (generation ${event.generationId}).`,
      };
    case "heartbeatResponded":
      return event.error === "NONE"
        ? { kind: "heartbeat", text: `The coordinator acknowledged ${event.consumerId}'s heartbeat.` }
        : group(
            event.error === "REBALANCE_IN_PROGRESS"
              ? `The coordinator answered ${event.consumerId}'s heartbeat with REBALANCE_IN_PROGRESS: a rebalance started, it must rejoin.`
              : `The coordinator answered ${event.consumerId}'s heartbeat with ${event.error}.`,
          );
    case "leaveGroupSent":
      return group(`${event.consumerId} sent LeaveGroup (${event.reason}).`);
    case "groupStateChanged":
      return group(`Group ${event.groupId}: ${event.from} → ${event.to} (${event.reason}).`);
    case "rebalanceStarted":
      return group(
        `Group ${event.groupId} starts a rebalance of generation ${event.generationId}: ${event.reason}.`,
      );
    case "rebalanceCompleted":
      return group(
        `Group ${event.groupId} completed its rebalance in ${event.durationMs.toFixed(0)} ms: generation ${event.generationId}, ${event.protocolName ?? "no"} assignor, leader ${event.leader ? shortId(event.leader) : "none"}.`,
      );
    case "memberJoined":
      return group(
        `${event.clientId} is now a member of ${event.groupId}${event.groupInstanceId ? ` (static: ${event.groupInstanceId})` : ""}.`,
      );
    case "staticMemberReplaced":
      return group(
        event.rebalance
          ? `Static member ${event.groupInstanceId} came back under a new member id; the group must rebalance.`
          : `Static member ${event.groupInstanceId} came back within the session timeout under a new member id: no rebalance, it keeps its partitions.`,
      );
    case "memberRemoved":
      return group(`${event.clientId} was removed from ${event.groupId}: ${REMOVAL_REASONS[event.reason]}.`);
    case "partitionsRevoked":
      return group(
        event.kind === "lost"
          ? `${event.consumerId} lost ${partitionList(event.partitions)} (it is no longer in the generation).`
          : `${event.consumerId} revoked ${partitionList(event.partitions)} (${event.protocol === "EAGER" ? "eager: everything, before rejoining" : "cooperative: only the partitions that moved"}).`,
      );
    case "partitionsAssigned":
      if (event.partitions.length === 0) {
        return group(
          event.assignment.length === 0
            ? `${event.consumerId} has no partition in generation ${event.generationId}: it stays idle.`
            : `${event.consumerId} keeps ${partitionList(event.assignment)}; nothing new was assigned.`,
        );
      }
      return group(
        `${event.consumerId} was assigned ${partitionList(event.partitions)}${event.partitions.length !== event.assignment.length ? `; it now owns ${partitionList(event.assignment)}` : ""}.`,
      );
    case "offsetCommitSent":
      return {
        kind: "commit",
        text: `${event.consumerId} sent OffsetCommit (${event.trigger === "auto" ? "auto-commit inside poll()" : event.trigger}): ${offsetList(event.offsets)}.`,
      };
    case "offsetCommitted":
      return event.error === "NONE"
        ? {
            kind: "commit",
            text: `The coordinator stored ${event.consumerId}'s offsets for ${event.groupId}: ${offsetList(event.offsets)}.`,
          }
        : { kind: "commit", text: `${event.consumerId}'s OffsetCommit was refused: ${event.error}.` };
    case "offsetFetched":
      return {
        kind: "commit",
        text: `${event.consumerId} fetched ${event.groupId}'s committed offsets: ${offsetList(event.offsets)}.`,
      };
    case "pollTimeoutExpired":
      return group(
        `${event.consumerId} did not call poll() within max.poll.interval.ms (${event.maxPollIntervalMs} ms): its heartbeat thread leaves the group.`,
      );
    case "consumerAdded":
      return group(
        `${event.consumerId} started${event.groupId ? ` and subscribes as part of ${event.groupId}` : ""}.`,
      );
    case "consumerClosed":
      return group(`${event.consumerId} closed${event.groupId ? ", leaving the group" : ""}.`);
    case "consumerCrashed":
      return group(`${event.consumerId} crashed: no LeaveGroup, its heartbeats stop.`);
    case "consumerRestarted":
      return group(`${event.consumerId} restarted.`);
    case "consumerReconfigured":
      return group(
        `${event.consumerId} is created anew with new ${event.changedConfigs.join(", ") || "configs"} (consumer configs are fixed for a KafkaConsumer's life).`,
      );
    case "consumerPaused":
      return group(`${event.consumerId}'s application paused.`);
    case "consumerResumed":
      return group(`${event.consumerId}'s application resumed.`);
    case "consumerFailed":
      return group(`${event.consumerId}'s poll() threw ${event.exception}: ${event.message}`);
    case "groupDeleted":
      return group(
        `Group ${event.groupId} was deleted (it was Empty): it goes Dead and its committed offsets (${event.offsetsDeleted}) are removed.`,
      );
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
