// Where Kafka 4.x checks each request (kafka-semantics.md §9.2; KafkaApis, ControllerApis, AclApis,
// ConfigHelper): which operation on which resources of the request, in which order, and what a
// denial does to the response. Data, so the broker, the docs and the inspector read the same table.
import type { AclOperation, ResourceType } from "./model";

export type AuthorizationError =
  | "TOPIC_AUTHORIZATION_FAILED"
  | "GROUP_AUTHORIZATION_FAILED"
  | "CLUSTER_AUTHORIZATION_FAILED"
  | "TRANSACTIONAL_ID_AUTHORIZATION_FAILED";

/** AclEntry.authorizationError: the error a denial on a resource type gives. */
export const AUTHORIZATION_ERROR: Readonly<Record<ResourceType, AuthorizationError>> = {
  TOPIC: "TOPIC_AUTHORIZATION_FAILED",
  GROUP: "GROUP_AUTHORIZATION_FAILED",
  CLUSTER: "CLUSTER_AUTHORIZATION_FAILED",
  TRANSACTIONAL_ID: "TRANSACTIONAL_ID_AUTHORIZATION_FAILED",
};

/** Which names of the request a step authorizes. */
export type TargetSource =
  | "cluster"
  | "transactionalId"
  | "groupId"
  | "groupIds"
  | "topics"
  /** FindCoordinator's keys: group ids or transactional ids, by the request's key type. */
  | "coordinatorKeys"
  /** DescribeConfigs/IncrementalAlterConfigs: BROKER → CLUSTER, TOPIC → TOPIC, GROUP → GROUP. */
  | "configResources";

/**
 * What a denial does: the whole response carries the error; only the denied names carry it (a
 * topic's partitions, a group, a key, a config resource); or denied topics are left out silently.
 */
export type DenialScope = "wholeResponse" | "eachName" | "omitted";

export interface CheckStep {
  readonly operation: AclOperation;
  readonly on: TargetSource;
  readonly scope: DenialScope;
  /** Kafka answers with this instead of the resource type's error (a follower's Fetch). */
  readonly error?: AuthorizationError;
  /** Checked first; when allowed, the step passes for every name (OffsetForLeaderEpoch). */
  readonly unlessClusterAllows?: AclOperation;
  /** Checked when the step is denied; allowed means passed (InitProducerId, KIP-679). */
  readonly orOnAnyTopic?: AclOperation;
}

export const API_NAMES = [
  "Produce",
  "Fetch",
  "Metadata",
  "ListOffsets",
  "OffsetForLeaderEpoch",
  "FindCoordinator",
  "JoinGroup",
  "SyncGroup",
  "Heartbeat",
  "LeaveGroup",
  "OffsetCommit",
  "OffsetFetch",
  "DescribeGroups",
  "DeleteGroups",
  "ConsumerGroupHeartbeat",
  "InitProducerId",
  "AddPartitionsToTxn",
  "AddOffsetsToTxn",
  "TxnOffsetCommit",
  "EndTxn",
  "CreatePartitions",
  "DescribeConfigs",
  "IncrementalAlterConfigs",
  "DescribeAcls",
  "CreateAcls",
  "DeleteAcls",
] as const;
export type ApiName = (typeof API_NAMES)[number];

export type ApiVariant =
  | "transactional"
  | "idempotent"
  | "non-transactional"
  | "consumer"
  | "follower"
  | "named topics"
  | "all topics"
  | "GROUP key"
  | "TRANSACTION key"
  | "listed partitions"
  | "all partitions";

export interface ApiCheckRule {
  readonly api: ApiName;
  readonly variant: ApiVariant | null;
  readonly steps: readonly CheckStep[];
  /** When a step refused some names, the names it allowed get this instead of being done. */
  readonly othersOnRefusal?: "OPERATION_NOT_ATTEMPTED";
  readonly source: string;
  readonly note: string;
}

const step = (operation: AclOperation, on: TargetSource, scope: DenialScope, more: Partial<CheckStep> = {}) =>
  ({ operation, on, scope, ...more }) satisfies CheckStep;

const groupRead = (api: ApiName, source: string): ApiCheckRule => ({
  api,
  variant: null,
  steps: [step("READ", "groupId", "wholeResponse")],
  source,
  note: "GROUP_AUTHORIZATION_FAILED for the whole response.",
});

/** DescribeConfigs and IncrementalAlterConfigs: one check per config resource. */
const configs = (api: ApiName, operation: AclOperation, source: string): ApiCheckRule => ({
  api,
  variant: null,
  steps: [step(operation, "configResources", "eachName")],
  source,
  note: "Per resource: CLUSTER_ (a broker), TOPIC_ or GROUP_AUTHORIZATION_FAILED.",
});

