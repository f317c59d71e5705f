// StandardAuthorizer's decision (metadata/.../authorizer/StandardAuthorizerData.java#authorize,
// #findAclRule, #checkSection, #findResult): super users first; then the ACLs whose pattern covers
// the resource name (LITERAL equal, PREFIXED prefix, LITERAL `*`). Any matching DENY wins; else a
// matching ALLOW allows; else, if no ACL covers the resource at all, allow.everyone.if.no.acl.found
// decides; if ACLs cover it but none matches, the answer is DENY whatever that config says.
// The decision also says why (which binding, or which default), for the inspector.
import {
  ACL_OPERATIONS,
  type AclBinding,
  type AclOperation,
  type AuthorizationAction,
  PERMISSION_TYPES,
  type ResourceType,
  uniqueBindings,
  WILDCARD_HOST,
  WILDCARD_PRINCIPAL,
  WILDCARD_RESOURCE,
} from "./model";

export type AuthorizationResult = "ALLOWED" | "DENIED";

/** Kafka's MatchingRule, with the binding or the config that decided. */
export type Decision =
  | { readonly result: "ALLOWED"; readonly rule: "superUser" }
  | { readonly result: "ALLOWED"; readonly rule: "allowAcl"; readonly binding: AclBinding }
  | { readonly result: "DENIED"; readonly rule: "denyAcl"; readonly binding: AclBinding }
  /** No ACL's pattern covers the resource: allow.everyone.if.no.acl.found decides (DefaultAllow/DefaultDeny). */
  | {
      readonly result: AuthorizationResult;
      readonly rule: "noAclForResource";
      readonly allowEveryoneIfNoAclFound: boolean;
    }
  /** ACLs cover the resource, but none is for this principal, host and operation: DENY. */
  | { readonly result: "DENIED"; readonly rule: "noMatchingAcl"; readonly resourceBindingCount: number };

export interface AuthorizerConfig {
  /** super.users: principals allowed everything, even over DENY bindings. */
  readonly superUsers: readonly string[];
  /** allow.everyone.if.no.acl.found (default false). */
  readonly allowEveryoneIfNoAclFound: boolean;
}

/** A binding with its place among its pattern's bindings in StandardAcl's order. */
interface PlacedBinding {
  readonly binding: AclBinding;
  readonly place: number;
}

/** The bindings of one pattern (name and pattern type), by principal: a lookup reads two lists. */
interface Bucket {
  readonly size: number;
  readonly byPrincipal: ReadonlyMap<string, readonly PlacedBinding[]>;
}

/** The bindings of one resource type, indexed as the lookup walks them. */
interface TypeSection {
  readonly literal: ReadonlyMap<string, Bucket>;
  readonly prefixed: ReadonlyMap<string, Bucket>;
  /** Distinct lengths of PREFIXED names, longest first: the only prefixes worth looking up. */
  readonly prefixLengths: readonly number[];
  readonly bindings: readonly AclBinding[];
}

/**
 * An immutable authorizer: configuration plus the ACLs indexed by resource type, name and
 * principal. Build a new one when the ACLs change; a lookup costs one map probe per distinct
 * PREFIXED name length and reads only the caller's and User:*'s bindings of each covering pattern.
 */
export interface Authorizer {
  readonly config: AuthorizerConfig;
  readonly superUsers: ReadonlySet<string>;
  readonly sections: ReadonlyMap<ResourceType, TypeSection>;
  /** The distinct bindings, in the order given. */
  readonly bindings: readonly AclBinding[];
}

const OPERATION_ORDINAL = new Map(ACL_OPERATIONS.map((op, i) => [op, i]));
const PERMISSION_ORDINAL = new Map(PERMISSION_TYPES.map((p, i) => [p, i]));

/** StandardAcl's order within one (name, pattern type): operation, principal, host, permission. */
function compareWithinPattern(a: AclBinding, b: AclBinding): number {
  const byOperation = OPERATION_ORDINAL.get(a.operation)! - OPERATION_ORDINAL.get(b.operation)!;
  if (byOperation !== 0) return byOperation;
  if (a.principal !== b.principal) return a.principal < b.principal ? -1 : 1;
  if (a.host !== b.host) return a.host < b.host ? -1 : 1;
  return PERMISSION_ORDINAL.get(a.permission)! - PERMISSION_ORDINAL.get(b.permission)!;
}

function bucketOf(bindings: readonly AclBinding[]): Bucket {
  const byPrincipal = new Map<string, PlacedBinding[]>();
  [...bindings].sort(compareWithinPattern).forEach((binding, place) => {
    const list = byPrincipal.get(binding.principal);
    if (list) list.push({ binding, place });
    else byPrincipal.set(binding.principal, [{ binding, place }]);
  });
  return { size: bindings.length, byPrincipal };
}

function bucketsByName(bindings: readonly AclBinding[]): Map<string, Bucket> {
  const byName = new Map<string, AclBinding[]>();
  for (const binding of bindings) {
    const list = byName.get(binding.resourceName);
    if (list) list.push(binding);
    else byName.set(binding.resourceName, [binding]);
  }
  return new Map([...byName].map(([name, list]) => [name, bucketOf(list)]));
}

function buildSection(bindings: readonly AclBinding[]): TypeSection {
  const prefixed = bucketsByName(bindings.filter((b) => b.patternType === "PREFIXED"));
  const lengths = new Set([...prefixed.keys()].map((name) => name.length));
  return {
    literal: bucketsByName(bindings.filter((b) => b.patternType === "LITERAL")),
    prefixed,
    prefixLengths: [...lengths].sort((a, b) => b - a),
    bindings,
  };
}

