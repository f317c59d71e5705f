// Protects the managed service's roles as Kafka ACLs (kafka-semantics.md §9.4, our reading): each
// role's bindings for User:<name>, topic `name`/`prefix*`/`*`, the group (every group when none), the
// aliases, and what the bindings then allow: a producer writes but does not read, a consumer reads
// its topic through its own group only.
import { describe, expect, it } from "vitest";
import { authorize, createAuthorizer } from "./authorizer";
import { type AclBinding, type AclOperation, CLUSTER_NAME, type ResourceType } from "./model";
import { expandRoleGrant, ROLE_ALIASES, ROLE_DEFINITIONS, ROLE_MAPPING_NOTE, type RoleGrant } from "./roles";

const rows = (bindings: readonly AclBinding[]) =>
  bindings.map(
    (b) =>
      `${b.principal} ${b.permission} ${b.operation} ${b.resourceType}:${b.patternType}:${b.resourceName}`,
  );

describe("roles expand into ALLOW bindings for User:<name>", () => {
  it("consumer on orders for group reports: topic view, config view, read; cluster view; group read", () => {
    expect(rows(expandRoleGrant("reports", { role: "consumer", topic: "orders", group: "reports" }))).toEqual(
      [
        "User:reports ALLOW DESCRIBE TOPIC:LITERAL:orders",
        "User:reports ALLOW DESCRIBE_CONFIGS TOPIC:LITERAL:orders",
        "User:reports ALLOW READ TOPIC:LITERAL:orders",
        `User:reports ALLOW DESCRIBE CLUSTER:LITERAL:${CLUSTER_NAME}`,
        "User:reports ALLOW READ GROUP:LITERAL:reports",
      ],
    );
  });

  it("producer on `orders*`: PREFIXED topic bindings, idempotent write, every transactional id and group", () => {
    expect(rows(expandRoleGrant("billing", { role: "producer", topic: "orders*" }))).toEqual([
      "User:billing ALLOW DESCRIBE TOPIC:PREFIXED:orders",
      "User:billing ALLOW DESCRIBE_CONFIGS TOPIC:PREFIXED:orders",
      "User:billing ALLOW WRITE TOPIC:PREFIXED:orders",
      "User:billing ALLOW CREATE TOPIC:PREFIXED:orders",
      `User:billing ALLOW DESCRIBE CLUSTER:LITERAL:${CLUSTER_NAME}`,
      `User:billing ALLOW IDEMPOTENT_WRITE CLUSTER:LITERAL:${CLUSTER_NAME}`,
      "User:billing ALLOW WRITE TRANSACTIONAL_ID:LITERAL:*",
      "User:billing ALLOW DESCRIBE GROUP:LITERAL:*",
      "User:billing ALLOW READ GROUP:LITERAL:*",
    ]);
  });

  it("topic-admin on `*` and admin: LITERAL `*` is every topic", () => {
    expect(rows(expandRoleGrant("ops", { role: "topic-admin", topic: "*" }))).toEqual([
      "User:ops ALLOW READ TOPIC:LITERAL:*",
      "User:ops ALLOW WRITE TOPIC:LITERAL:*",
      "User:ops ALLOW CREATE TOPIC:LITERAL:*",
      "User:ops ALLOW DELETE TOPIC:LITERAL:*",
      "User:ops ALLOW DESCRIBE GROUP:LITERAL:*",
      "User:ops ALLOW READ GROUP:LITERAL:*",
    ]);
    expect(rows(expandRoleGrant("root", { role: "admin", topic: "*" }))).toEqual([
      "User:root ALLOW ALL TOPIC:LITERAL:*",
      `User:root ALLOW DESCRIBE CLUSTER:LITERAL:${CLUSTER_NAME}`,
      `User:root ALLOW DESCRIBE_CONFIGS CLUSTER:LITERAL:${CLUSTER_NAME}`,
      `User:root ALLOW IDEMPOTENT_WRITE CLUSTER:LITERAL:${CLUSTER_NAME}`,
      `User:root ALLOW CREATE CLUSTER:LITERAL:${CLUSTER_NAME}`,
      "User:root ALLOW WRITE TRANSACTIONAL_ID:LITERAL:*",
      "User:root ALLOW DESCRIBE GROUP:LITERAL:*",
      "User:root ALLOW READ GROUP:LITERAL:*",
      "User:root ALLOW DELETE GROUP:LITERAL:*",
    ]);
  });

  it("every ACCESS_ROLE_* alias expands exactly as its role", () => {
    for (const [alias, role] of Object.entries(ROLE_ALIASES)) {
      const grant = { topic: "*", group: "g" };
      expect(expandRoleGrant("u", { ...grant, role: alias as RoleGrant["role"] })).toEqual(
        expandRoleGrant("u", { ...grant, role }),
      );
      expect(ROLE_DEFINITIONS[role].serviceName.startsWith("ACCESS_ROLE_")).toBe(true);
    }
  });

  it("the UI's note says the mapping is our reading of the service's lists", () => {
    expect(ROLE_MAPPING_NOTE).toContain("Topicscope's reading");
  });
});

describe("what the roles allow", () => {
  const authorizer = createAuthorizer({ superUsers: [], allowEveryoneIfNoAclFound: false }, [
    ...expandRoleGrant("billing", { role: "producer", topic: "orders" }),
    ...expandRoleGrant("reports", { role: "consumer", topic: "orders", group: "reports" }),
  ]);
  const can = (user: string, operation: AclOperation, resourceType: ResourceType, resourceName: string) =>
    authorize(authorizer, {
      principal: `User:${user}`,
      host: "10.0.0.1",
      operation,
      resourceType,
      resourceName,
    }).result === "ALLOWED";

  it("the producer writes orders and may be idempotent, but reads nothing", () => {
    expect(can("billing", "WRITE", "TOPIC", "orders")).toBe(true);
    expect(can("billing", "IDEMPOTENT_WRITE", "CLUSTER", CLUSTER_NAME)).toBe(true);
    expect(can("billing", "READ", "TOPIC", "orders")).toBe(false);
    expect(can("billing", "WRITE", "TOPIC", "payments")).toBe(false);
  });

  it("the consumer reads orders in group reports; in another group its JoinGroup would be refused", () => {
    expect(can("reports", "READ", "TOPIC", "orders")).toBe(true);
    expect(can("reports", "READ", "GROUP", "reports")).toBe(true);
    expect(can("reports", "READ", "GROUP", "audit")).toBe(false);
    expect(can("reports", "WRITE", "TOPIC", "orders")).toBe(false);
  });

  it("someone without a role gets nothing", () => {
    expect(can("eve", "DESCRIBE", "TOPIC", "orders")).toBe(false);
  });
});
