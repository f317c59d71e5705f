// Protects how `cluster.security` and the security commands are read: Kafka's defaults
// (authorizer off, allow.everyone.if.no.acl.found=false, host `*`), super.users parsed as
// StandardAuthorizerTest.testGetConfiguredSuperUsers expects, and every refusal worded as Kafka's
// CreateAcls (INVALID_REQUEST) or kafka-acls words it.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { aclBindingSchema, SECURITY_COMMAND_SCHEMAS, securityConfigSchema } from "./schema";

const messages = (result: { success: boolean; error?: z.ZodError }) =>
  result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);

const commandSchema = z.discriminatedUnion("type", [...SECURITY_COMMAND_SCHEMAS]);

describe("an ACL binding", () => {
  it("reads as the issue writes it, with host `*` and pattern LITERAL when left out", () => {
    const parsed = aclBindingSchema.parse({
      principal: "User:shop",
      resourceType: "TOPIC",
      resourceName: "orders",
      operation: "WRITE",
      permission: "ALLOW",
    });
    expect(parsed).toEqual({
      principal: "User:shop",
      resourceType: "TOPIC",
      patternType: "LITERAL",
      resourceName: "orders",
      operation: "WRITE",
      permission: "ALLOW",
      host: "*",
    });
  });

  it("a CLUSTER binding is named kafka-cluster, and only that (AclApis.handleCreateAcls)", () => {
    const cluster = {
      principal: "User:shop",
      resourceType: "CLUSTER",
      operation: "IDEMPOTENT_WRITE",
      permission: "ALLOW",
    };
    expect(aclBindingSchema.parse(cluster).resourceName).toBe("kafka-cluster");
    expect(messages(aclBindingSchema.safeParse({ ...cluster, resourceName: "my-cluster" }))).toEqual([
      "resourceName: The only valid name for the CLUSTER resource is kafka-cluster (INVALID_REQUEST)",
    ]);
  });

  it("testEmptyAclThrowsException: an empty name, or ANY/MATCH as a stored pattern, is INVALID_REQUEST", () => {
    const group = { principal: "User:*", resourceType: "GROUP", operation: "READ", permission: "ALLOW" };
    expect(messages(aclBindingSchema.safeParse({ ...group, resourceName: "" }))).toEqual([
      "resourceName: Invalid empty resource name (INVALID_REQUEST)",
    ]);
    for (const patternType of ["ANY", "MATCH"]) {
      expect(messages(aclBindingSchema.safeParse({ ...group, resourceName: "g", patternType }))).toEqual([
        `patternType: Invalid patternType ${patternType} (INVALID_REQUEST)`,
      ]);
    }
    expect(messages(aclBindingSchema.safeParse(group))).toEqual([
      "resourceName: a GROUP binding needs a resourceName",
    ]);
  });

  it("a principal is Type:name, as kafka-acls parses it", () => {
    const binding = { resourceType: "TOPIC", resourceName: "t", operation: "READ", permission: "ALLOW" };
    expect(messages(aclBindingSchema.safeParse({ ...binding, principal: "bob" }))).toEqual([
      "principal: expected a string in format principalType:principalName but got bob",
    ]);
    expect(aclBindingSchema.safeParse({ ...binding, principal: "User:*" }).success).toBe(true);
  });

  it("an operation must suit the resource type, as kafka-acls checks (in Kafka's enum order)", () => {
    const binding = { principal: "User:a", resourceType: "CLUSTER", permission: "ALLOW", operation: "READ" };
    expect(messages(aclBindingSchema.safeParse(binding))).toEqual([
      "operation: ResourceType CLUSTER only supports operations [ALL, CREATE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS, IDEMPOTENT_WRITE]",
    ]);
    const txn = { ...binding, resourceType: "TRANSACTIONAL_ID", resourceName: "tx", operation: "READ" };
    expect(messages(aclBindingSchema.safeParse(txn))).toEqual([
      "operation: ResourceType TRANSACTIONAL_ID only supports operations [ALL, WRITE, DESCRIBE]",
    ]);
  });
});

