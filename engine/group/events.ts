// DomainEvents of consumer groups: every classic-protocol message a client sends or gets back, the
// coordinator's state changes, rebalances, ownership changes and offset commits. Past tense, plain
// data, enough to narrate ("c-2 joined generation 3 of orders as a follower, protocol range").
// engine/events.ts includes this union.
import type { AssignorName, RebalanceProtocol, TopicPartition } from "./assignors/types";
import type { ClassicGroupStateName } from "./coordinator/types";
import type { CommittedOffset, GroupError } from "./protocol";

export type MemberRemovalReason =
  | "sessionTimeout"
  | "leftGroup"
  | "pollTimeout"
  | "didNotRejoin"
  | "didNotSync"
  | "pendingMemberExpired"
  | "newMemberJoinTimeout";

export type GroupEventBody =
  | {
      type: "findCoordinatorSent";
      consumerId: string;
      groupId: string;
      brokerId: number;
    }
  | {
      type: "coordinatorFound";
      consumerId: string;
      groupId: string;
      /** abs(groupId.hashCode()) % 50 */
      offsetsPartition: number;
      coordinatorBrokerId: number;
    }
  | {
      type: "joinGroupSent";
      consumerId: string;
      groupId: string;
      memberId: string;
      groupInstanceId: string | null;
      protocols: readonly AssignorName[];
      ownedPartitions: readonly TopicPartition[];
      generationId: number;
      reason: string;
    }
  | {
      type: "joinGroupResponded";
      consumerId: string;
      groupId: string;
      error: GroupError;
      memberId: string;
      generationId: number;
      leader: string;
      isLeader: boolean;
      protocolName: AssignorName | null;
      memberCount: number;
    }
  | {
      type: "assignmentComputed";
      consumerId: string;
      groupId: string;
      generationId: number;
      assignor: AssignorName;
      assignment: readonly { memberId: string; partitions: readonly TopicPartition[] }[];
    }
  | {
      type: "syncGroupSent";
      consumerId: string;
      groupId: string;
      memberId: string;
      generationId: number;
      isLeader: boolean;
    }
  | {
      type: "syncGroupResponded";
      consumerId: string;
      groupId: string;
      error: GroupError;
      memberId: string;
      generationId: number;
      assignment: readonly TopicPartition[];
    }
  | { type: "heartbeatSent"; consumerId: string; groupId: string; memberId: string; generationId: number }
  | {
      type: "heartbeatResponded";
      consumerId: string;
      groupId: string;
      memberId: string;
      generationId: number;
      error: GroupError;
    }
  | { type: "leaveGroupSent"; consumerId: string; groupId: string; memberId: string; reason: string }
  | {
      type: "groupStateChanged";
      groupId: string;
      from: ClassicGroupStateName;
      to: ClassicGroupStateName;
      generationId: number;
      reason: string;
    }
  | {
      type: "rebalanceStarted";
      groupId: string;
      /** The generation being replaced; the next one is generationId + 1. */
      generationId: number;
      reason: string;
    }
  | {
      type: "rebalanceCompleted";
      groupId: string;
      generationId: number;
      protocolName: AssignorName | null;
      leader: string | null;
      durationMs: number;
      assignment: readonly { memberId: string; clientId: string; partitions: readonly TopicPartition[] }[];
    }
  | {
      type: "memberJoined";
      groupId: string;
      memberId: string;
      clientId: string;
      groupInstanceId: string | null;
    }
  | {
      type: "staticMemberReplaced";
      groupId: string;
      groupInstanceId: string;
      oldMemberId: string;
      newMemberId: string;
      /** A Stable group whose protocol would not change keeps its generation: no rebalance. */
      rebalance: boolean;
    }
  | {
      type: "memberRemoved";
      groupId: string;
      memberId: string;
      clientId: string;
      reason: MemberRemovalReason;
    }
  | {
      type: "partitionsRevoked";
      consumerId: string;
      groupId: string;
      protocol: RebalanceProtocol;
      partitions: readonly TopicPartition[];
      /** "lost": the member learned it is no longer in the generation (onPartitionsLost). */
      kind: "revoked" | "lost";
    }
  | {
      type: "partitionsAssigned";
      consumerId: string;
      groupId: string;
      generationId: number;
      /** Newly added partitions (onPartitionsAssigned). */
      partitions: readonly TopicPartition[];
      /** The whole assignment after this rebalance. */
      assignment: readonly TopicPartition[];
    }
  | {
      type: "offsetCommitSent";
      consumerId: string;
      groupId: string;
      generationId: number;
      offsets: readonly CommittedOffset[];
      trigger: "auto" | "sync" | "async" | "beforeRebalance" | "close";
    }
  | {
      type: "offsetCommitted";
      consumerId: string;
      groupId: string;
      generationId: number;
      offsets: readonly CommittedOffset[];
      error: GroupError;
    }
  | {
      type: "offsetFetched";
      consumerId: string;
      groupId: string;
      /** offset −1: no committed offset, auto.offset.reset decides. */
      offsets: readonly CommittedOffset[];
    }
  | { type: "pollTimeoutExpired"; consumerId: string; groupId: string; maxPollIntervalMs: number }
  | { type: "consumerAdded"; consumerId: string; groupId: string | null }
  | { type: "consumerClosed"; consumerId: string; groupId: string | null }
  | { type: "consumerCrashed"; consumerId: string; groupId: string | null }
  | { type: "consumerRestarted"; consumerId: string; groupId: string | null }
  /** The consumer's next instance is created with these configs changed. */
  | { type: "consumerReconfigured"; consumerId: string; changedConfigs: readonly string[] }
  | { type: "consumerPaused"; consumerId: string }
  | { type: "consumerResumed"; consumerId: string }
  | {
      type: "consumerFailed";
      consumerId: string;
      /** The exception poll() threw, e.g. "InvalidSessionTimeoutException". */
      exception: string;
      message: string;
    }
  /** DeleteGroups: an Empty group went Dead and was removed, with its committed offsets. */
  | { type: "groupDeleted"; groupId: string; offsetsDeleted: number };
