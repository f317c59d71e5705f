// Protects KIP-679's authorizeByResourceType (an idempotent producer needs WRITE on some topic, not
// IDEMPOTENT_WRITE) with the cases of Kafka's BaseAuthorizerTest.scala and AuthorizerTest's
// testAuthorizeByResourceTypeNoAclFoundOverride: which DENY dominates which ALLOW.
import { describe, expect, it } from "vitest";
import { authorizeByResourceType, type Caller } from "./authorize-by-type";
import type { Authorizer } from "./authorizer";
import { describeResourceTypeDecision } from "./decision-text";
import type { AclBinding, AclOperation, PatternType, PermissionType, ResourceType } from "./model";
import { acl, standardAuthorizer } from "./test-support";

const SUPER_USERS = ["User:superuser1", "User:superuser2"];
const host1 = "192.168.1.1";
const host2 = "192.168.1.2";
const u1h1: Caller = { principal: "User:user1", host: host1 };
const u1h2: Caller = { principal: "User:user1", host: host2 };
const u2h1: Caller = { principal: "User:user2", host: host1 };

/** A mutable ACL set like the one BaseAuthorizerTest adds to and removes from. */
class Acls {
  private bindings: AclBinding[] = [];
  constructor(private readonly allowEveryoneIfNoAclFound = false) {}
  add(type: ResourceType, name: string, pattern: PatternType, aces: readonly Ace[]): this {
    for (const [principal, host, op, perm] of aces)
      this.bindings.push(acl(type, name, pattern, principal, host, op, perm));
    return this;
  }
  remove(type: ResourceType, name: string, pattern: PatternType, aces: readonly Ace[]): this {
    const gone = new Set(aces.map((ace) => JSON.stringify(acl(type, name, pattern, ...ace))));
    this.bindings = this.bindings.filter((b) => !gone.has(JSON.stringify(b)));
    return this;
  }
  authorizer(): Authorizer {
    return standardAuthorizer(this.bindings, {
      superUsers: SUPER_USERS,
      allowEveryoneIfNoAclFound: this.allowEveryoneIfNoAclFound,
    });
  }
  can(caller: Caller, op: AclOperation, type: ResourceType): boolean {
    return authorizeByResourceType(this.authorizer(), caller, op, type).result === "ALLOWED";
  }
}
type Ace = readonly [string, string, AclOperation, PermissionType];