describe("cluster.security", () => {
  it("testGetDefaultResult: authorizer off, allow.everyone.if.no.acl.found=false, nothing else", () => {
    expect(securityConfigSchema.parse({})).toEqual({
      authorizer: false,
      superUsers: [],
      allowEveryoneIfNoAclFound: false,
      acls: [],
      users: [],
    });
  });

  it("testGetConfiguredSuperUsers: Kafka's `;` list, blanks and empty entries ignored; a list works too", () => {
    const superUsers = (value: unknown) => securityConfigSchema.parse({ superUsers: value }).superUsers;
    expect(superUsers(" ")).toEqual([]);
    expect(superUsers("User:bob;User:alice ")).toEqual(["User:bob", "User:alice"]);
    expect(superUsers(";  User:bob  ;  User:alice ")).toEqual(["User:bob", "User:alice"]);
    expect(superUsers(["User:admin"])).toEqual(["User:admin"]);
    expect(messages(securityConfigSchema.safeParse({ superUsers: "bob;:alice" }))).toEqual([
      "superUsers: expected a string in format principalType:principalName but got bob",
    ]);
  });

  it("users hold roles by the service's names or their aliases; admin only on every topic", () => {
    const parsed = securityConfigSchema.safeParse({
      users: [
        { name: "billing", roles: [{ role: "producer", topic: "orders" }] },
        { name: "reports", roles: [{ role: "ACCESS_ROLE_CONSUMER", topic: "orders*", group: "reports" }] },
        { name: "ops", roles: [{ role: "ACCESS_ROLE_ADMIN", topic: "*" }] },
      ],
    });
    expect(parsed.success).toBe(true);
    const refused = securityConfigSchema.safeParse({
      users: [
        { name: "ops", roles: [{ role: "admin", topic: "orders" }] },
        { name: "ops", roles: [{ role: "consumer", topic: "orders**" }] },
        { name: "bad name", roles: [{ role: "reader", topic: "orders" }] },
      ],
    });
    expect(messages(refused)).toEqual([
      'users.0.roles.0.topic: ACCESS_ROLE_ADMIN is granted on every topic only: use "topic": "*"',
      'users.1.roles.0.topic: a topic name, a prefix ending in * ("orders*"), or * for every topic',
      "users.2.name: use 1-64 letters, digits, '.', '_', '@' or '-'",
      expect.stringMatching(/^users\.2\.roles\.0\.role: Invalid option/),
    ]);
  });

  it("a user is listed once", () => {
    const parsed = securityConfigSchema.safeParse({ users: [{ name: "billing" }, { name: "billing" }] });
    expect(messages(parsed)).toEqual(['users.1.name: duplicate user "billing"']);
  });
});

describe("the security commands", () => {
  it("createAcls takes bindings, refused one by one with Kafka's messages", () => {
    const refused = commandSchema.safeParse({
      type: "createAcls",
      acls: [
        {
          principal: "User:a",
          resourceType: "TOPIC",
          resourceName: "t",
          operation: "READ",
          permission: "ALLOW",
          patternType: "MATCH",
        },
      ],
    });
    expect(messages(refused)).toEqual(["acls.0.patternType: Invalid patternType MATCH (INVALID_REQUEST)"]);
  });

  it("deleteAcls takes kafka-acls --remove filters: MATCH and ANY allowed, missing entry fields match anything", () => {
    const parsed = commandSchema.parse({
      type: "deleteAcls",
      filters: [
        { resourceType: "TOPIC", resourceName: "orders", patternType: "MATCH", principal: "User:eve" },
      ],
    });
    expect(parsed).toEqual({
      type: "deleteAcls",
      filters: [
        {
          resourceType: "TOPIC",
          resourceName: "orders",
          patternType: "MATCH",
          principal: "User:eve",
          host: null,
          operation: "ANY",
          permission: "ANY",
        },
      ],
    });
  });

  it("grantRole refuses the admin role on one topic; revokeRole takes the same fields", () => {
    expect(
      messages(commandSchema.safeParse({ type: "grantRole", user: "ops", role: "admin", topic: "orders" })),
    ).toEqual(['topic: ACCESS_ROLE_ADMIN is granted on every topic only: use "topic": "*"']);
    const revoke = { type: "revokeRole", user: "billing", role: "ACCESS_ROLE_PRODUCER", topic: "orders" };
    expect(commandSchema.parse(revoke)).toEqual(revoke);
  });
});
