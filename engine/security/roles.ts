// The managed service's roles (kafka-semantics.md §9.4): a user holds roles on a topic pattern, and
// each role stands for a set of Kafka ACL bindings for the principal User:<name>. The service
// documents what each role may do, not the ACLs behind it, so the bindings below are our reading of
// its permission lists; ROLE_MAPPING_NOTE says so wherever they are shown.
import {
  type AclBinding,
  type AclOperation,
  CLUSTER_NAME,
  type PatternType,
  type ResourceType,
  uniqueBindings,
  userPrincipal,
  WILDCARD_HOST,
  WILDCARD_RESOURCE,
} from "./model";

export const ROLE_MAPPING_NOTE =
  "The managed service documents each role's permissions but not the Kafka ACLs behind them: " +
  "these bindings are Topicscope's reading of its permission lists (kafka-semantics.md §9.4). " +
  "The group is the role's group (every group when none is given); the transactional id is every id.";

export const ROLE_NAMES = ["producer", "consumer", "topic-admin", "admin"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** The service's own names for the roles, accepted wherever a role is written. */
export const ROLE_ALIASES = {
  ACCESS_ROLE_PRODUCER: "producer",
  ACCESS_ROLE_TOPIC_PRODUCER: "producer",
  ACCESS_ROLE_CONSUMER: "consumer",
  ACCESS_ROLE_TOPIC_CONSUMER: "consumer",
  ACCESS_ROLE_TOPIC_ADMIN: "topic-admin",
  ACCESS_ROLE_ADMIN: "admin",
} as const satisfies Record<string, RoleName>;

export const ROLE_SPELLINGS = [
  ...ROLE_NAMES,
  ...(Object.keys(ROLE_ALIASES) as (keyof typeof ROLE_ALIASES)[]),
] as const;
export type RoleSpelling = (typeof ROLE_SPELLINGS)[number];

/** Which resource of a grant a role's operations apply to. */
export type RoleTarget = "topic" | "group" | "transactionalId" | "cluster";

export interface RoleDefinition {
  readonly role: RoleName;
  /** The service's canonical name. */
  readonly serviceName: keyof typeof ROLE_ALIASES;
  /** The service's documented permissions, as its documentation lists them. */
  readonly documented: string;
  readonly grants: readonly { readonly on: RoleTarget; readonly operations: readonly AclOperation[] }[];
  /** ACCESS_ROLE_ADMIN can only be granted on every topic (`*`). */
  readonly everyTopicOnly: boolean;
}

export const ROLE_DEFINITIONS: Readonly<Record<RoleName, RoleDefinition>> = {
  producer: {
    role: "producer",
    serviceName: "ACCESS_ROLE_PRODUCER",
    documented:
      "Transactional ID: write. Topic: view info and config, write, create. Cluster: view, idempotent write. Group: view, read.",
    grants: [
      { on: "topic", operations: ["DESCRIBE", "DESCRIBE_CONFIGS", "WRITE", "CREATE"] },
      { on: "cluster", operations: ["DESCRIBE", "IDEMPOTENT_WRITE"] },
      { on: "transactionalId", operations: ["WRITE"] },
      { on: "group", operations: ["DESCRIBE", "READ"] },
    ],
    everyTopicOnly: false,
  },
  consumer: {
    role: "consumer",
    serviceName: "ACCESS_ROLE_CONSUMER",
    documented: "Topic: view info and config, read. Cluster: view. Group: read.",
    grants: [
      { on: "topic", operations: ["DESCRIBE", "DESCRIBE_CONFIGS", "READ"] },
      { on: "cluster", operations: ["DESCRIBE"] },
      { on: "group", operations: ["READ"] },
    ],
    everyTopicOnly: false,
  },
  "topic-admin": {
    role: "topic-admin",
    serviceName: "ACCESS_ROLE_TOPIC_ADMIN",
    documented: "Topic: read, write, create, delete. Group: view, read.",
    grants: [
      { on: "topic", operations: ["READ", "WRITE", "CREATE", "DELETE"] },
      { on: "group", operations: ["DESCRIBE", "READ"] },
    ],
    everyTopicOnly: false,
  },
  admin: {
    role: "admin",
    serviceName: "ACCESS_ROLE_ADMIN",
    documented:
      "Everything the other roles allow, plus topic config edit, cluster config view, topic creation and group delete; on every topic only.",
    grants: [
      { on: "topic", operations: ["ALL"] },
      { on: "cluster", operations: ["DESCRIBE", "DESCRIBE_CONFIGS", "IDEMPOTENT_WRITE", "CREATE"] },
      { on: "transactionalId", operations: ["WRITE"] },
      { on: "group", operations: ["DESCRIBE", "READ", "DELETE"] },
    ],
    everyTopicOnly: true,
  },
};

/** A role held by a user: on a topic (`orders`, `orders*` or `*`), for a group (every group if absent). */
export interface RoleGrant {
  readonly role: RoleSpelling;
  readonly topic: string;
  readonly group?: string | undefined;
}

export function canonicalRole(role: RoleSpelling): RoleName {
  return role in ROLE_ALIASES ? ROLE_ALIASES[role as keyof typeof ROLE_ALIASES] : (role as RoleName);
}

/** `*` is every name (LITERAL `*`), `orders*` every name starting with `orders` (PREFIXED), else one name. */
export function patternOfSpec(spec: string): {
  readonly patternType: PatternType;
  readonly resourceName: string;
} {
  if (spec === WILDCARD_RESOURCE) return { patternType: "LITERAL", resourceName: WILDCARD_RESOURCE };
  if (spec.endsWith("*")) return { patternType: "PREFIXED", resourceName: spec.slice(0, -1) };
  return { patternType: "LITERAL", resourceName: spec };
}

function targetPattern(
  on: RoleTarget,
  grant: RoleGrant,
): { resourceType: ResourceType; patternType: PatternType; resourceName: string } {
  switch (on) {
    case "topic":
      return { resourceType: "TOPIC", ...patternOfSpec(grant.topic) };
    case "group":
      return { resourceType: "GROUP", ...patternOfSpec(grant.group ?? WILDCARD_RESOURCE) };
    case "transactionalId":
      return { resourceType: "TRANSACTIONAL_ID", patternType: "LITERAL", resourceName: WILDCARD_RESOURCE };
    case "cluster":
      return { resourceType: "CLUSTER", patternType: "LITERAL", resourceName: CLUSTER_NAME };
    default: {
      const unreachable: never = on;
      return unreachable;
    }
  }
}

/** The ALLOW bindings one grant of a role stands for, in the role table's order. */
export function expandRoleGrant(userName: string, grant: RoleGrant): AclBinding[] {
  const principal = userPrincipal(userName);
  const bindings = ROLE_DEFINITIONS[canonicalRole(grant.role)].grants.flatMap(({ on, operations }) => {
    const pattern = targetPattern(on, grant);
    return operations.map(
      (operation): AclBinding => ({
        ...pattern,
        principal,
        operation,
        permission: "ALLOW",
        host: WILDCARD_HOST,
      }),
    );
  });
  return uniqueBindings(bindings);
}

/** ACCESS_ROLE_ADMIN exists only on `*`: a rule of the service, not of Kafka. */
export function roleGrantProblem(grant: RoleGrant): string | null {
  const definition = ROLE_DEFINITIONS[canonicalRole(grant.role)];
  if (definition.everyTopicOnly && grant.topic !== WILDCARD_RESOURCE) {
    return `${definition.serviceName} is granted on every topic only: use "topic": "*"`;
  }
  return null;
}

/** Two grants are the same role when role (alias or not), topic and group are the same. */
export function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return (
    canonicalRole(a.role) === canonicalRole(b.role) &&
    a.topic === b.topic &&
    (a.group ?? null) === (b.group ?? null)
  );
}
