// The scenario's `cluster.security` and the security commands, as zod schemas. A binding or filter
// that Kafka refuses is refused here with Kafka's message: the broker's CreateAcls checks
// (AclApis#handleCreateAcls, AclControlManager#validateNewAcl: INVALID_REQUEST), kafka-acls' checks
// (a principal is Type:name; an operation must suit the resource type). Not wired into the scenario
// or the command union yet: engine/scenario/schema.ts and engine/commands.ts will include these.
import { z } from "zod";
import type { AclBindingFilter } from "./acl-filter";
import {
  ACL_OPERATIONS,
  type AclBinding,
  type AclOperation,
  CLUSTER_NAME,
  PATTERN_FILTER_TYPES,
  type PatternType,
  PERMISSION_TYPES,
  principalProblem,
  RESOURCE_TYPES,
  type ResourceType,
  WILDCARD_HOST,
} from "./model";
import { ROLE_SPELLINGS, roleGrantProblem } from "./roles";

export const SECURITY_LIMITS = { acls: 1_000, users: 64, rolesPerUser: 32, perCommand: 100 } as const;

/** ALL and the given operations, in Kafka's enum order. */
const allAnd = (...operations: AclOperation[]) =>
  ACL_OPERATIONS.filter((op) => op === "ALL" || operations.includes(op));

/** AclEntry.supportedOperations (what kafka-acls accepts per resource type), ALL included. */
export const SUPPORTED_OPERATIONS: Readonly<Record<ResourceType, readonly AclOperation[]>> = {
  TOPIC: allAnd(
    "READ",
    "WRITE",
    "CREATE",
    "DESCRIBE",
    "DELETE",
    "ALTER",
    "DESCRIBE_CONFIGS",
    "ALTER_CONFIGS",
  ),
  GROUP: allAnd("READ", "DESCRIBE", "DELETE", "DESCRIBE_CONFIGS", "ALTER_CONFIGS"),
  CLUSTER: allAnd(
    "CREATE",
    "CLUSTER_ACTION",
    "DESCRIBE_CONFIGS",
    "ALTER_CONFIGS",
    "IDEMPOTENT_WRITE",
    "ALTER",
    "DESCRIBE",
  ),
  TRANSACTIONAL_ID: allAnd("DESCRIBE", "WRITE"),
};

