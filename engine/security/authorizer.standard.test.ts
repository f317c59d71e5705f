// Protects StandardAuthorizer's decision with the cases of Kafka's StandardAuthorizerTest (metadata/
// src/test/java/org/apache/kafka/metadata/authorizer/): implied operations, principal and host
// matching, DENY precedence (also with ALL), prefixes, the no-ACL default, and which binding the
// audit log names as the rule that decided.
import { describe, expect, it } from "vitest";
import { authorize, bindingVerdict } from "./authorizer";
import { auditLogLine, describeDecision } from "./decision-text";
import type { AclOperation, AuthorizationAction } from "./model";
import { acl, allowed, LOCALHOST, standardAuthorizer } from "./test-support";

const newFooAcl = (op: AclOperation, permission: "ALLOW" | "DENY") =>
  acl("TOPIC", "foo_", "PREFIXED", "User:bob", "*", op, permission);
const newBarAcl = (op: AclOperation, permission: "ALLOW" | "DENY") =>
  acl("GROUP", "bar", "LITERAL", "User:*", "*", op, permission);

const action = (user: string, operation: AclOperation, resourceType: "TOPIC" | "GROUP", name: string) =>
  ({
    principal: `User:${user}`,
    host: LOCALHOST,
    operation,
    resourceType,
    resourceName: name,
  }) satisfies AuthorizationAction;