describe("BaseAuthorizerTest: authorizeByResourceType", () => {
  it("testAuthorizeByResourceTypeMultipleAddAndRemove", () => {
    const denyRead: Ace = ["User:user1", host1, "READ", "DENY"];
    const allowRead: Ace = ["User:user1", host1, "READ", "ALLOW"];
    const acls = new Acls();
    for (let i = 0; i < 3; i++) {
      expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
      acls.add("TOPIC", "sb1", "LITERAL", [allowRead]);
      expect(acls.can(u1h1, "READ", "TOPIC")).toBe(true);
      for (let j = 0; j < 3; j++) {
        acls.add("TOPIC", "sb1", "LITERAL", [denyRead]);
        expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
        acls.remove("TOPIC", "sb1", "LITERAL", [denyRead]).add("TOPIC", "sb1", "LITERAL", [allowRead]);
        expect(acls.can(u1h1, "READ", "TOPIC")).toBe(true);
      }
      acls.remove("TOPIC", "sb1", "LITERAL", [allowRead]);
      expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
    }
  });

  it("testAuthorizeByResourceTypeIsolationUnrelatedDenyWontDominateAllow", () => {
    const acls = new Acls()
      .add("TOPIC", "sb1", "LITERAL", [
        ["User:user1", host1, "READ", "DENY"],
        ["User:user2", host1, "READ", "DENY"],
        ["User:user1", host2, "WRITE", "DENY"],
        ["User:user2", host2, "READ", "DENY"],
        ["User:user1", host2, "READ", "ALLOW"],
      ])
      .add("TOPIC", "sb2", "LITERAL", [["User:user1", host2, "READ", "DENY"]])
      .add("GROUP", "s", "PREFIXED", [["User:user1", host2, "READ", "DENY"]]);
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
    expect(acls.can(u1h1, "READ", "GROUP")).toBe(false);
    expect(acls.can(u1h1, "READ", "TRANSACTIONAL_ID")).toBe(false);
    expect(acls.can(u1h1, "READ", "CLUSTER")).toBe(false);
    expect(acls.can(u1h2, "READ", "TOPIC")).toBe(true);
  });

  it("testAuthorizeByResourceTypeDenyTakesPrecedence", () => {
    const acls = new Acls().add("TOPIC", "sb1", "LITERAL", [["User:user1", host1, "WRITE", "ALLOW"]]);
    expect(acls.can(u1h1, "WRITE", "TOPIC")).toBe(true);
    acls.add("TOPIC", "sb1", "LITERAL", [["User:user1", host1, "WRITE", "DENY"]]);
    expect(acls.can(u1h1, "WRITE", "TOPIC")).toBe(false);
  });

  it("testAuthorizeByResourceTypePrefixedResourceDenyDominate", () => {
    const allowAce: Ace = ["User:user1", host1, "READ", "ALLOW"];
    const denyAce: Ace = ["User:user1", host1, "READ", "DENY"];
    const acls = new Acls().add("GROUP", "abcde", "PREFIXED", [allowAce]);
    expect(acls.can(u1h1, "READ", "GROUP")).toBe(true);
    acls.add("GROUP", "abcd", "PREFIXED", [denyAce]);
    expect(acls.can(u1h1, "READ", "GROUP")).toBe(false);
    acls.add("GROUP", "abc", "PREFIXED", [allowAce]);
    expect(acls.can(u1h1, "READ", "GROUP")).toBe(true);
    acls.add("GROUP", "a", "PREFIXED", [denyAce]);
    expect(acls.can(u1h1, "READ", "GROUP")).toBe(false);
    acls.add("GROUP", "ab", "PREFIXED", [allowAce]);
    expect(acls.can(u1h1, "READ", "GROUP")).toBe(false);
  });

  it("testAuthorizeByResourceTypeWildcardResourceDenyDominate", () => {
    const allowAce: Ace = ["User:user1", host1, "WRITE", "ALLOW"];
    const denyAce: Ace = ["User:user1", host1, "WRITE", "DENY"];
    const acls = new Acls().add("GROUP", "hello", "PREFIXED", [allowAce]);
    expect(acls.can(u1h1, "WRITE", "GROUP")).toBe(true);
    acls.add("GROUP", "*", "LITERAL", [denyAce]);
    expect(acls.can(u1h1, "WRITE", "GROUP")).toBe(false);
    acls.add("GROUP", "*", "LITERAL", [allowAce]);
    expect(acls.can(u1h1, "WRITE", "GROUP")).toBe(false);
    acls.add("GROUP", "aloha", "LITERAL", [allowAce]);
    expect(acls.can(u1h1, "WRITE", "GROUP")).toBe(false);
  });

  it("testAuthorizeByResourceTypeWithAllOperationAce", () => {
    const acls = new Acls();
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
    acls.add("TOPIC", "sb1", "LITERAL", [
      ["User:user1", host1, "WRITE", "DENY"],
      ["User:user1", host1, "ALL", "ALLOW"],
    ]);
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(true);
    acls.add("TOPIC", "sb1", "LITERAL", [["User:user1", host1, "ALL", "DENY"]]);
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
  });

  it("testAuthorizeByResourceTypeWithAllHostAce", () => {
    const acls = new Acls();
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
    acls.add("TOPIC", "sb1", "LITERAL", [["User:user1", host1, "READ", "ALLOW"]]);
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(true);
    acls.add("TOPIC", "sb1", "LITERAL", [["User:user1", "*", "READ", "DENY"]]);
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
    acls.add("TOPIC", "sb2", "LITERAL", [["User:user1", host1, "READ", "DENY"]]);
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
    expect(acls.can(u1h2, "READ", "TOPIC")).toBe(false);
    acls.add("TOPIC", "sb2", "LITERAL", [["User:user1", "*", "READ", "ALLOW"]]);
    expect(acls.can(u1h2, "READ", "TOPIC")).toBe(true);
    acls.add("TOPIC", "sb2", "LITERAL", [["User:user1", "*", "READ", "DENY"]]);
    expect(acls.can(u1h2, "READ", "TOPIC")).toBe(false);
  });

  it("testAuthorizeByResourceTypeWithAllPrincipalAce", () => {
    const acls = new Acls();
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
    acls.add("TOPIC", "sb1", "LITERAL", [["User:user1", host1, "READ", "ALLOW"]]);
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(true);
    acls.add("TOPIC", "sb1", "LITERAL", [["User:*", host1, "READ", "DENY"]]);
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
    acls.add("TOPIC", "sb2", "LITERAL", [["User:user1", host1, "READ", "DENY"]]);
    expect(acls.can(u1h1, "READ", "TOPIC")).toBe(false);
    expect(acls.can(u2h1, "READ", "TOPIC")).toBe(false);
    acls.add("TOPIC", "sb2", "LITERAL", [["User:*", host1, "READ", "ALLOW"]]);
    expect(acls.can(u2h1, "READ", "TOPIC")).toBe(true);
    acls.add("TOPIC", "sb2", "LITERAL", [["User:*", host1, "READ", "DENY"]]);
    expect(acls.can(u2h1, "READ", "TOPIC")).toBe(false);
  });

  it("testAuthorizeByResourceTypeSuperUserHasAccess", () => {
    const denyAll: Ace = ["User:*", "*", "ALL", "DENY"];
    const acls = new Acls()
      .add("TOPIC", "*", "LITERAL", [denyAll])
      .add("CLUSTER", "*", "LITERAL", [denyAll])
      .add("GROUP", "*", "LITERAL", [denyAll])
      .add("TRANSACTIONAL_ID", "*", "LITERAL", [denyAll]);
    const superUser: Caller = { principal: "User:superuser1", host: "192.0.4.4" };
    for (const type of ["TOPIC", "CLUSTER", "GROUP", "TRANSACTIONAL_ID"] as const) {
      expect(acls.can(superUser, "READ", type)).toBe(true);
    }
  });

  it("testAuthorizeByResourceTypeNoAclFoundOverride: allow.everyone.if.no.acl.found=true lets READ and WRITE through", () => {
    const acls = new Acls(true);
    const alice: Caller = { principal: "User:alice", host: "192.168.0.1" };
    expect(acls.can(alice, "READ", "TOPIC")).toBe(true);
    expect(acls.can(alice, "WRITE", "TOPIC")).toBe(true);
  });
});