/** The ACL APIs: one check on the cluster for the whole request. */
const aclApi = (api: ApiName, operation: AclOperation, source: string): ApiCheckRule => ({
  api,
  variant: null,
  steps: [step(operation, "cluster", "wholeResponse")],
  source,
  note: "CLUSTER_AUTHORIZATION_FAILED for the whole response.",
});

export const API_CHECK_RULES: readonly ApiCheckRule[] = [
  {
    api: "Produce",
    variant: "transactional",
    steps: [step("WRITE", "transactionalId", "wholeResponse"), step("WRITE", "topics", "eachName")],
    source: "KafkaApis#handleProduceRequest",
    note: "Topics are checked before their existence. No IDEMPOTENT_WRITE check.",
  },
  {
    api: "Produce",
    variant: "non-transactional",
    steps: [step("WRITE", "topics", "eachName")],
    source: "KafkaApis#handleProduceRequest",
    note: "Topics are checked before their existence. No IDEMPOTENT_WRITE check.",
  },
  {
    api: "Fetch",
    variant: "follower",
    steps: [step("CLUSTER_ACTION", "cluster", "wholeResponse", { error: "TOPIC_AUTHORIZATION_FAILED" })],
    source: "KafkaApis#handleFetchRequest",
    note: "Every partition gets TOPIC_AUTHORIZATION_FAILED.",
  },
  {
    api: "Fetch",
    variant: "consumer",
    steps: [step("READ", "topics", "eachName")],
    source: "KafkaApis#handleFetchRequest",
    note: "The denied topics' partitions get TOPIC_AUTHORIZATION_FAILED.",
  },
  {
    api: "Metadata",
    variant: "named topics",
    steps: [step("DESCRIBE", "topics", "eachName")],
    source: "KafkaApis#handleTopicMetadataRequest",
    note:
      "A denied topic comes back with TOPIC_AUTHORIZATION_FAILED, a zero topic id and no partitions; " +
      "whether it exists is not revealed. Auto-creation (not simulated) also needs CREATE on the cluster or the topic.",
  },
  {
    api: "Metadata",
    variant: "all topics",
    steps: [step("DESCRIBE", "topics", "omitted")],
    source: "KafkaApis#handleTopicMetadataRequest",
    note: "Topics the caller may not DESCRIBE are left out of the response.",
  },
  {
    api: "ListOffsets",
    variant: null,
    steps: [step("DESCRIBE", "topics", "eachName")],
    source: "KafkaApis#handleListOffsetRequest",
    note: "The denied topics' partitions get TOPIC_AUTHORIZATION_FAILED.",
  },
  {
    api: "OffsetForLeaderEpoch",
    variant: null,
    steps: [step("DESCRIBE", "topics", "eachName", { unlessClusterAllows: "CLUSTER_ACTION" })],
    source: "KafkaApis#handleOffsetForLeaderEpochRequest",
    note: "CLUSTER_ACTION on the cluster (a broker) passes every topic.",
  },
  {
    api: "FindCoordinator",
    variant: "GROUP key",
    steps: [step("DESCRIBE", "coordinatorKeys", "eachName")],
    source: "KafkaApis#getCoordinator",
    note: "GROUP_AUTHORIZATION_FAILED per key (v4+; before v4 the one key's error is the response's).",
  },
  {
    api: "FindCoordinator",
    variant: "TRANSACTION key",
    steps: [step("DESCRIBE", "coordinatorKeys", "eachName")],
    source: "KafkaApis#getCoordinator",
    note: "TRANSACTIONAL_ID_AUTHORIZATION_FAILED per key (v4+).",
  },
  groupRead("JoinGroup", "KafkaApis#handleJoinGroupRequest"),
  groupRead("SyncGroup", "KafkaApis#handleSyncGroupRequest"),
  groupRead("Heartbeat", "KafkaApis#handleHeartbeatRequest"),
  groupRead("LeaveGroup", "KafkaApis#handleLeaveGroupRequest"),
  {
    api: "OffsetCommit",
    variant: null,
    steps: [step("READ", "groupId", "wholeResponse"), step("READ", "topics", "eachName")],
    source: "KafkaApis#handleOffsetCommitRequest",
    note: "The group first (all partitions fail), then each topic (its partitions fail).",
  },
  {
    api: "OffsetFetch",
    variant: "listed partitions",
    steps: [step("DESCRIBE", "groupId", "wholeResponse"), step("DESCRIBE", "topics", "eachName")],
    source: "KafkaApis#handleOffsetFetchRequestFromCoordinator, #fetchOffsetsForGroup",
    note: "A group-level error; a denied topic's listed partitions get TOPIC_AUTHORIZATION_FAILED (offset -1).",
  },
  {
    api: "OffsetFetch",
    variant: "all partitions",
    steps: [step("DESCRIBE", "groupId", "wholeResponse"), step("DESCRIBE", "topics", "omitted")],
    source: "KafkaApis#handleOffsetFetchRequestFromCoordinator, #fetchAllOffsetsForGroup",
    note: "A group-level error; topics the caller may not DESCRIBE are left out.",
  },
  {
    api: "DescribeGroups",
    variant: null,
    steps: [step("DESCRIBE", "groupIds", "eachName")],
    source: "KafkaApis#handleDescribeGroupsRequest",
    note: "GROUP_AUTHORIZATION_FAILED per group.",
  },
  {
    api: "DeleteGroups",
    variant: null,
    steps: [step("DELETE", "groupIds", "eachName")],
    source: "KafkaApis#handleDeleteGroupsRequest",
    note: "GROUP_AUTHORIZATION_FAILED per group.",
  },
  {
    api: "ConsumerGroupHeartbeat",
    variant: null,
    steps: [step("READ", "groupId", "wholeResponse"), step("DESCRIBE", "topics", "wholeResponse")],
    source: "KafkaApis#handleConsumerGroupHeartbeat",
    note: "Any subscribed topic the member may not DESCRIBE fails the whole response (the KIP-848 protocol; not simulated yet).",
  },
  {
    api: "InitProducerId",
    variant: "transactional",
    steps: [step("WRITE", "transactionalId", "wholeResponse")],
    source: "KafkaApis#handleInitProducerIdRequest",
    note: "TRANSACTIONAL_ID_AUTHORIZATION_FAILED.",
  },
  {
    api: "InitProducerId",
    variant: "idempotent",
    steps: [step("IDEMPOTENT_WRITE", "cluster", "wholeResponse", { orOnAnyTopic: "WRITE" })],
    source: "KafkaApis#handleInitProducerIdRequest, Authorizer#authorizeByResourceType",
    note: "IDEMPOTENT_WRITE on the cluster, or WRITE on any topic (KIP-679); else CLUSTER_AUTHORIZATION_FAILED.",
  },
  {
    api: "AddPartitionsToTxn",
    variant: null,
    steps: [step("WRITE", "transactionalId", "wholeResponse"), step("WRITE", "topics", "eachName")],
    othersOnRefusal: "OPERATION_NOT_ATTEMPTED",
    source: "KafkaApis#handleAddPartitionsToTxnRequest (client versions up to 3)",
    note: "Denied partitions get TOPIC_AUTHORIZATION_FAILED and all the others OPERATION_NOT_ATTEMPTED.",
  },
  {
    api: "AddOffsetsToTxn",
    variant: null,
    steps: [step("WRITE", "transactionalId", "wholeResponse"), step("READ", "groupId", "wholeResponse")],
    source: "KafkaApis#handleAddOffsetsToTxnRequest",
    note: "TRANSACTIONAL_ID_AUTHORIZATION_FAILED, then GROUP_AUTHORIZATION_FAILED.",
  },
  {
    api: "TxnOffsetCommit",
    variant: null,
    steps: [
      step("WRITE", "transactionalId", "wholeResponse"),
      step("READ", "groupId", "wholeResponse"),
      step("READ", "topics", "eachName"),
    ],
    source: "KafkaApis#handleTxnOffsetCommitRequest",
    note: "The transactional id, the group, then each topic's partitions.",
  },
  {
    api: "EndTxn",
    variant: null,
    steps: [step("WRITE", "transactionalId", "wholeResponse")],
    source: "KafkaApis#handleEndTxnRequest",
    note: "TRANSACTIONAL_ID_AUTHORIZATION_FAILED.",
  },
  {
    api: "CreatePartitions",
    variant: null,
    steps: [step("ALTER", "topics", "eachName")],
    source: "ControllerApis#createPartitions",
    note: "TOPIC_AUTHORIZATION_FAILED per topic (forwarded to the controller, checked with the client's principal).",
  },
  configs("DescribeConfigs", "DESCRIBE_CONFIGS", "ConfigHelper#handleDescribeConfigsRequest"),
  configs("IncrementalAlterConfigs", "ALTER_CONFIGS", "ControllerApis#authorizeAlterResource"),
  aclApi("DescribeAcls", "DESCRIBE", "AclApis#handleDescribeAcls"),
  aclApi("CreateAcls", "ALTER", "AclApis#handleCreateAcls"),
  aclApi("DeleteAcls", "ALTER", "AclApis#handleDeleteAcls"),
];

export function checkRule(api: ApiName, variant: ApiVariant | null): ApiCheckRule {
  const rule = API_CHECK_RULES.find((r) => r.api === api && r.variant === variant);
  if (!rule) throw new Error(`no authorization rule for ${api}${variant ? ` (${variant})` : ""}`);
  return rule;
}
