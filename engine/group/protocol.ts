// The classic group protocol's requests and responses as they travel on the simulated network,
// named as Kafka names its APIs: FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup,
// OffsetCommit, OffsetFetch. Subscriptions and assignments are plain data here; Kafka serializes
// them as the ConsumerProtocol's Subscription / Assignment bytes, which the broker never reads.
import type { AssignorName, TopicPartition } from "./assignors/types";

/** Kafka's `Errors` names that the classic group coordinator and OffsetCommit/OffsetFetch return. */
export type GroupError =
  | "NONE"
  | "MEMBER_ID_REQUIRED"
  | "UNKNOWN_MEMBER_ID"
  | "ILLEGAL_GENERATION"
  | "REBALANCE_IN_PROGRESS"
  | "COORDINATOR_NOT_AVAILABLE"
  | "NOT_COORDINATOR"
  | "INVALID_SESSION_TIMEOUT"
  | "INCONSISTENT_GROUP_PROTOCOL"
  | "FENCED_INSTANCE_ID"
  | "UNKNOWN_TOPIC_OR_PARTITION";

/** ConsumerProtocolSubscription (v1+): what each member sends for every assignor it lists. */
export interface SubscriptionMetadata {
  readonly topics: readonly string[];
  /** Partitions the member owns now (cooperative) or [] (eager revokes everything first). */
  readonly ownedPartitions: readonly TopicPartition[];
  /** The generation of ownedPartitions; -1 (DEFAULT_GENERATION) when it has none. */
  readonly generationId: number;
  readonly rackId: string | null;
}

export interface JoinGroupProtocol {
  readonly name: AssignorName;
  readonly metadata: SubscriptionMetadata;
}

export interface JoinGroupResponseMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly metadata: SubscriptionMetadata;
}

export interface CommittedOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

export type GroupMessageBody =
  | { readonly api: "FindCoordinatorRequest"; readonly key: string; readonly keyType: "GROUP" }
  | {
      readonly api: "FindCoordinatorResponse";
      readonly key: string;
      readonly error: GroupError;
      /** The broker leading the group's __consumer_offsets partition; -1 on error. */
      readonly nodeId: number;
    }
  | {
      readonly api: "JoinGroupRequest";
      readonly requestId: number;
      readonly groupId: string;
      readonly sessionTimeoutMs: number;
      /** max.poll.interval.ms for the Java consumer. */
      readonly rebalanceTimeoutMs: number;
      /** "" (UNKNOWN_MEMBER_ID) on the first join. */
      readonly memberId: string;
      readonly groupInstanceId: string | null;
      readonly clientId: string;
      /** The address the coordinator sees the connection come from (Kafka reads it off the socket). */
      readonly clientHost: string;
      readonly protocolType: "consumer";
      readonly protocols: readonly JoinGroupProtocol[];
    }
  | {
      readonly api: "JoinGroupResponse";
      readonly requestId: number;
      readonly error: GroupError;
      readonly generationId: number;
      readonly protocolName: AssignorName | null;
      readonly leader: string;
      /** Static leader rejoining a Stable group: keep the current assignment, compute nothing. */
      readonly skipAssignment: boolean;
      readonly memberId: string;
      /** Only the leader's response lists the members, in the coordinator's member-map order. */
      readonly members: readonly JoinGroupResponseMember[];
    }
  | {
      readonly api: "SyncGroupRequest";
      readonly requestId: number;
      readonly groupId: string;
      readonly generationId: number;
      readonly memberId: string;
      readonly groupInstanceId: string | null;
      readonly protocolName: AssignorName | null;
      /** Only the leader sends assignments; followers send []. */
      readonly assignments: readonly { memberId: string; partitions: readonly TopicPartition[] }[];
    }
  | {
      readonly api: "SyncGroupResponse";
      readonly requestId: number;
      readonly error: GroupError;
      readonly assignment: readonly TopicPartition[];
    }
  | {
      readonly api: "HeartbeatRequest";
      readonly requestId: number;
      readonly groupId: string;
      readonly generationId: number;
      readonly memberId: string;
      readonly groupInstanceId: string | null;
    }
  | { readonly api: "HeartbeatResponse"; readonly requestId: number; readonly error: GroupError }
  | {
      readonly api: "LeaveGroupRequest";
      readonly requestId: number;
      readonly groupId: string;
      readonly members: readonly { memberId: string; groupInstanceId: string | null; reason: string }[];
    }
  | { readonly api: "LeaveGroupResponse"; readonly requestId: number; readonly error: GroupError }
  | {
      readonly api: "OffsetCommitRequest";
      readonly requestId: number;
      readonly groupId: string;
      /** -1 and "" for a consumer outside the group (assign() with a group.id). */
      readonly generationId: number;
      readonly memberId: string;
      readonly groupInstanceId: string | null;
      readonly offsets: readonly CommittedOffset[];
    }
  | {
      readonly api: "OffsetCommitResponse";
      readonly requestId: number;
      /** Kafka reports per partition; the classic group's checks fail every partition alike. */
      readonly error: GroupError;
      readonly offsets: readonly CommittedOffset[];
    }
  | {
      readonly api: "OffsetFetchRequest";
      readonly requestId: number;
      readonly groupId: string;
      readonly partitions: readonly TopicPartition[];
    }
  | {
      readonly api: "OffsetFetchResponse";
      readonly requestId: number;
      readonly error: GroupError;
      /** offset −1 when the group has no committed offset for the partition. */
      readonly offsets: readonly CommittedOffset[];
    };

export type GroupApiName = GroupMessageBody["api"];

const GROUP_APIS: ReadonlySet<string> = new Set<GroupApiName>([
  "FindCoordinatorRequest",
  "FindCoordinatorResponse",
  "JoinGroupRequest",
  "JoinGroupResponse",
  "SyncGroupRequest",
  "SyncGroupResponse",
  "HeartbeatRequest",
  "HeartbeatResponse",
  "LeaveGroupRequest",
  "LeaveGroupResponse",
  "OffsetCommitRequest",
  "OffsetCommitResponse",
  "OffsetFetchRequest",
  "OffsetFetchResponse",
]);

export function isGroupMessage(body: { readonly api: string }): body is GroupMessageBody {
  return GROUP_APIS.has(body.api);
}

/** The memberId of a member that has none yet (JoinGroupRequest.UNKNOWN_MEMBER_ID). */
export const UNKNOWN_MEMBER_ID = "";
/** Generation of a consumer outside any generation (OffsetCommitRequest.DEFAULT_GENERATION_ID). */
export const NO_GENERATION_ID = -1;