export function createAuthorizer(config: AuthorizerConfig, bindings: readonly AclBinding[]): Authorizer {
  const distinct = uniqueBindings(bindings);
  const sections = new Map<ResourceType, TypeSection>();
  for (const type of new Set(distinct.map((b) => b.resourceType))) {
    sections.set(type, buildSection(distinct.filter((b) => b.resourceType === type)));
  }
  return { config, superUsers: new Set(config.superUsers), sections, bindings: distinct };
}

/** Operations an ALLOW binding for the key operation also allows (an ALLOW READ allows DESCRIBE). */
const IMPLIES_DESCRIBE: ReadonlySet<AclOperation> = new Set(["DESCRIBE", "READ", "WRITE", "DELETE", "ALTER"]);
const IMPLIES_DESCRIBE_CONFIGS: ReadonlySet<AclOperation> = new Set(["DESCRIBE_CONFIGS", "ALTER_CONFIGS"]);

function operationMatches(binding: AclBinding, requested: AclOperation): boolean {
  if (binding.operation === "ALL") return true;
  // Implication only widens ALLOW: a DENY READ does not deny DESCRIBE.
  if (binding.permission === "DENY") return binding.operation === requested;
  if (requested === "DESCRIBE") return IMPLIES_DESCRIBE.has(binding.operation);
  if (requested === "DESCRIBE_CONFIGS") return IMPLIES_DESCRIBE_CONFIGS.has(binding.operation);
  return binding.operation === requested;
}

/** StandardAuthorizerData.findResult: the binding's verdict, or null when it does not apply. */
export function bindingVerdict(action: AuthorizationAction, binding: AclBinding): AuthorizationResult | null {
  if (binding.principal !== action.principal && binding.principal !== WILDCARD_PRINCIPAL) return null;
  if (binding.host !== WILDCARD_HOST && binding.host !== action.host) return null;
  if (!operationMatches(binding, action.operation)) return null;
  return binding.permission === "ALLOW" ? "ALLOWED" : "DENIED";
}

/**
 * The patterns that cover `name`, in the order StandardAuthorizer's sorted set visits them:
 * LITERAL and PREFIXED with the same name, then PREFIXED prefixes from longest to shortest, then
 * the LITERAL wildcard. The order decides which binding a decision reports, never the result.
 */
function coveringBuckets(section: TypeSection, name: string): Bucket[] {
  const buckets: Bucket[] = [];
  const exact = section.literal.get(name);
  if (exact) buckets.push(exact);
  for (const length of section.prefixLengths) {
    if (length > name.length) continue;
    const bucket = section.prefixed.get(length === name.length ? name : name.slice(0, length));
    if (bucket) buckets.push(bucket);
  }
  const wildcard = name === WILDCARD_RESOURCE ? undefined : section.literal.get(WILDCARD_RESOURCE);
  if (wildcard) buckets.push(wildcard);
  return buckets;
}

/** In one pattern's bindings: the first DENY and the last ALLOW that apply, in Kafka's order. */
interface Found {
  deny: PlacedBinding | null;
  allow: PlacedBinding | null;
}

function scanList(
  list: readonly PlacedBinding[] | undefined,
  action: AuthorizationAction,
  found: Found,
): void {
  if (!list) return;
  for (const placed of list) {
    const verdict = bindingVerdict(action, placed.binding);
    if (verdict === "DENIED" && (!found.deny || placed.place < found.deny.place)) found.deny = placed;
    if (verdict === "ALLOWED" && (!found.allow || placed.place > found.allow.place)) found.allow = placed;
  }
}

function scanBucket(bucket: Bucket, action: AuthorizationAction): Found {
  const found: Found = { deny: null, allow: null };
  scanList(bucket.byPrincipal.get(action.principal), action, found);
  if (action.principal !== WILDCARD_PRINCIPAL)
    scanList(bucket.byPrincipal.get(WILDCARD_PRINCIPAL), action, found);
  return found;
}

function findAclRule(authorizer: Authorizer, action: AuthorizationAction): Decision {
  const section = authorizer.sections.get(action.resourceType);
  let allow: AclBinding | null = null;
  let covering = 0;
  for (const bucket of section ? coveringBuckets(section, action.resourceName) : []) {
    covering += bucket.size;
    const found = scanBucket(bucket, action);
    if (found.deny) return { result: "DENIED", rule: "denyAcl", binding: found.deny.binding };
    // Kafka keeps the last matching ALLOW it walked past; report the same one.
    if (found.allow) allow = found.allow.binding;
  }
  if (allow) return { result: "ALLOWED", rule: "allowAcl", binding: allow };
  if (covering > 0) return { result: "DENIED", rule: "noMatchingAcl", resourceBindingCount: covering };
  const allowEveryone = authorizer.config.allowEveryoneIfNoAclFound;
  return {
    result: allowEveryone ? "ALLOWED" : "DENIED",
    rule: "noAclForResource",
    allowEveryoneIfNoAclFound: allowEveryone,
  };
}

/** StandardAuthorizer.authorize for one action on a literal resource name. */
export function authorize(authorizer: Authorizer, action: AuthorizationAction): Decision {
  if (authorizer.superUsers.has(action.principal)) return { result: "ALLOWED", rule: "superUser" };
  return findAclRule(authorizer, action);
}
