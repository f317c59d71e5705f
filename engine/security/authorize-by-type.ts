// Authorizer.authorizeByResourceType (KIP-679, clients/.../server/authorizer/Authorizer.java): may
// the caller perform an operation on at least one resource of a type? InitProducerId uses it, so an
// idempotent producer needs WRITE on some topic rather than IDEMPOTENT_WRITE on the cluster (since
// 2.8.0, KAFKA-10619). Unlike authorize(), it has no implied operations, and a DENY defeats an
// ALLOW only when it is the LITERAL `*`, the same LITERAL name, or a PREFIXED prefix of the name.
import { type Authorizer, authorize, type Decision } from "./authorizer";
import {
  type AclBinding,
  type AclOperation,
  type ResourceType,
  WILDCARD_HOST,
  WILDCARD_PRINCIPAL,
  WILDCARD_RESOURCE,
} from "./model";

/** Kafka first authorizes this literal name, so super users pass whatever DENY bindings exist. */
export const RESOURCE_TYPE_PROBE_NAME = "hardcode";

export interface Caller {
  readonly principal: string;
  readonly host: string;
}

export type ResourceTypeDecision =
  /** authorize() on the probe name `hardcode` allowed it (super user, its default, or a binding). */
  | { readonly result: "ALLOWED"; readonly rule: "probeAllowed"; readonly probe: Decision }
  | { readonly result: "DENIED"; readonly rule: "wildcardDeny"; readonly binding: AclBinding }
  | { readonly result: "ALLOWED"; readonly rule: "wildcardAllow"; readonly binding: AclBinding }
  /** An ALLOW binding that no DENY dominates. */
  | { readonly result: "ALLOWED"; readonly rule: "allowAcl"; readonly binding: AclBinding }
  /** Every ALLOW binding (possibly none) is dominated by a DENY. */
  | { readonly result: "DENIED"; readonly rule: "noUndominatedAllow"; readonly allowBindingCount: number };

function applies(binding: AclBinding, caller: Caller, operation: AclOperation): boolean {
  if (binding.host !== caller.host && binding.host !== WILDCARD_HOST) return false;
  if (binding.principal !== caller.principal && binding.principal !== WILDCARD_PRINCIPAL) return false;
  return binding.operation === operation || binding.operation === "ALL";
}

/** A DENY dominates an ALLOW on the same LITERAL name or on any PREFIXED prefix of its name. */
function dominated(allow: AclBinding, literalDenies: ReadonlySet<string>, prefixDenies: ReadonlySet<string>) {
  if (allow.patternType === "LITERAL" && literalDenies.has(allow.resourceName)) return true;
  for (let length = 1; length <= allow.resourceName.length; length++) {
    if (prefixDenies.has(allow.resourceName.slice(0, length))) return true;
  }
  return false;
}

function fromBindings(bindings: readonly AclBinding[]): ResourceTypeDecision {
  const literalDenies = new Set<string>();
  const prefixDenies = new Set<string>();
  const allows: AclBinding[] = [];
  let wildcardAllow: AclBinding | null = null;
  for (const binding of bindings) {
    const wildcard = binding.patternType === "LITERAL" && binding.resourceName === WILDCARD_RESOURCE;
    if (binding.permission === "DENY") {
      if (wildcard) return { result: "DENIED", rule: "wildcardDeny", binding };
      (binding.patternType === "LITERAL" ? literalDenies : prefixDenies).add(binding.resourceName);
    } else if (wildcard) {
      wildcardAllow ??= binding;
    } else {
      allows.push(binding);
    }
  }
  // Kafka looks at the wildcard ALLOW before any other: a PREFIXED DENY does not defeat it.
  if (wildcardAllow) return { result: "ALLOWED", rule: "wildcardAllow", binding: wildcardAllow };
  // Kafka walks LITERAL ALLOWs before PREFIXED ones.
  const ordered = [
    ...allows.filter((b) => b.patternType === "LITERAL"),
    ...allows.filter((b) => b.patternType === "PREFIXED"),
  ];
  const undominated = ordered.find((allow) => !dominated(allow, literalDenies, prefixDenies));
  if (undominated) return { result: "ALLOWED", rule: "allowAcl", binding: undominated };
  return { result: "DENIED", rule: "noUndominatedAllow", allowBindingCount: allows.length };
}

export function authorizeByResourceType(
  authorizer: Authorizer,
  caller: Caller,
  operation: AclOperation,
  resourceType: ResourceType,
): ResourceTypeDecision {
  const probe = authorize(authorizer, {
    ...caller,
    operation,
    resourceType,
    resourceName: RESOURCE_TYPE_PROBE_NAME,
  });
  if (probe.result === "ALLOWED") return { result: "ALLOWED", rule: "probeAllowed", probe };
  const section = authorizer.sections.get(resourceType);
  const relevant = (section?.bindings ?? []).filter((b) => applies(b, caller, operation));
  return fromBindings(relevant);
}
