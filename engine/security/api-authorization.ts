// Runs a request through its row of the §9.2 table: every authorizer call Kafka makes, in order,
// and what the response then carries (a whole-response error, per-name errors, omitted topics).
// The broker turns this into its response; the inspector shows each call's decision.
import {
  type ApiCheckRule,
  type ApiName,
  AUTHORIZATION_ERROR,
  type AuthorizationError,
  type CheckStep,
  checkRule,
  type TargetSource,
} from "./api-checks";
import { authorizeByResourceType, type Caller, type ResourceTypeDecision } from "./authorize-by-type";
import { type Authorizer, authorize, type Decision } from "./authorizer";
import { type AclOperation, type AuthorizationAction, CLUSTER_NAME, type ResourceType } from "./model";

export type ConfigResourceType = "BROKER" | "TOPIC" | "GROUP";

/** A request as the authorization checks see it: the names it touches. */
export type ApiRequest =
  /** A producer with a transactional.id sends transactional batches; without one, none. */
  | { readonly api: "Produce"; readonly transactionalId: string | null; readonly topics: readonly string[] }
  | { readonly api: "Fetch"; readonly fromFollower: boolean; readonly topics: readonly string[] }
  /** `allTopics`: a request for every topic; `topics` are then the cluster's topics. */
  | { readonly api: "Metadata"; readonly allTopics: boolean; readonly topics: readonly string[] }
  | {
      readonly api: "ListOffsets" | "OffsetForLeaderEpoch" | "CreatePartitions";
      readonly topics: readonly string[];
    }
  | {
      readonly api: "FindCoordinator";
      readonly keyType: "GROUP" | "TRANSACTION";
      readonly keys: readonly string[];
    }
  | { readonly api: "JoinGroup" | "SyncGroup" | "Heartbeat" | "LeaveGroup"; readonly groupId: string }
  | {
      readonly api: "OffsetCommit" | "ConsumerGroupHeartbeat";
      readonly groupId: string;
      readonly topics: readonly string[];
    }
  /** `allPartitions`: the request named no partitions; `topics` are the group's committed topics. */
  | {
      readonly api: "OffsetFetch";
      readonly groupId: string;
      readonly allPartitions: boolean;
      readonly topics: readonly string[];
    }
  | { readonly api: "DescribeGroups" | "DeleteGroups"; readonly groupIds: readonly string[] }
  /** Without a transactional.id: an idempotent producer's request. */
  | { readonly api: "InitProducerId"; readonly transactionalId: string | null }
  | { readonly api: "EndTxn"; readonly transactionalId: string }
  | {
      readonly api: "AddPartitionsToTxn";
      readonly transactionalId: string;
      readonly topics: readonly string[];
    }
  | { readonly api: "AddOffsetsToTxn"; readonly transactionalId: string; readonly groupId: string }
  | {
      readonly api: "TxnOffsetCommit";
      readonly transactionalId: string;
      readonly groupId: string;
      readonly topics: readonly string[];
    }
  | {
      readonly api: "DescribeConfigs" | "IncrementalAlterConfigs";
      readonly resources: readonly { readonly type: ConfigResourceType; readonly name: string }[];
    }
  | { readonly api: "DescribeAcls" | "CreateAcls" | "DeleteAcls" };

/** The table row a request follows. */
export function ruleFor(request: ApiRequest): ApiCheckRule {
  switch (request.api) {
    case "Produce":
      return checkRule("Produce", request.transactionalId === null ? "non-transactional" : "transactional");
    case "Fetch":
      return checkRule("Fetch", request.fromFollower ? "follower" : "consumer");
    case "Metadata":
      return checkRule("Metadata", request.allTopics ? "all topics" : "named topics");
    case "FindCoordinator":
      return checkRule("FindCoordinator", request.keyType === "GROUP" ? "GROUP key" : "TRANSACTION key");
    case "OffsetFetch":
      return checkRule("OffsetFetch", request.allPartitions ? "all partitions" : "listed partitions");
    case "InitProducerId":
      return checkRule("InitProducerId", request.transactionalId === null ? "idempotent" : "transactional");
    default:
      return checkRule(request.api satisfies ApiName, null);
  }
}

/** One name a step authorizes: as the authorizer sees it, and as the response reports it. */
interface Target {
  readonly resourceType: ResourceType;
  readonly resourceName: string;
  readonly reported: string;
}

const CONFIG_RESOURCE_TYPE: Readonly<Record<ConfigResourceType, ResourceType>> = {
  BROKER: "CLUSTER",
  TOPIC: "TOPIC",
  GROUP: "GROUP",
};

const named = (resourceType: ResourceType, names: readonly string[]): Target[] =>
  [...new Set(names)].map((name) => ({ resourceType, resourceName: name, reported: name }));

