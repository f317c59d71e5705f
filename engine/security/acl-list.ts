// `kafka-acls --list` output (tools/.../AclCommand#listAcls, #printResourceAcls in 4.x): one block
// per resource pattern, "Current ACLs for resource `ResourcePattern(...)`:", each entry on its own
// line after a tab, and a blank line after each block. With --principal, each principal's blocks
// follow "ACLs for principal `User:x`". Kafka prints its HashMap in no particular order; we print
// patterns by resource type, name and pattern type, and entries by principal, host, operation and
// permission, so the same ACLs always print the same text.
import { ANY_ENTRY, describeAcls, type ResourcePatternFilter } from "./acl-filter";
import {
  ACL_OPERATIONS,
  type AclBinding,
  CLUSTER_NAME,
  PATTERN_TYPES,
  type PatternFilterType,
  PERMISSION_TYPES,
  RESOURCE_TYPES,
  uniqueBindings,
} from "./model";

/** The options of `kafka-acls --list` that select what is printed. */
export interface ListAclsOptions {
  readonly topics?: readonly string[];
  readonly groups?: readonly string[];
  readonly transactionalIds?: readonly string[];
  /** --cluster: only with the LITERAL pattern type, as kafka-acls adds the cluster filter. */
  readonly cluster?: boolean;
  /** --resource-pattern-type (default LITERAL, so `--topic orders` hides `*` and PREFIXED bindings). */
  readonly resourcePatternType?: PatternFilterType;
  /** --principal, in the order given. */
  readonly principals?: readonly string[];
}

/** AclCommand.getResourceFilter: one filter per named resource; none means every binding. */
export function listFilters(options: ListAclsOptions): ResourcePatternFilter[] {
  const patternType = options.resourcePatternType ?? "LITERAL";
  const named = (resourceType: ResourcePatternFilter["resourceType"], names: readonly string[] | undefined) =>
    (names ?? []).map((resourceName) => ({ resourceType, resourceName, patternType }));
  const cluster =
    options.cluster && patternType === "LITERAL"
      ? [{ resourceType: "CLUSTER" as const, resourceName: CLUSTER_NAME, patternType }]
      : [];
  return [
    ...named("TOPIC", options.topics),
    ...cluster,
    ...named("GROUP", options.groups),
    ...named("TRANSACTIONAL_ID", options.transactionalIds),
  ];
}

/** ResourcePattern.toString. */
export function resourcePatternText(binding: AclBinding): string {
  return `ResourcePattern(resourceType=${binding.resourceType}, name=${binding.resourceName}, patternType=${binding.patternType})`;
}

/** AccessControlEntry.toString. */
export function entryText(binding: AclBinding): string {
  return `(principal=${binding.principal}, host=${binding.host}, operation=${binding.operation}, permissionType=${binding.permission})`;
}

const byText = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

function comparePatterns(a: AclBinding, b: AclBinding): number {
  return (
    RESOURCE_TYPES.indexOf(a.resourceType) - RESOURCE_TYPES.indexOf(b.resourceType) ||
    byText(a.resourceName, b.resourceName) ||
    PATTERN_TYPES.indexOf(a.patternType) - PATTERN_TYPES.indexOf(b.patternType)
  );
}

function compareEntries(a: AclBinding, b: AclBinding): number {
  return (
    byText(a.principal, b.principal) ||
    byText(a.host, b.host) ||
    ACL_OPERATIONS.indexOf(a.operation) - ACL_OPERATIONS.indexOf(b.operation) ||
    PERMISSION_TYPES.indexOf(a.permission) - PERMISSION_TYPES.indexOf(b.permission)
  );
}

function printBlocks(bindings: readonly AclBinding[]): string {
  const sorted = [...bindings].sort((a, b) => comparePatterns(a, b) || compareEntries(a, b));
  const blocks: string[] = [];
  let current: AclBinding[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const entries = current.map((binding) => `\t${entryText(binding)}`).join("\n");
    blocks.push(`Current ACLs for resource \`${resourcePatternText(current[0]!)}\`:\n${entries}\n\n`);
    current = [];
  };
  for (const binding of sorted) {
    if (current.length > 0 && comparePatterns(current[0]!, binding) !== 0) flush();
    current.push(binding);
  }
  flush();
  return blocks.join("");
}

/** What `kafka-acls --list [options]` prints for these bindings (stdout, newlines as \n). */
export function listAcls(bindings: readonly AclBinding[], options: ListAclsOptions = {}): string {
  const filters = listFilters(options);
  const selected =
    filters.length === 0
      ? uniqueBindings(bindings)
      : uniqueBindings(filters.flatMap((filter) => describeAcls(bindings, { ...filter, ...ANY_ENTRY })));
  const principals = [...new Set(options.principals ?? [])];
  if (principals.length === 0) return printBlocks(selected);
  return principals
    .map((principal) => {
      const own = selected.filter((binding) => binding.principal === principal);
      return `ACLs for principal \`${principal}\`\n${printBlocks(own)}`;
    })
    .join("");
}
