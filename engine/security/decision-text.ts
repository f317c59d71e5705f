// Decisions in words: the sentence the inspector shows ("no ALLOW binding matches User:eve WRITE
// Topic:orders; allow.everyone.if.no.acl.found=false"), and the line Kafka's authorizer writes to
// kafka.authorizer.logger (StandardAuthorizerData#buildAuditMessage), whose "based on rule" part
// names the binding that decided.
import type { ResourceTypeDecision } from "./authorize-by-type";
import type { Decision } from "./authorizer";
import {
  type AclBinding,
  type AclOperation,
  type AuthorizationAction,
  type ResourceType,
  resourceTypeName,
  WILDCARD_HOST,
} from "./model";

/** `Topic:orders`: a literal resource as the issue and Kafka's messages name it. */
export function resourceLabel(resourceType: ResourceType, resourceName: string): string {
  return `${resourceTypeName(resourceType)}:${resourceName}`;
}

/** `Topic:PREFIXED:ord`: a binding's pattern, as Kafka's audit log writes resources. */
export function patternLabel(binding: AclBinding): string {
  return `${resourceTypeName(binding.resourceType)}:${binding.patternType}:${binding.resourceName}`;
}

/** `ALLOW User:* READ on Topic:LITERAL:orders`, plus ` from 10.0.0.2` when the host is not `*`. */
export function bindingLabel(binding: AclBinding): string {
  const from = binding.host === WILDCARD_HOST ? "" : ` from ${binding.host}`;
  return `${binding.permission} ${binding.principal} ${binding.operation} on ${patternLabel(binding)}${from}`;
}

function actionLabel(action: AuthorizationAction): string {
  return `${action.principal} ${action.operation} ${resourceLabel(action.resourceType, action.resourceName)}`;
}

function impliedBy(binding: AclBinding, requested: AclOperation): string {
  if (binding.operation === requested) return "";
  return ` (${binding.operation} implies ${requested})`;
}

/** One sentence: what was asked, the verdict, and the binding or setting that decided it. */
export function describeDecision(action: AuthorizationAction, decision: Decision): string {
  const asked = actionLabel(action);
  const resource = resourceLabel(action.resourceType, action.resourceName);
  switch (decision.rule) {
    case "superUser":
      return `${action.principal} is in super.users: ${asked} is allowed whatever the bindings say`;
    case "allowAcl":
      return `${asked} is allowed by ${bindingLabel(decision.binding)}${impliedBy(decision.binding, action.operation)}`;
    case "denyAcl":
      return `${asked} is denied: ${bindingLabel(decision.binding)} wins over any ALLOW`;
    case "noAclForResource":
      return decision.allowEveryoneIfNoAclFound
        ? `no binding covers ${resource}; allow.everyone.if.no.acl.found=true allows ${asked}`
        : `no ALLOW binding matches ${asked}; allow.everyone.if.no.acl.found=false`;
    case "noMatchingAcl":
      return (
        `no ALLOW binding matches ${asked}; ${resource} has ${decision.resourceBindingCount} ` +
        `binding(s) for other principals, hosts or operations, so it is denied even if ` +
        `allow.everyone.if.no.acl.found=true`
      );
    default: {
      const unreachable: never = decision;
      return unreachable;
    }
  }
}

/** KIP-679's answer in words (InitProducerId of an idempotent producer asks WRITE on any topic). */
export function describeResourceTypeDecision(
  caller: { readonly principal: string },
  operation: AclOperation,
  resourceType: ResourceType,
  decision: ResourceTypeDecision,
): string {
  const asked = `${caller.principal} ${operation} on any ${resourceTypeName(resourceType)}`;
  switch (decision.rule) {
    case "probeAllowed":
      return describeProbe(caller.principal, asked, resourceType, decision.probe);
    case "wildcardDeny":
      return `${asked} is denied: ${bindingLabel(decision.binding)} covers every name`;
    case "wildcardAllow":
    case "allowAcl":
      return `${asked} is allowed by ${bindingLabel(decision.binding)}`;
    case "noUndominatedAllow":
      return decision.allowBindingCount === 0
        ? `no ALLOW binding gives ${asked}`
        : `${asked} is denied: every ALLOW binding (${decision.allowBindingCount}) has a DENY on the same name or a prefix of it`;
    default: {
      const unreachable: never = decision;
      return unreachable;
    }
  }
}

/** Kafka first authorizes a resource named `hardcode`: what let that through. */
function describeProbe(
  principal: string,
  asked: string,
  resourceType: ResourceType,
  probe: Decision,
): string {
  if (probe.rule === "superUser") return `${principal} is in super.users: ${asked} is allowed`;
  if (probe.rule === "allowAcl") return `${asked} is allowed by ${bindingLabel(probe.binding)}`;
  return (
    `${asked} is allowed: no binding covers a ${resourceTypeName(resourceType)} named hardcode, ` +
    `and allow.everyone.if.no.acl.found=true`
  );
}

function ruleText(decision: Decision): string {
  switch (decision.rule) {
    case "superUser":
      return "SuperUser";
    case "allowAcl":
    case "denyAcl": {
      const b = decision.binding;
      return (
        `MatchingAcl(acl=StandardAcl(resourceType=${b.resourceType}, resourceName=${b.resourceName}, ` +
        `patternType=${b.patternType}, principal=${b.principal}, host=${b.host}, ` +
        `operation=${b.operation}, permissionType=${b.permission}))`
      );
    }
    case "noAclForResource":
      return decision.result === "ALLOWED" ? "DefaultAllow" : "DefaultDeny";
    case "noMatchingAcl":
      return "DefaultDeny";
    default: {
      const unreachable: never = decision;
      return unreachable;
    }
  }
}

/** The authorizer's audit log line for a decision made while handling `apiName` (ApiKeys' name). */
export function auditLogLine(
  action: AuthorizationAction,
  decision: Decision,
  request: { readonly apiName: string; readonly resourceRefCount: number },
): string {
  const verdict = decision.result === "ALLOWED" ? "Allowed" : "Denied";
  const resource = `${resourceTypeName(action.resourceType)}:LITERAL:${action.resourceName}`;
  return (
    `Principal = ${action.principal} is ${verdict} operation = ${action.operation} ` +
    `from host = ${action.host} on resource = ${resource} for request = ${request.apiName} ` +
    `with resourceRefCount = ${request.resourceRefCount} based on rule ${ruleText(decision)}`
  );
}