function targets(on: TargetSource, request: ApiRequest): Target[] {
  switch (on) {
    case "cluster":
      return named("CLUSTER", [CLUSTER_NAME]);
    case "transactionalId":
      return named(
        "TRANSACTIONAL_ID",
        "transactionalId" in request && request.transactionalId ? [request.transactionalId] : [],
      );
    case "groupId":
      return named("GROUP", "groupId" in request ? [request.groupId] : []);
    case "groupIds":
      return named("GROUP", "groupIds" in request ? request.groupIds : []);
    case "topics":
      return named("TOPIC", "topics" in request ? request.topics : []);
    case "coordinatorKeys":
      if (request.api !== "FindCoordinator") return [];
      return named(request.keyType === "GROUP" ? "GROUP" : "TRANSACTIONAL_ID", request.keys);
    case "configResources":
      return ("resources" in request ? request.resources : []).map((resource) => ({
        resourceType: CONFIG_RESOURCE_TYPE[resource.type],
        resourceName: resource.type === "BROKER" ? CLUSTER_NAME : resource.name,
        reported: resource.name,
      }));
    default: {
      const unreachable: never = on;
      return unreachable;
    }
  }
}

/** One call to the authorizer, as Kafka makes it, with its decision. */
export type AuthorizerCall =
  | { readonly kind: "authorize"; readonly action: AuthorizationAction; readonly decision: Decision }
  | {
      readonly kind: "authorizeByResourceType";
      readonly operation: AclOperation;
      readonly resourceType: ResourceType;
      readonly decision: ResourceTypeDecision;
    };

export interface RefusedName {
  readonly resourceType: ResourceType;
  readonly name: string;
  readonly error: AuthorizationError;
}

export interface ApiAuthorization {
  readonly rule: ApiCheckRule;
  /** The whole response carries this error (every partition, key or result), or null. */
  readonly requestError: AuthorizationError | null;
  /** Names refused one by one; their partitions or results carry the error. */
  readonly refused: readonly RefusedName[];
  /** Topics left out of the response (Metadata for all topics, OffsetFetch for all partitions). */
  readonly omitted: readonly string[];
  /** What the names not refused get when some were (AddPartitionsToTxn). */
  readonly othersError: "OPERATION_NOT_ATTEMPTED" | null;
  readonly calls: readonly AuthorizerCall[];
}

interface Progress {
  readonly calls: AuthorizerCall[];
  readonly refused: RefusedName[];
  readonly omitted: string[];
}

function allowedTarget(
  authorizer: Authorizer,
  caller: Caller,
  s: CheckStep,
  target: Target,
  p: Progress,
): boolean {
  const action = {
    ...caller,
    operation: s.operation,
    resourceType: target.resourceType,
    resourceName: target.resourceName,
  };
  const decision = authorize(authorizer, action);
  p.calls.push({ kind: "authorize", action, decision });
  if (decision.result === "ALLOWED" || !s.orOnAnyTopic) return decision.result === "ALLOWED";
  const anyTopic = authorizeByResourceType(authorizer, caller, s.orOnAnyTopic, "TOPIC");
  p.calls.push({
    kind: "authorizeByResourceType",
    operation: s.orOnAnyTopic,
    resourceType: "TOPIC",
    decision: anyTopic,
  });
  return anyTopic.result === "ALLOWED";
}

function clusterPasses(
  authorizer: Authorizer,
  caller: Caller,
  operation: AclOperation,
  p: Progress,
): boolean {
  const action = { ...caller, operation, resourceType: "CLUSTER" as const, resourceName: CLUSTER_NAME };
  const decision = authorize(authorizer, action);
  p.calls.push({ kind: "authorize", action, decision });
  return decision.result === "ALLOWED";
}

/** Runs one step; returns the whole-response error it ends the request with, or null. */
function runStep(authorizer: Authorizer, caller: Caller, request: ApiRequest, s: CheckStep, p: Progress) {
  if (s.unlessClusterAllows && clusterPasses(authorizer, caller, s.unlessClusterAllows, p)) return null;
  for (const target of targets(s.on, request)) {
    if (allowedTarget(authorizer, caller, s, target, p)) continue;
    const error = s.error ?? AUTHORIZATION_ERROR[target.resourceType];
    if (s.scope === "wholeResponse") return error;
    if (s.scope === "omitted") p.omitted.push(target.reported);
    else p.refused.push({ resourceType: target.resourceType, name: target.reported, error });
  }
  return null;
}

/** Every check Kafka makes for the request, in order, and what the response carries. */
export function authorizeApiRequest(
  authorizer: Authorizer,
  caller: Caller,
  request: ApiRequest,
): ApiAuthorization {
  const rule = ruleFor(request);
  const progress: Progress = { calls: [], refused: [], omitted: [] };
  let requestError: AuthorizationError | null = null;
  for (const s of rule.steps) {
    requestError = runStep(authorizer, caller, request, s, progress);
    if (requestError) break;
  }
  const othersError = progress.refused.length > 0 && !requestError ? (rule.othersOnRefusal ?? null) : null;
  return { rule, requestError, ...progress, othersError };
}
