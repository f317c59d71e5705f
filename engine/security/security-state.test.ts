// Protects the security commands as pure functions on the cluster's security: createAcls keeps one
// copy of an existing binding, deleteAcls removes created bindings only (a role's go with the
// role), granting and revoking roles, and a binding two roles give surviving the revocation of one.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ANY_ENTRY } from "./acl-filter";
import { authorize } from "./authorizer";
import { ANONYMOUS_PRINCIPAL, CLUSTER_NAME } from "./model";
import { SECURITY_COMMAND_SCHEMAS, securityConfigSchema } from "./schema";
import {
  applyCreateAcls,
  applyDeleteAcls,
  applyGrantRole,
  applyRevokeRole,
  applySecurityCommand,
  authorizerOf,
  effectiveBindings,
  roleRows,
  type SecurityState,
  securityStateOf,
} from "./security-state";
import { acl } from "./test-support";

const readOrders = acl("TOPIC", "orders", "LITERAL", "User:eve", "*", "READ", "ALLOW");
const writeOrders = acl("TOPIC", "orders", "LITERAL", "User:eve", "*", "WRITE", "ALLOW");

const state = securityStateOf(
  securityConfigSchema.parse({
    authorizer: true,
    acls: [readOrders, readOrders],
    users: [{ name: "billing", roles: [{ role: "producer", topic: "orders" }] }],
  }),
);

const eveCan = (s: typeof state, operation: "READ" | "WRITE") =>
  authorize(authorizerOf(s), {
    principal: "User:eve",
    host: "10.0.0.1",
    operation,
    resourceType: "TOPIC",
    resourceName: "orders",
  }).result;

describe("createAcls and deleteAcls", () => {
  it("the scenario's repeated binding is kept once; creating an existing one changes nothing", () => {
    expect(state.acls).toEqual([readOrders]);
    const again = applyCreateAcls(state, [readOrders, writeOrders, writeOrders]);
    expect(again.created).toEqual([writeOrders]);
    expect(again.state.acls).toEqual([readOrders, writeOrders]);
  });

  it("takes effect on the next decision", () => {
    expect(eveCan(state, "WRITE")).toBe("DENIED");
    expect(eveCan(applyCreateAcls(state, [writeOrders]).state, "WRITE")).toBe("ALLOWED");
  });

  it("a MATCH filter removes every created binding on patterns covering the name, and reports them", () => {
    const prefixed = acl("TOPIC", "ord", "PREFIXED", "User:eve", "*", "READ", "ALLOW");
    const withPrefixed = applyCreateAcls(state, [prefixed]).state;
    const filter = {
      resourceType: "TOPIC",
      resourceName: "orders",
      patternType: "MATCH",
      ...ANY_ENTRY,
    } as const;
    const { state: after, deleted } = applyDeleteAcls(withPrefixed, [filter]);
    expect(deleted).toEqual([[readOrders, prefixed]]);
    expect(after.acls).toEqual([]);
    // The producer role's topic bindings for User:billing are not created bindings: they stay.
    expect(
      effectiveBindings(after).some((b) => b.principal === "User:billing" && b.operation === "WRITE"),
    ).toBe(true);
  });
});

