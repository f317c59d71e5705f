// ACL filters as describeAcls and deleteAcls use them (AclBindingFilter = ResourcePatternFilter +
// AccessControlEntryFilter, clients/.../common/acl and .../common/resource). A filter's pattern type
// may also be ANY (any pattern type, the exact name) or MATCH (every pattern that covers the name:
// the LITERAL name, LITERAL `*`, and PREFIXED prefixes of it). kafka-acls --list and --remove build
// these filters from --topic/--group/--cluster and --resource-pattern-type (default LITERAL).
import {
  type AclBinding,
  type AclOperation,
  type PatternFilterType,
  type PermissionType,
  type ResourceType,
  WILDCARD_RESOURCE,
} from "./model";

export interface ResourcePatternFilter {
  readonly resourceType: ResourceType | "ANY";
  /** null: any name. */
  readonly resourceName: string | null;
  readonly patternType: PatternFilterType;
}

export interface AccessControlEntryFilter {
  /** null: any principal (only the exact string otherwise: `User:*` matches only `User:*` bindings). */
  readonly principal: string | null;
  /** null: any host. */
  readonly host: string | null;
  readonly operation: AclOperation | "ANY";
  readonly permission: PermissionType | "ANY";
}

export type AclBindingFilter = ResourcePatternFilter & AccessControlEntryFilter;

/** AccessControlEntryFilter.ANY. */
export const ANY_ENTRY: AccessControlEntryFilter = {
  principal: null,
  host: null,
  operation: "ANY",
  permission: "ANY",
};

/** ResourcePatternFilter.matches. */
export function patternFilterMatches(filter: ResourcePatternFilter, binding: AclBinding): boolean {
  if (filter.resourceType !== "ANY" && filter.resourceType !== binding.resourceType) return false;
  const anyOrMatch = filter.patternType === "ANY" || filter.patternType === "MATCH";
  if (!anyOrMatch && filter.patternType !== binding.patternType) return false;
  if (filter.resourceName === null) return true;
  if (filter.patternType !== "MATCH") return filter.resourceName === binding.resourceName;
  if (binding.patternType === "PREFIXED") return filter.resourceName.startsWith(binding.resourceName);
  return filter.resourceName === binding.resourceName || binding.resourceName === WILDCARD_RESOURCE;
}

/** AccessControlEntryFilter.matches: exact strings, no wildcard expansion. */
export function entryFilterMatches(filter: AccessControlEntryFilter, binding: AclBinding): boolean {
  if (filter.principal !== null && filter.principal !== binding.principal) return false;
  if (filter.host !== null && filter.host !== binding.host) return false;
  if (filter.operation !== "ANY" && filter.operation !== binding.operation) return false;
  return filter.permission === "ANY" || filter.permission === binding.permission;
}

export function filterMatches(filter: AclBindingFilter, binding: AclBinding): boolean {
  return patternFilterMatches(filter, binding) && entryFilterMatches(filter, binding);
}

/** Authorizer.acls(filter): the bindings a filter selects, in the order given. */
export function describeAcls(bindings: readonly AclBinding[], filter: AclBindingFilter): AclBinding[] {
  return bindings.filter((binding) => filterMatches(filter, binding));
}

export interface DeleteAclsResult {
  /** Per filter, in order: the bindings it matched (and deleted). */
  readonly matched: readonly (readonly AclBinding[])[];
  /** The bindings left. */
  readonly remaining: readonly AclBinding[];
}

/**
 * AclControlManager.deleteAcls: every filter is matched against the ACLs as they were before the
 * request, so a binding two filters match is reported by both (Kafka's testAclsFilter), then
 * every matched binding is removed.
 */
export function deleteAcls(
  bindings: readonly AclBinding[],
  filters: readonly AclBindingFilter[],
): DeleteAclsResult {
  const matched = filters.map((filter) => describeAcls(bindings, filter));
  const gone = new Set(matched.flat());
  return { matched, remaining: bindings.filter((binding) => !gone.has(binding)) };
}
