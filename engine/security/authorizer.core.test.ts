// Protects the authorizer's decision with the cases of Kafka's core AuthorizerTest.scala (core/src/
// test/scala/unit/kafka/security/authorizer/): per-host ACLs, DENY beating ALLOW, super users over a
// DENY ALL, the `*` wildcard, the no-ACL default and its override, the operation hierarchy, and
// LITERAL vs PREFIXED patterns down to one-character names.
import { describe, expect, it } from "vitest";
import {
  ACL_OPERATIONS,
  type AclBinding,
  type AclOperation,
  CLUSTER_NAME,
  type PermissionType,
} from "./model";
import { acl, allowed, standardAuthorizer } from "./test-support";

// BaseAuthorizerTest: super.users = "User:superuser1; User:superuser2", the caller alice at 192.168.0.1.
const SUPER_USERS = ["User:superuser1", "User:superuser2"];
const CALLER_HOST = "192.168.0.1";
const RESOURCE = "foo-3b3b6c7e-9f5c-4e58-a9b1-0b1f4b4d2e11";
const WILDCARD_ACLS = (entries: readonly [string, string, AclOperation, PermissionType][]) =>
  entries.map(([principal, host, op, permission]) =>
    acl("TOPIC", "*", "LITERAL", principal, host, op, permission),
  );
const onResource = (entries: readonly [string, string, AclOperation, PermissionType][], name = RESOURCE) =>
  entries.map(([principal, host, op, permission]) =>
    acl("TOPIC", name, "LITERAL", principal, host, op, permission),
  );

const authorizerWith = (bindings: readonly AclBinding[], allowEveryoneIfNoAclFound = false) =>
  standardAuthorizer(bindings, { superUsers: SUPER_USERS, allowEveryoneIfNoAclFound });