describe("grantRole and revokeRole", () => {
  it("granting creates the user; granting again (even by an alias) changes nothing", () => {
    const granted = applyGrantRole(state, "reports", { role: "consumer", topic: "orders", group: "reports" });
    expect(granted.granted).toBe(true);
    expect(granted.state.users.map((u) => u.name)).toEqual(["billing", "reports"]);
    const again = applyGrantRole(granted.state, "reports", {
      role: "ACCESS_ROLE_CONSUMER",
      topic: "orders",
      group: "reports",
    });
    expect(again).toEqual({ state: granted.state, granted: false });
  });

  it("the panel's rows: each role beside its bindings", () => {
    const [row] = roleRows(state);
    expect(row?.user).toBe("billing");
    expect(row?.role).toBe("producer");
    expect(row?.bindings.map((b) => `${b.operation} ${b.resourceType}`)).toContain("WRITE TOPIC");
  });

  it("a binding two roles give survives revoking one of them", () => {
    const both = applyGrantRole(state, "billing", { role: "consumer", topic: "payments" }).state;
    const describeCluster = (s: typeof state) =>
      effectiveBindings(s).filter(
        (b) => b.principal === "User:billing" && b.resourceType === "CLUSTER" && b.operation === "DESCRIBE",
      );
    expect(describeCluster(both)).toEqual([
      acl("CLUSTER", CLUSTER_NAME, "LITERAL", "User:billing", "*", "DESCRIBE", "ALLOW"),
    ]);
    const revoked = applyRevokeRole(both, "billing", { role: "producer", topic: "orders" });
    if (!revoked.ok) throw new Error(revoked.message);
    expect(describeCluster(revoked.state)).toHaveLength(1);
    expect(
      effectiveBindings(revoked.state).some((b) => b.principal === "User:billing" && b.operation === "WRITE"),
    ).toBe(false);
  });

  it("revoking a role the user does not hold is refused with what is missing", () => {
    expect(applyRevokeRole(state, "billing", { role: "consumer", topic: "orders" })).toEqual({
      ok: false,
      message: 'user "billing" has no role consumer on topic "orders"',
    });
    expect(applyRevokeRole(state, "nobody", { role: "consumer", topic: "orders" })).toEqual({
      ok: false,
      message: 'no user "nobody"',
    });
  });
});

describe("commands as they arrive from a scenario or the UI", () => {
  const command = z.discriminatedUnion("type", [...SECURITY_COMMAND_SCHEMAS]);
  const apply = (s: SecurityState, input: unknown) => applySecurityCommand(s, command.parse(input));
  const ok = (result: ReturnType<typeof apply>) => {
    if (!result.ok) throw new Error(result.message);
    return result.state;
  };

  it("kafka-acls --add as createAcls, then --remove as deleteAcls", () => {
    const added = ok(
      apply(state, {
        type: "createAcls",
        acls: [
          {
            principal: "User:eve",
            resourceType: "TOPIC",
            resourceName: "orders",
            operation: "WRITE",
            permission: "ALLOW",
          },
        ],
      }),
    );
    expect(eveCan(added, "WRITE")).toBe("ALLOWED");
    const removed = ok(
      apply(added, {
        type: "deleteAcls",
        filters: [{ resourceType: "TOPIC", resourceName: "orders", principal: "User:eve" }],
      }),
    );
    expect(removed.acls).toEqual([]);
    expect(eveCan(removed, "READ")).toBe("DENIED");
  });

  it("a role granted by its ACCESS_ROLE_* name is revoked by its short name", () => {
    const granted = ok(
      apply(state, { type: "grantRole", user: "eve", role: "ACCESS_ROLE_PRODUCER", topic: "orders" }),
    );
    expect(eveCan(granted, "WRITE")).toBe("ALLOWED");
    const revoked = ok(
      apply(granted, { type: "revokeRole", user: "eve", role: "producer", topic: "orders" }),
    );
    expect(eveCan(revoked, "WRITE")).toBe("DENIED");
    expect(apply(revoked, { type: "revokeRole", user: "eve", role: "producer", topic: "orders" })).toEqual({
      ok: false,
      message: 'user "eve" has no role producer on topic "orders"',
    });
  });

  it("a client without a principal is User:ANONYMOUS, which only User:* bindings cover", () => {
    const anonymous = (s: SecurityState) =>
      authorize(authorizerOf(s), {
        principal: ANONYMOUS_PRINCIPAL,
        host: "10.0.0.3",
        operation: "READ",
        resourceType: "TOPIC",
        resourceName: "orders",
      }).result;
    expect(anonymous(state)).toBe("DENIED");
    const everyone = acl("TOPIC", "orders", "LITERAL", "User:*", "*", "READ", "ALLOW");
    expect(anonymous(applyCreateAcls(state, [everyone]).state)).toBe("ALLOWED");
  });
});