describe("StandardAuthorizerTest", () => {
  it("testAllowEveryoneIfNoAclFoundConfigEnabled: a topic with ACLs none of which match is still DENIED", () => {
    const authorizer = standardAuthorizer(
      [acl("TOPIC", "topic1", "LITERAL", "User:Alice", "*", "READ", "ALLOW")],
      {
        superUsers: ["User:alice", "User:chris"],
        allowEveryoneIfNoAclFound: true,
      },
    );
    expect(allowed(authorizer, "Bob", "READ", "TOPIC", "topic1")).toBe(false);
    expect(allowed(authorizer, "Bob", "READ", "TOPIC", "topic2")).toBe(true);
  });

  it("testAllowEveryoneIfNoAclFoundConfigDisabled: without ACLs on topic2 the default is DENY", () => {
    const authorizer = standardAuthorizer(
      [acl("TOPIC", "topic1", "LITERAL", "User:Alice", "*", "READ", "ALLOW")],
      {
        superUsers: ["User:alice", "User:chris"],
        allowEveryoneIfNoAclFound: false,
      },
    );
    expect(allowed(authorizer, "Bob", "READ", "TOPIC", "topic1")).toBe(false);
    expect(allowed(authorizer, "Bob", "READ", "TOPIC", "topic2")).toBe(false);
  });

  it("testFindResultImplication: READ, WRITE, DELETE, ALTER imply DESCRIBE; ALTER_CONFIGS implies DESCRIBE_CONFIGS; only for ALLOW", () => {
    const describeFooBar = action("bob", "DESCRIBE", "TOPIC", "foo_bar");
    for (const op of ["DESCRIBE", "READ", "WRITE", "DELETE", "ALTER"] as const) {
      expect(bindingVerdict(describeFooBar, newFooAcl(op, "ALLOW"))).toBe("ALLOWED");
    }
    expect(bindingVerdict(describeFooBar, newFooAcl("CREATE", "ALLOW"))).toBeNull();
    for (const op of ["READ", "WRITE", "DELETE", "ALTER"] as const) {
      expect(bindingVerdict(describeFooBar, newFooAcl(op, "DENY"))).toBeNull();
    }
    expect(bindingVerdict(describeFooBar, newFooAcl("DESCRIBE", "DENY"))).toBe("DENIED");
    const describeConfigs = action("bob", "DESCRIBE_CONFIGS", "TOPIC", "foo_bar");
    for (const op of ["DESCRIBE_CONFIGS", "ALTER_CONFIGS"] as const) {
      expect(bindingVerdict(describeConfigs, newFooAcl(op, "ALLOW"))).toBe("ALLOWED");
    }
    expect(bindingVerdict(describeConfigs, newFooAcl("ALTER_CONFIGS", "DENY"))).toBeNull();
    const alterConfigs = action("bob", "ALTER_CONFIGS", "TOPIC", "foo_bar");
    expect(bindingVerdict(alterConfigs, newFooAcl("ALTER_CONFIGS", "DENY"))).toBe("DENIED");
  });

  it("testFindResultPrincipalMatching: the principal must be the caller or User:*", () => {
    expect(bindingVerdict(action("bob", "READ", "TOPIC", "foo_bar"), newFooAcl("READ", "ALLOW"))).toBe(
      "ALLOWED",
    );
    expect(
      bindingVerdict(action("alice", "READ", "TOPIC", "foo_bar"), newFooAcl("READ", "ALLOW")),
    ).toBeNull();
    expect(bindingVerdict(action("alice", "READ", "GROUP", "bar"), newBarAcl("READ", "DENY"))).toBe("DENIED");
  });

  it("testSimpleAuthorizations", () => {
    const authorizer = standardAuthorizer([
      newFooAcl("READ", "ALLOW"),
      newFooAcl("WRITE", "ALLOW"),
      newBarAcl("DESCRIBE_CONFIGS", "ALLOW"),
      newBarAcl("ALTER_CONFIGS", "ALLOW"),
    ]);
    expect(allowed(authorizer, "bob", "READ", "TOPIC", "foo_")).toBe(true);
    expect(allowed(authorizer, "fred", "ALTER_CONFIGS", "GROUP", "bar")).toBe(true);
  });

  it("testDenyPrecedenceWithOperationAll: a LITERAL DENY ALL beats PREFIXED ALLOWs on the same name", () => {
    const authorizer = standardAuthorizer([
      acl("TOPIC", "foo", "LITERAL", "User:alice", "*", "ALL", "DENY"),
      acl("TOPIC", "foo", "PREFIXED", "User:alice", "*", "READ", "ALLOW"),
      acl("TOPIC", "foo", "LITERAL", "User:*", "*", "ALL", "DENY"),
      acl("TOPIC", "foo", "PREFIXED", "User:*", "*", "DESCRIBE", "ALLOW"),
    ]);
    const alice = (op: AclOperation, name: string) => allowed(authorizer, "alice", op, "TOPIC", name);
    expect([
      alice("WRITE", "foo"),
      alice("READ", "foo"),
      alice("DESCRIBE", "foo"),
      alice("READ", "foobar"),
    ]).toEqual([false, false, false, true]);
    const bob = (op: AclOperation, name: string) => allowed(authorizer, "bob", op, "TOPIC", name);
    expect([
      bob("DESCRIBE", "foo"),
      bob("READ", "foo"),
      bob("WRITE", "foo"),
      bob("DESCRIBE", "foobaz"),
      bob("READ", "foobaz"),
    ]).toEqual([false, false, false, true, false]);
  });

  it("testTopicAclWithOperationAll: ALLOW ALL allows every operation, for User:* too", () => {
    const authorizer = standardAuthorizer([
      acl("TOPIC", "foo", "LITERAL", "User:*", "*", "ALL", "ALLOW"),
      acl("TOPIC", "bar", "PREFIXED", "User:alice", "*", "ALL", "ALLOW"),
      acl("TOPIC", "baz", "LITERAL", "User:bob", "*", "ALL", "ALLOW"),
    ]);
    const can = (user: string, op: AclOperation, name: string) =>
      allowed(authorizer, user, op, "TOPIC", name);
    expect([
      can("alice", "WRITE", "foo"),
      can("alice", "DESCRIBE_CONFIGS", "bar"),
      can("alice", "DESCRIBE", "baz"),
    ]).toEqual([true, true, false]);
    expect([can("bob", "WRITE", "foo"), can("bob", "READ", "bar"), can("bob", "DESCRIBE", "baz")]).toEqual([
      true,
      false,
      true,
    ]);
    expect([
      can("malory", "DESCRIBE", "foo"),
      can("malory", "WRITE", "bar"),
      can("malory", "READ", "baz"),
    ]).toEqual([true, false, false]);
  });

  it("testHostAddressAclValidation: a host is `*` or the client's exact address", () => {
    const host1 = "192.168.1.1";
    const host2 = "192.168.1.2";
    const authorizer = standardAuthorizer([
      acl("TOPIC", "foo", "LITERAL", "User:alice", host1, "READ", "DENY"),
      acl("TOPIC", "foo", "LITERAL", "User:alice", "*", "READ", "ALLOW"),
      acl("TOPIC", "bar", "LITERAL", "User:bob", host2, "READ", "ALLOW"),
      acl("TOPIC", "bar", "LITERAL", "User:*", LOCALHOST, "DESCRIBE", "ALLOW"),
    ]);
    const results = (user: string, host: string) => [
      allowed(authorizer, user, "READ", "TOPIC", "foo", host),
      allowed(authorizer, user, "READ", "TOPIC", "bar", host),
      allowed(authorizer, user, "DESCRIBE", "TOPIC", "bar", host),
    ];
    expect(results("alice", LOCALHOST)).toEqual([true, false, true]);
    expect(results("alice", host1)).toEqual([false, false, false]);
    expect(results("alice", host2)).toEqual([true, false, false]);
    expect(results("bob", LOCALHOST)).toEqual([false, false, true]);
    expect(results("bob", host1)).toEqual([false, false, false]);
    expect(results("bob", host2)).toEqual([false, true, true]);
  });

  const manyAcls = [
    acl("TOPIC", "green2", "LITERAL", "User:*", "*", "READ", "ALLOW"),
    acl("TOPIC", "green", "PREFIXED", "User:bob", "*", "READ", "ALLOW"),
    acl("TOPIC", "betamax4", "LITERAL", "User:bob", "*", "READ", "ALLOW"),
    acl("TOPIC", "betamax", "LITERAL", "User:bob", "*", "READ", "ALLOW"),
    acl("TOPIC", "beta", "PREFIXED", "User:*", "*", "READ", "ALLOW"),
    acl("TOPIC", "alpha", "PREFIXED", "User:*", "*", "READ", "ALLOW"),
    acl("TOPIC", "alp", "PREFIXED", "User:bob", "*", "READ", "DENY"),
    acl("GROUP", "*", "LITERAL", "User:bob", "*", "WRITE", "ALLOW"),
    acl("GROUP", "wheel", "LITERAL", "User:*", "*", "WRITE", "DENY"),
  ];

  it("testAuthorizationWithManyAcls", () => {
    const authorizer = standardAuthorizer(manyAcls);
    const bob = (op: AclOperation, type: "TOPIC" | "GROUP", name: string) =>
      allowed(authorizer, "bob", op, type, name);
    expect([bob("READ", "TOPIC", "green1"), bob("WRITE", "GROUP", "wheel")]).toEqual([true, false]);
    expect([
      bob("READ", "TOPIC", "alpha"),
      bob("WRITE", "GROUP", "arbitrary"),
      bob("READ", "TOPIC", "ala"),
    ]).toEqual([false, true, false]);
  });

  it("testDenyAuditLogging: the audit line names the PREFIXED DENY `alp` as the rule", () => {
    const authorizer = standardAuthorizer(manyAcls);
    const read = action("bob", "READ", "TOPIC", "alpha");
    const decision = authorize(authorizer, read);
    expect(auditLogLine(read, decision, { apiName: "Fetch", resourceRefCount: 1 })).toBe(
      "Principal = User:bob is Denied operation = READ from host = 127.0.0.1 on resource = Topic:LITERAL:alpha " +
        "for request = Fetch with resourceRefCount = 1 based on rule MatchingAcl(acl=StandardAcl(resourceType=TOPIC, " +
        "resourceName=alp, patternType=PREFIXED, principal=User:bob, host=*, operation=READ, permissionType=DENY))",
    );
  });

  it("testAllowAuditLogging: the audit line names the PREFIXED ALLOW `green` as the rule", () => {
    const authorizer = standardAuthorizer(manyAcls);
    const read = action("bob", "READ", "TOPIC", "green1");
    const decision = authorize(authorizer, read);
    expect(auditLogLine(read, decision, { apiName: "Fetch", resourceRefCount: 1 })).toBe(
      "Principal = User:bob is Allowed operation = READ from host = 127.0.0.1 on resource = Topic:LITERAL:green1 " +
        "for request = Fetch with resourceRefCount = 1 based on rule MatchingAcl(acl=StandardAcl(resourceType=TOPIC, " +
        "resourceName=green, patternType=PREFIXED, principal=User:bob, host=*, operation=READ, permissionType=ALLOW))",
    );
  });

  it("testAuthorizationPriorToCompleteInitialLoad (the part that applies): super users are allowed anything", () => {
    const authorizer = standardAuthorizer(manyAcls);
    expect(allowed(authorizer, "superman", "READ", "TOPIC", "green1")).toBe(true);
    expect(allowed(authorizer, "superman", "WRITE", "GROUP", "wheel")).toBe(true);
  });

  it("testPrefixAcls: a PREFIXED name matches names that start with it; a LITERAL one only itself", () => {
    const authorizer = standardAuthorizer([
      acl("TOPIC", "fooa", "PREFIXED", "User:alice", "*", "ALL", "ALLOW"),
      acl("TOPIC", "foobar", "LITERAL", "User:bob", "*", "ALL", "ALLOW"),
      acl("TOPIC", "f", "PREFIXED", "User:bob", "*", "ALL", "ALLOW"),
    ]);
    const can = (user: string, op: AclOperation, name: string) =>
      allowed(authorizer, user, op, "TOPIC", name);
    expect([
      can("bob", "WRITE", "foobarr"),
      can("bob", "READ", "goobar"),
      can("bob", "READ", "fooa"),
    ]).toEqual([true, false, true]);
    expect([
      can("alice", "DESCRIBE", "fooa"),
      can("alice", "WRITE", "bar"),
      can("alice", "READ", "baz"),
    ]).toEqual([true, false, false]);
  });
});