describe("KIP-679 for the idempotent producer, in words", () => {
  it("WRITE on one PREFIXED pattern is WRITE on some topic", () => {
    const authorizer = standardAuthorizer([
      acl("TOPIC", "orders", "PREFIXED", "User:shop", "*", "WRITE", "ALLOW"),
    ]);
    const shop: Caller = { principal: "User:shop", host: "10.0.0.1" };
    const decision = authorizeByResourceType(authorizer, shop, "WRITE", "TOPIC");
    expect(describeResourceTypeDecision(shop, "WRITE", "TOPIC", decision)).toBe(
      "User:shop WRITE on any Topic is allowed by ALLOW User:shop WRITE on Topic:PREFIXED:orders",
    );
  });

  it("a super user, a binding covering `hardcode`, or the no-ACL default pass at the first check", () => {
    const shop: Caller = { principal: "User:shop", host: "10.0.0.1" };
    const words = (authorizer: ReturnType<typeof standardAuthorizer>, caller = shop) =>
      describeResourceTypeDecision(
        caller,
        "WRITE",
        "TOPIC",
        authorizeByResourceType(authorizer, caller, "WRITE", "TOPIC"),
      );
    expect(words(standardAuthorizer([]), { principal: "User:superman", host: "h" })).toBe(
      "User:superman is in super.users: User:superman WRITE on any Topic is allowed",
    );
    expect(words(standardAuthorizer([acl("TOPIC", "*", "LITERAL", "User:*", "*", "WRITE", "ALLOW")]))).toBe(
      "User:shop WRITE on any Topic is allowed by ALLOW User:* WRITE on Topic:LITERAL:*",
    );
    expect(words(standardAuthorizer([], { allowEveryoneIfNoAclFound: true }))).toBe(
      "User:shop WRITE on any Topic is allowed: no binding covers a Topic named hardcode, and allow.everyone.if.no.acl.found=true",
    );
  });

  it("an ALLOW READ is not WRITE: no implied operations here", () => {
    const authorizer = standardAuthorizer([
      acl("TOPIC", "orders", "LITERAL", "User:shop", "*", "READ", "ALLOW"),
    ]);
    const shop: Caller = { principal: "User:shop", host: "10.0.0.1" };
    const decision = authorizeByResourceType(authorizer, shop, "WRITE", "TOPIC");
    expect(decision).toEqual({ result: "DENIED", rule: "noUndominatedAllow", allowBindingCount: 0 });
    expect(describeResourceTypeDecision(shop, "WRITE", "TOPIC", decision)).toBe(
      "no ALLOW binding gives User:shop WRITE on any Topic",
    );
  });

  it("a PREFIXED DENY does not defeat a LITERAL `*` ALLOW (Kafka checks the wildcard ALLOW first)", () => {
    const authorizer = standardAuthorizer([
      acl("TOPIC", "*", "LITERAL", "User:shop", "*", "WRITE", "ALLOW"),
      acl("TOPIC", "h", "PREFIXED", "User:shop", "*", "WRITE", "DENY"),
    ]);
    // The DENY on `h…` covers the probe name `hardcode`, so the answer comes from the wildcard ALLOW.
    const decision = authorizeByResourceType(
      authorizer,
      { principal: "User:shop", host: "h" },
      "WRITE",
      "TOPIC",
    );
    expect(decision).toMatchObject({ result: "ALLOWED", rule: "wildcardAllow" });
  });
});
