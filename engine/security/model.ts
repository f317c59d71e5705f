// Kafka's ACL vocabulary (org.apache.kafka.common.acl and .resource): resource types, pattern
// types, operations, permissions, and the binding of a resource pattern to an access control entry.
// Only what the simulator uses: DELEGATION_TOKEN, USER and the token operations are left out.
// The arrays are in Kafka's enum order, because StandardAuthorizer sorts its ACLs by these ordinals.

export const RESOURCE_TYPES = ["TOPIC", "GROUP", "CLUSTER", "TRANSACTIONAL_ID"] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Pattern types a stored binding may have. */
export const PATTERN_TYPES = ["LITERAL", "PREFIXED"] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];

/** Pattern types a filter (describe, delete, kafka-acls --list/--remove) may have. */
export const PATTERN_FILTER_TYPES = ["ANY", "MATCH", "LITERAL", "PREFIXED"] as const;
export type PatternFilterType = (typeof PATTERN_FILTER_TYPES)[number];

export const ACL_OPERATIONS = [
  "ALL",
  "READ",
  "WRITE",
  "CREATE",
  "DELETE",
  "ALTER",
  "DESCRIBE",
  "CLUSTER_ACTION",
  "DESCRIBE_CONFIGS",
  "ALTER_CONFIGS",
  "IDEMPOTENT_WRITE",
] as const;
export type AclOperation = (typeof ACL_OPERATIONS)[number];

export const PERMISSION_TYPES = ["DENY", "ALLOW"] as const;
export type PermissionType = (typeof PERMISSION_TYPES)[number];

/** Resource.CLUSTER_NAME: the only name a CLUSTER resource may have. */
export const CLUSTER_NAME = "kafka-cluster";
/** ResourcePattern.WILDCARD_RESOURCE: a LITERAL pattern with this name matches every name. */
export const WILDCARD_RESOURCE = "*";
/** AclEntry.WILDCARD_HOST. */
export const WILDCARD_HOST = "*";
/** The principal an ACL uses to mean every principal. */
export const WILDCARD_PRINCIPAL = "User:*";
/** What PLAINTEXT (and SSL without a client certificate) authenticates as. */
export const ANONYMOUS_PRINCIPAL = "User:ANONYMOUS";

/** An AclBinding: a ResourcePattern and an AccessControlEntry, flattened with the scenario's field names. */
export interface AclBinding {
  readonly principal: string;
  readonly resourceType: ResourceType;
  readonly patternType: PatternType;
  readonly resourceName: string;
  readonly operation: AclOperation;
  readonly permission: PermissionType;
  readonly host: string;
}

/** What a request asks the authorizer (Kafka's Action and request context): a literal resource name. */
export interface AuthorizationAction {
  readonly principal: string;
  /** The client's IP address as InetAddress.getHostAddress() gives it (no leading slash). */
  readonly host: string;
  readonly operation: AclOperation;
  readonly resourceType: ResourceType;
  readonly resourceName: string;
}

/** A user of the managed service's roles is the principal `User:<name>`. */
export function userPrincipal(userName: string): string {
  return `User:${userName}`;
}

/**
 * SecurityUtils.parseKafkaPrincipal: split at the first ':'; both halves may be empty, but the
 * colon must be there. Returns Kafka's message when it is not.
 */
export function principalProblem(principal: string): string | null {
  if (principal.includes(":")) return null;
  return `expected a string in format principalType:principalName but got ${principal}`;
}

/** SecurityUtils.resourceTypeName: TOPIC → Topic, TRANSACTIONAL_ID → TransactionalId. */
export function resourceTypeName(resourceType: ResourceType): string {
  return resourceType
    .split("_")
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join("");
}

/** Identity of a binding (all seven fields), for de-duplication: Kafka keeps a set of ACLs. */
export function bindingKey(binding: AclBinding): string {
  return [
    binding.resourceType,
    binding.patternType,
    binding.resourceName,
    binding.principal,
    binding.host,
    binding.operation,
    binding.permission,
  ].join("\u0000");
}

/** The bindings without repeats, first occurrence kept. */
export function uniqueBindings(bindings: readonly AclBinding[]): AclBinding[] {
  const seen = new Set<string>();
  const unique: AclBinding[] = [];
  for (const binding of bindings) {
    const key = bindingKey(binding);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(binding);
  }
  return unique;
}