describe("the decision says why, in the issue's words", () => {
  it("no ACL at all: no ALLOW binding matches User:eve WRITE Topic:orders; allow.everyone.if.no.acl.found=false", () => {
    const write = { ...action("eve", "WRITE", "TOPIC", "orders") };
    const decision = authorize(standardAuthorizer([]), write);
    expect(decision).toEqual({
      result: "DENIED",
      rule: "noAclForResource",
      allowEveryoneIfNoAclFound: false,
    });
    expect(describeDecision(write, decision)).toBe(
      "no ALLOW binding matches User:eve WRITE Topic:orders; allow.everyone.if.no.acl.found=false",
    );
  });

  it("a DENY that wins is named, and so is the ALLOW it beat being irrelevant", () => {
    const authorizer = standardAuthorizer([
      acl("TOPIC", "orders", "LITERAL", "User:eve", "*", "WRITE", "ALLOW"),
      acl("TOPIC", "ord", "PREFIXED", "User:*", "*", "WRITE", "DENY"),
    ]);
    const write = action("eve", "WRITE", "TOPIC", "orders");
    expect(describeDecision(write, authorize(authorizer, write))).toBe(
      "User:eve WRITE Topic:orders is denied: DENY User:* WRITE on Topic:PREFIXED:ord wins over any ALLOW",
    );
  });

  it("an implied operation says which operation implied it", () => {
    const authorizer = standardAuthorizer([
      acl("TOPIC", "orders", "LITERAL", "User:shop", "*", "WRITE", "ALLOW"),
    ]);
    const describeOrders = action("shop", "DESCRIBE", "TOPIC", "orders");
    expect(describeDecision(describeOrders, authorize(authorizer, describeOrders))).toBe(
      "User:shop DESCRIBE Topic:orders is allowed by ALLOW User:shop WRITE on Topic:LITERAL:orders (WRITE implies DESCRIBE)",
    );
  });

  it("bindings for others on the resource make it DENY even with allow.everyone.if.no.acl.found=true", () => {
    const authorizer = standardAuthorizer(
      [acl("TOPIC", "orders", "LITERAL", "User:shop", "*", "WRITE", "ALLOW")],
      {
        allowEveryoneIfNoAclFound: true,
      },
    );
    const write = action("eve", "WRITE", "TOPIC", "orders");
    const decision = authorize(authorizer, write);
    expect(decision).toEqual({ result: "DENIED", rule: "noMatchingAcl", resourceBindingCount: 1 });
    expect(describeDecision(write, decision)).toContain(
      "so it is denied even if allow.everyone.if.no.acl.found=true",
    );
  });
});
