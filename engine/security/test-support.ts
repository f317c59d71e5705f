// Test helpers shared by the security tests: a binding in StandardAcl's constructor order and a
// yes/no authorize call, so Kafka's test cases read almost as Kafka wrote them.
import { type Authorizer, authorize, createAuthorizer } from "./authorizer";
import type { AclBinding, AclOperation, PatternType, PermissionType, ResourceType } from "./model";

export function acl(
  resourceType: ResourceType,
  resourceName: string,
  patternType: PatternType,
  principal: string,
  host: string,
  operation: AclOperation,
  permission: PermissionType,
): AclBinding {
  return { resourceType, resourceName, patternType, principal, host, operation, permission };
}

/** StandardAuthorizerTest.createAndInitializeStandardAuthorizer: super.users=User:superman. */
export function standardAuthorizer(
  bindings: readonly AclBinding[],
  config: { superUsers?: readonly string[]; allowEveryoneIfNoAclFound?: boolean } = {},
): Authorizer {
  return createAuthorizer(
    {
      superUsers: config.superUsers ?? ["User:superman"],
      allowEveryoneIfNoAclFound: config.allowEveryoneIfNoAclFound ?? false,
    },
    bindings,
  );
}

/** MockAuthorizableRequestContext's default client address. */
export const LOCALHOST = "127.0.0.1";

export function allowed(
  authorizer: Authorizer,
  user: string,
  operation: AclOperation,
  resourceType: ResourceType,
  resourceName: string,
  host = LOCALHOST,
): boolean {
  const principal = user.includes(":") ? user : `User:${user}`;
  return (
    authorize(authorizer, { principal, host, operation, resourceType, resourceName }).result === "ALLOWED"
  );
}
