// How each Java client reacts to an authorization error (kafka-semantics.md §9.3): which exception
// the application sees, where, whether the client retries, and what state it is left in. Data the
// simulated clients will follow, with Kafka's exception messages.
import type { ApiName, AuthorizationError } from "./api-checks";

export type ClientKind =
  | "producer"
  | "transactional producer"
  /** group.protocol=classic (the default). */
  | "classic consumer"
  /** group.protocol=consumer (KIP-848; not simulated yet). */
  | "consumer protocol consumer";

/**
 * The client afterwards: still usable, must abort the transaction, must be closed, will initialize
 * again on its next use, or was closing anyway.
 */
export type ClientState = "usable" | "abortable" | "fatal" | "uninitialized" | "closed";

export interface ClientReaction {
  readonly client: ClientKind;
  readonly apis: readonly ApiName[];
  readonly errors: readonly AuthorizationError[];
  readonly exception:
    | "TopicAuthorizationException"
    | "GroupAuthorizationException"
    | "ClusterAuthorizationException"
    | "TransactionalIdAuthorizationException"
    | "KafkaException";
  /** The exception's message; `{names}` is Java's Set.toString of the names, `{name}` one name. */
  readonly message: string;
  /** Where the application sees it. */
  readonly surfacedBy: string;
  /** Whether the client itself tries the request again. */
  readonly retried: boolean;
  readonly state: ClientState;
  readonly source: string;
}

const TOPIC_DENIED = "Not authorized to access topics: {names}";
const GROUP_DENIED = "Not authorized to access group: {name}";