describe("AuthorizerTest", () => {
  it("testAuthorizeWithEmptyResourceName: only a `*` binding covers a group named ''", () => {
    expect(allowed(authorizerWith([]), "alice", "READ", "GROUP", "", CALLER_HOST)).toBe(false);
    const withWildcard = authorizerWith([acl("GROUP", "*", "LITERAL", "User:*", "*", "READ", "ALLOW")]);
    expect(allowed(withWildcard, "alice", "READ", "GROUP", "", CALLER_HOST)).toBe(true);
  });

  it("testTopicAcl: per-host ALLOWs, a per-host DENY, and READ/WRITE implying DESCRIBE", () => {
    const host1 = "192.168.1.1";
    const host2 = "192.168.1.2";
    const authorizer = authorizerWith(
      onResource([
        ["User:alice", host1, "READ", "ALLOW"],
        ["User:alice", host2, "READ", "ALLOW"],
        ["User:alice", host1, "READ", "DENY"],
        ["User:alice", host1, "WRITE", "ALLOW"],
        ["User:alice", "*", "DESCRIBE", "ALLOW"],
        ["User:rob", "*", "READ", "ALLOW"],
        ["User:batman", "*", "WRITE", "ALLOW"],
      ]),
    );
    const can = (user: string, op: AclOperation, host: string) =>
      allowed(authorizer, user, op, "TOPIC", RESOURCE, host);
    expect(can("alice", "READ", host2)).toBe(true);
    expect(can("alice", "READ", host1)).toBe(false);
    expect(can("alice", "WRITE", host1)).toBe(true);
    expect(can("alice", "WRITE", host2)).toBe(false);
    expect(can("alice", "DESCRIBE", host1)).toBe(true);
    expect(can("alice", "DESCRIBE", host2)).toBe(true);
    expect(can("alice", "ALTER", host1)).toBe(false);
    expect(can("alice", "ALTER", host2)).toBe(false);
    expect(can("rob", "DESCRIBE", host1)).toBe(true);
    expect(can("batman", "DESCRIBE", host1)).toBe(true);
    expect(can("rob", "READ", host1)).toBe(true);
    expect(can("batman", "WRITE", host1)).toBe(true);
  });

  it("testDenyTakesPrecedence: DENY ALL for alice from her host beats ALLOW ALL for User:*", () => {
    const host = "192.168.2.1";
    const authorizer = authorizerWith(
      onResource([
        ["User:*", "*", "ALL", "ALLOW"],
        ["User:alice", host, "ALL", "DENY"],
      ]),
    );
    expect(allowed(authorizer, "alice", "READ", "TOPIC", RESOURCE, host)).toBe(false);
  });

  it("testAllowAllAccess: ALLOW ALL for User:* from * lets anyone in", () => {
    const authorizer = authorizerWith(onResource([["User:*", "*", "ALL", "ALLOW"]]));
    expect(allowed(authorizer, "random", "READ", "TOPIC", RESOURCE, "192.0.4.4")).toBe(true);
  });

  it("testSuperUserHasAccess: super users pass a DENY ALL for User:*", () => {
    const authorizer = authorizerWith(onResource([["User:*", "*", "ALL", "DENY"]]));
    expect(allowed(authorizer, "superuser1", "READ", "TOPIC", RESOURCE, "192.0.4.4")).toBe(true);
    expect(allowed(authorizer, "superuser2", "READ", "TOPIC", RESOURCE, "192.0.4.4")).toBe(true);
  });

  it("testWildCardAcls: `*` grants READ; a DENY WRITE on `*` beats a literal ALLOW WRITE", () => {
    const host1 = "192.168.3.1";
    expect(allowed(authorizerWith([]), "alice", "READ", "TOPIC", RESOURCE, CALLER_HOST)).toBe(false);
    const readOnWildcard = WILDCARD_ACLS([["User:alice", host1, "READ", "ALLOW"]]);
    expect(allowed(authorizerWith(readOnWildcard), "alice", "READ", "TOPIC", RESOURCE, host1)).toBe(true);
    const withDeny = authorizerWith([
      ...readOnWildcard,
      ...onResource([["User:alice", host1, "WRITE", "ALLOW"]]),
      ...WILDCARD_ACLS([["User:alice", host1, "WRITE", "DENY"]]),
    ]);
    expect(allowed(withDeny, "alice", "WRITE", "TOPIC", RESOURCE, host1)).toBe(false);
  });

  it("testNoAclFound / testNoAclFoundOverride: no ACL denies, unless allow.everyone.if.no.acl.found=true", () => {
    expect(allowed(authorizerWith([]), "alice", "READ", "TOPIC", RESOURCE, CALLER_HOST)).toBe(false);
    expect(allowed(authorizerWith([], true), "alice", "READ", "TOPIC", RESOURCE, CALLER_HOST)).toBe(true);
  });

  describe("testAclInheritance: the operation hierarchy, on the cluster resource", () => {
    const host = "192.168.3.1";
    const everyOperation = ACL_OPERATIONS;
    const implications: readonly [AclOperation, PermissionType, readonly AclOperation[]][] = [
      ["ALL", "ALLOW", everyOperation],
      ["ALL", "DENY", everyOperation],
      ["READ", "ALLOW", ["DESCRIBE"]],
      ["WRITE", "ALLOW", ["DESCRIBE"]],
      ["DELETE", "ALLOW", ["DESCRIBE"]],
      ["ALTER", "ALLOW", ["DESCRIBE"]],
      ["DESCRIBE", "DENY", []],
      ["ALTER_CONFIGS", "ALLOW", ["DESCRIBE_CONFIGS"]],
      ["DESCRIBE_CONFIGS", "DENY", []],
    ];
    for (const [parent, permission, implied] of implications) {
      it(`${permission} ${parent} ${permission === "ALLOW" ? "allows" : "denies"} exactly ${parent} and ${implied.join(", ") || "nothing else"}`, () => {
        const onCluster = (op: AclOperation, perm: PermissionType) =>
          acl("CLUSTER", CLUSTER_NAME, "LITERAL", "User:alice", "*", op, perm);
        // testImplicationsOfDeny adds an ALLOW ALL beside the DENY, so only the DENY's reach is denied.
        const bindings =
          permission === "ALLOW"
            ? [onCluster(parent, "ALLOW")]
            : [onCluster(parent, "DENY"), onCluster("ALL", "ALLOW")];
        const authorizer = authorizerWith(bindings);
        for (const op of everyOperation) {
          const covered = op === parent || implied.includes(op);
          const expected = permission === "ALLOW" ? covered : !covered;
          expect(allowed(authorizer, "alice", op, "CLUSTER", CLUSTER_NAME, host), `${op}`).toBe(expected);
        }
      });
    }
  });

  it("testAccessAllowedIfAllowAclExistsOnWildcardResource", () => {
    const authorizer = authorizerWith(WILDCARD_ACLS([["User:*", "*", "READ", "ALLOW"]]));
    expect(allowed(authorizer, "alice", "READ", "TOPIC", RESOURCE, CALLER_HOST)).toBe(true);
  });

  it("testAccessAllowedIfAllowAclExistsOnPrefixedResource", () => {
    const authorizer = authorizerWith([acl("TOPIC", "foo", "PREFIXED", "User:*", "*", "READ", "ALLOW")]);
    expect(allowed(authorizer, "alice", "READ", "TOPIC", RESOURCE, CALLER_HOST)).toBe(true);
  });

  it("testAuthorizeWithPrefixedResource: DENYs on unrelated names and prefixes do not hide a covering ALLOW", () => {
    const denyRead = (name: string, patternType: "LITERAL" | "PREFIXED") =>
      acl("TOPIC", name, patternType, "User:*", "*", "READ", "DENY");
    const authorizer = authorizerWith([
      denyRead("a_other", "LITERAL"),
      denyRead("a_other", "PREFIXED"),
      denyRead("foo-5d6f7e7a-0c6a-4a3e-8d1f-1f0e2c3b4a59", "PREFIXED"),
      denyRead("foo-9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "PREFIXED"),
      denyRead("foo-0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0-zzz", "PREFIXED"),
      denyRead("fooo-6e5d4c3b-2a19-4807-b6a5-948372615049", "PREFIXED"),
      denyRead("fo-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "PREFIXED"),
      denyRead("fop-2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "PREFIXED"),
      denyRead("fon-3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f", "PREFIXED"),
      denyRead("fon-", "PREFIXED"),
      denyRead("z_other", "PREFIXED"),
      denyRead("z_other", "LITERAL"),
      acl("TOPIC", "foo", "PREFIXED", "User:*", "*", "READ", "ALLOW"),
    ]);
    expect(allowed(authorizer, "alice", "READ", "TOPIC", RESOURCE, CALLER_HOST)).toBe(true);
  });

  it("testSingleCharacterResourceAcls", () => {
    const literalF = authorizerWith([acl("TOPIC", "f", "LITERAL", "User:*", "*", "READ", "ALLOW")]);
    expect(allowed(literalF, "alice", "READ", "TOPIC", "f", CALLER_HOST)).toBe(true);
    expect(allowed(literalF, "alice", "READ", "TOPIC", "foo", CALLER_HOST)).toBe(false);
    const withUnderscore = authorizerWith([
      acl("TOPIC", "f", "LITERAL", "User:*", "*", "READ", "ALLOW"),
      acl("TOPIC", "_", "PREFIXED", "User:*", "*", "READ", "ALLOW"),
    ]);
    expect(allowed(withUnderscore, "alice", "READ", "TOPIC", "_foo", CALLER_HOST)).toBe(true);
    expect(allowed(withUnderscore, "alice", "READ", "TOPIC", "_", CALLER_HOST)).toBe(true);
    expect(allowed(withUnderscore, "alice", "READ", "TOPIC", "foo_", CALLER_HOST)).toBe(false);
  });
});