const principalField = z
  .string()
  .max(256)
  .superRefine((principal, ctx) => {
    const problem = principalProblem(principal);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const INVALID = (message: string) => `${message} (INVALID_REQUEST)`;

type ResourceFields = { resourceType: ResourceType; resourceName?: string | undefined; patternType: string };

/** The resource checks of CreateAcls and kafka-acls, in the order Kafka makes them. */
function addResourceIssues(fields: ResourceFields, ctx: z.RefinementCtx, creating: boolean): void {
  const name = fields.resourceName;
  if (fields.resourceType === "CLUSTER" && name !== undefined && name !== CLUSTER_NAME) {
    const message = `The only valid name for the CLUSTER resource is ${CLUSTER_NAME}`;
    ctx.addIssue({ code: "custom", path: ["resourceName"], message: INVALID(message) });
  } else if (name === undefined && fields.resourceType !== "CLUSTER") {
    const message = `a ${fields.resourceType} ${creating ? "binding" : "filter"} needs a resourceName`;
    ctx.addIssue({ code: "custom", path: ["resourceName"], message });
  } else if (name === "" && creating) {
    ctx.addIssue({ code: "custom", path: ["resourceName"], message: INVALID("Invalid empty resource name") });
  }
  if (creating && fields.patternType !== "LITERAL" && fields.patternType !== "PREFIXED") {
    const message = INVALID(`Invalid patternType ${fields.patternType}`);
    ctx.addIssue({ code: "custom", path: ["patternType"], message });
  }
}

function addOperationIssue(resourceType: ResourceType, operation: string, ctx: z.RefinementCtx): void {
  const supported = SUPPORTED_OPERATIONS[resourceType];
  if (operation === "ANY" || supported.includes(operation as AclOperation)) return;
  const message = `ResourceType ${resourceType} only supports operations [${supported.join(", ")}]`;
  ctx.addIssue({ code: "custom", path: ["operation"], message });
}

/** The checks shared by bindings (creating) and filters. */
const resourceAndOperationChecks =
  (creating: boolean) => (fields: ResourceFields & { operation: string }, ctx: z.RefinementCtx) => {
    addResourceIssues(fields, ctx, creating);
    addOperationIssue(fields.resourceType, fields.operation, ctx);
  };

/** One ACL as the scenario and createAcls write it; `host` defaults to `*`, patternType to LITERAL. */
export const aclBindingSchema = z
  .object({
    principal: principalField,
    resourceType: z.enum(RESOURCE_TYPES),
    patternType: z.enum(PATTERN_FILTER_TYPES).default("LITERAL"),
    /** Optional for CLUSTER only, whose one name is kafka-cluster (kafka-acls --cluster). */
    resourceName: z.string().max(255).optional(),
    operation: z.enum(ACL_OPERATIONS),
    permission: z.enum(PERMISSION_TYPES),
    host: z.string().min(1).max(64).default(WILDCARD_HOST),
  })
  .strict()
  .superRefine(resourceAndOperationChecks(true))
  .transform(
    (binding): AclBinding => ({
      ...binding,
      // addResourceIssues refused ANY and MATCH, and a missing name for anything but CLUSTER.
      patternType: binding.patternType as PatternType,
      resourceName: binding.resourceName ?? CLUSTER_NAME,
    }),
  );

/**
 * What kafka-acls --remove deletes: the ACLs on patterns matching the resource filter (LITERAL,
 * PREFIXED, ANY or MATCH), narrowed by whichever entry fields are given (a missing one matches any).
 */
export const aclBindingFilterSchema = z
  .object({
    resourceType: z.enum(RESOURCE_TYPES),
    resourceName: z.string().max(255).optional(),
    patternType: z.enum(PATTERN_FILTER_TYPES).default("LITERAL"),
    principal: principalField.optional(),
    host: z.string().min(1).max(64).optional(),
    operation: z.enum(["ANY", ...ACL_OPERATIONS] as const).default("ANY"),
    permission: z.enum(["ANY", ...PERMISSION_TYPES] as const).default("ANY"),
  })
  .strict()
  .superRefine(resourceAndOperationChecks(false))
  .transform(
    (filter): AclBindingFilter => ({
      ...filter,
      resourceName: filter.resourceName ?? CLUSTER_NAME,
      principal: filter.principal ?? null,
      host: filter.host ?? null,
    }),
  );

/** A user name of the service; the user is the principal User:<name>. */
export const userNameField = z
  .string()
  .regex(/^[A-Za-z0-9._@-]{1,64}$/, "use 1-64 letters, digits, '.', '_', '@' or '-'");

/** `orders`, `orders*` (every topic starting with orders) or `*` (every topic). */
const topicSpecField = z
  .string()
  .regex(
    /^(\*|[A-Za-z0-9._-]{1,249}\*?)$/,
    'a topic name, a prefix ending in * ("orders*"), or * for every topic',
  );
const groupSpecField = z.string().min(1).max(249);

const roleGrantFields = {
  role: z.enum(ROLE_SPELLINGS),
  topic: topicSpecField,
  /** The consumer group (name, `prefix*` or `*`); every group when absent. */
  group: groupSpecField.optional(),
};

function addGrantIssue(
  grant: { role: (typeof ROLE_SPELLINGS)[number]; topic: string },
  ctx: z.RefinementCtx,
) {
  const problem = roleGrantProblem(grant);
  if (problem) ctx.addIssue({ code: "custom", path: ["topic"], message: problem });
}

export const roleGrantSchema = z.object(roleGrantFields).strict().superRefine(addGrantIssue);

const userSchema = z
  .object({
    name: userNameField,
    roles: z.array(roleGrantSchema).max(SECURITY_LIMITS.rolesPerUser).default([]),
  })
  .strict();

/**
 * super.users: a list of principals, or Kafka's own `;`-separated string (blanks around entries
 * and empty entries ignored, as StandardAuthorizer.getConfiguredSuperUsers does).
 */
const superUsersField = z
  .union([z.string().max(4000), z.array(z.string().max(256)).max(SECURITY_LIMITS.users)])
  .transform((value, ctx) => {
    const entries = typeof value === "string" ? value.split(";").map((entry) => entry.trim()) : value;
    const principals = entries.filter((entry) => entry !== "");
    for (const principal of principals) {
      const problem = principalProblem(principal);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }
    return [...new Set(principals)];
  });

export const securityConfigSchema = z
  .object({
    /** Authorization is on only when true; without it no request is checked. */
    authorizer: z.boolean().default(false),
    superUsers: superUsersField.default([]),
    /** allow.everyone.if.no.acl.found (Kafka's default: false). */
    allowEveryoneIfNoAclFound: z.boolean().default(false),
    acls: z.array(aclBindingSchema).max(SECURITY_LIMITS.acls).default([]),
    users: z.array(userSchema).max(SECURITY_LIMITS.users).default([]),
  })
  .strict()
  .superRefine((security, ctx) => {
    const seen = new Set<string>();
    security.users.forEach((user, i) => {
      if (seen.has(user.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["users", i, "name"],
          message: `duplicate user "${user.name}"`,
        });
      }
      seen.add(user.name);
    });
  });

export type SecurityConfig = z.output<typeof securityConfigSchema>;

/** `kafka-acls --add`, `kafka-acls --remove`, and granting or revoking a service role. */
export const SECURITY_COMMAND_SCHEMAS = [
  z
    .object({
      type: z.literal("createAcls"),
      acls: z.array(aclBindingSchema).min(1).max(SECURITY_LIMITS.perCommand),
    })
    .strict(),
  z
    .object({
      type: z.literal("deleteAcls"),
      filters: z.array(aclBindingFilterSchema).min(1).max(SECURITY_LIMITS.perCommand),
    })
    .strict(),
  z
    .object({ type: z.literal("grantRole"), user: userNameField, ...roleGrantFields })
    .strict()
    .superRefine(addGrantIssue),
  z.object({ type: z.literal("revokeRole"), user: userNameField, ...roleGrantFields }).strict(),
] as const;

export type SecurityCommand = z.output<(typeof SECURITY_COMMAND_SCHEMAS)[number]>;