export const CLIENT_REACTIONS: readonly ClientReaction[] = [
  {
    client: "producer",
    apis: ["Metadata", "Produce"],
    errors: ["TOPIC_AUTHORIZATION_FAILED"],
    exception: "TopicAuthorizationException",
    message: TOPIC_DENIED,
    surfacedBy: "the send's callback and Future; send() itself does not throw",
    retried: false,
    state: "usable",
    source: "KafkaProducer#doSend, Sender#failBatch",
  },
  {
    client: "transactional producer",
    apis: ["Metadata", "Produce", "AddPartitionsToTxn"],
    errors: ["TOPIC_AUTHORIZATION_FAILED"],
    exception: "TopicAuthorizationException",
    message: TOPIC_DENIED,
    surfacedBy: "the send's callback and Future, then commitTransaction()",
    retried: false,
    state: "abortable",
    source: "TransactionManager#maybeTransitionToErrorState, AddPartitionsToTxnHandler",
  },
  {
    client: "producer",
    apis: ["Produce"],
    errors: ["CLUSTER_AUTHORIZATION_FAILED"],
    exception: "ClusterAuthorizationException",
    message: "The producer is not authorized to do idempotent sends",
    surfacedBy: "the send's callback and Future, then every later send",
    retried: false,
    state: "fatal",
    source: "Sender#failBatch, TransactionManager#maybeTransitionToErrorState",
  },
  {
    client: "transactional producer",
    apis: [
      "Produce",
      "FindCoordinator",
      "AddPartitionsToTxn",
      "AddOffsetsToTxn",
      "TxnOffsetCommit",
      "EndTxn",
    ],
    errors: ["TRANSACTIONAL_ID_AUTHORIZATION_FAILED"],
    exception: "TransactionalIdAuthorizationException",
    message: "Transactional Id authorization failed.",
    surfacedBy: "the pending transactional call and every later one",
    retried: false,
    state: "fatal",
    source: "TransactionManager handlers (fatalError)",
  },
  {
    client: "producer",
    apis: ["InitProducerId"],
    errors: ["CLUSTER_AUTHORIZATION_FAILED"],
    exception: "ClusterAuthorizationException",
    message: "Cluster authorization failed.",
    surfacedBy: "the callbacks of the batches queued meanwhile (they fail)",
    retried: true,
    state: "uninitialized",
    source:
      "TransactionManager.InitProducerIdHandler, Sender#shouldHandleAuthorizationError (not fatal since 3.6)",
  },
  {
    client: "transactional producer",
    apis: ["InitProducerId"],
    errors: ["TRANSACTIONAL_ID_AUTHORIZATION_FAILED"],
    exception: "TransactionalIdAuthorizationException",
    message: "Transactional Id authorization failed.",
    surfacedBy: "initTransactions() throws; queued batches fail",
    retried: true,
    state: "uninitialized",
    source: "TransactionManager.InitProducerIdHandler, Sender#shouldHandleAuthorizationError",
  },
  {
    client: "transactional producer",
    apis: ["FindCoordinator", "AddOffsetsToTxn", "TxnOffsetCommit"],
    errors: ["GROUP_AUTHORIZATION_FAILED"],
    exception: "GroupAuthorizationException",
    message: GROUP_DENIED,
    surfacedBy: "sendOffsetsToTransaction(), then commitTransaction()",
    retried: false,
    state: "abortable",
    source: "TransactionManager handlers (abortableError)",
  },
  {
    client: "transactional producer",
    apis: ["TxnOffsetCommit"],
    errors: ["TOPIC_AUTHORIZATION_FAILED"],
    exception: "KafkaException",
    message: "Unexpected error in TxnOffsetCommitResponse: Topic authorization failed.",
    surfacedBy: "sendOffsetsToTransaction() and every later transactional call",
    retried: false,
    state: "fatal",
    source: "TransactionManager.TxnOffsetCommitHandler",
  },
  {
    client: "classic consumer",
    apis: ["Metadata", "Fetch", "ListOffsets", "OffsetForLeaderEpoch", "OffsetFetch"],
    errors: ["TOPIC_AUTHORIZATION_FAILED"],
    exception: "TopicAuthorizationException",
    message: TOPIC_DENIED,
    surfacedBy: "poll() throws; the next poll() tries again",
    retried: true,
    state: "usable",
    source:
      "FetchCollector, ConsumerMetadata#maybeThrowAnyException, ConsumerCoordinator.OffsetFetchResponseHandler",
  },
  {
    client: "classic consumer",
    apis: ["FindCoordinator", "JoinGroup", "SyncGroup", "OffsetFetch"],
    errors: ["GROUP_AUTHORIZATION_FAILED"],
    exception: "GroupAuthorizationException",
    message: GROUP_DENIED,
    surfacedBy: "poll() throws; the next poll() tries again",
    retried: true,
    state: "usable",
    source:
      "AbstractCoordinator (JoinGroup, SyncGroup, FindCoordinator handlers), ConsumerCoordinator#fetchCommittedOffsets",
  },
  {
    client: "classic consumer",
    apis: ["Heartbeat"],
    errors: ["GROUP_AUTHORIZATION_FAILED"],
    exception: "GroupAuthorizationException",
    message: GROUP_DENIED,
    surfacedBy:
      "the heartbeat thread counts a failed heartbeat and retries after retry.backoff.ms; poll() throws once the coordinator lookup or rejoin is refused",
    retried: true,
    state: "usable",
    source:
      "AbstractCoordinator.HeartbeatResponseHandler, HeartbeatThread (our reading of the path to poll())",
  },
  ...(["GROUP_AUTHORIZATION_FAILED", "TOPIC_AUTHORIZATION_FAILED"] as const).map(
    (error): ClientReaction => ({
      client: "classic consumer",
      apis: ["OffsetCommit"],
      errors: [error],
      exception:
        error === "GROUP_AUTHORIZATION_FAILED"
          ? "GroupAuthorizationException"
          : "TopicAuthorizationException",
      message: error === "GROUP_AUTHORIZATION_FAILED" ? GROUP_DENIED : TOPIC_DENIED,
      surfacedBy:
        "commitSync() throws; an auto-commit logs 'Asynchronous auto-commit of offsets … failed' and goes on",
      retried: false,
      state: "usable",
      source: "ConsumerCoordinator.OffsetCommitResponseHandler, #autoCommitOffsetsAsync",
    }),
  ),
  {
    client: "classic consumer",
    apis: ["LeaveGroup"],
    errors: ["GROUP_AUTHORIZATION_FAILED"],
    exception: "GroupAuthorizationException",
    message: "Group authorization failed.",
    surfacedBy:
      "close() logs 'LeaveGroup request … failed with error: Group authorization failed.' and closes; the coordinator drops the member only after session.timeout.ms",
    retried: false,
    state: "closed",
    source: "AbstractCoordinator.LeaveGroupResponseHandler",
  },
  {
    client: "consumer protocol consumer",
    apis: ["ConsumerGroupHeartbeat"],
    errors: ["GROUP_AUTHORIZATION_FAILED"],
    exception: "GroupAuthorizationException",
    message: GROUP_DENIED,
    surfacedBy: "poll() throws; the member is FATAL and the consumer must be recreated",
    retried: false,
    state: "fatal",
    source: "AbstractHeartbeatRequestManager, MemberState",
  },
  {
    client: "consumer protocol consumer",
    apis: ["ConsumerGroupHeartbeat", "Metadata", "Fetch"],
    errors: ["TOPIC_AUTHORIZATION_FAILED"],
    exception: "TopicAuthorizationException",
    message: TOPIC_DENIED,
    surfacedBy: "poll() throws; the member recovers once the ACLs allow it",
    retried: true,
    state: "usable",
    source: "AbstractHeartbeatRequestManager",
  },
];

/** The reaction of a client to an error in a response to an API, or null when Kafka has none for it. */
export function clientReaction(
  client: ClientKind,
  api: ApiName,
  error: AuthorizationError,
): ClientReaction | null {
  return (
    CLIENT_REACTIONS.find((r) => r.client === client && r.apis.includes(api) && r.errors.includes(error)) ??
    null
  );
}

/** The exception's message for the names involved (Java's Set.toString for topics: `[a, b]`). */
export function reactionMessage(reaction: ClientReaction, names: readonly string[]): string {
  return reaction.message.replace("{names}", `[${names.join(", ")}]`).replace("{name}", names[0] ?? "");
}
