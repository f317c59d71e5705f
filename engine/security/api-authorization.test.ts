// Protects the §9.2 table as the broker will run it: which resources each API checks, in which
// order, and how a denial shows (whole response, per topic/group/key, left out), with KIP-679 for
// the idempotent producer's InitProducerId and OPERATION_NOT_ATTEMPTED for AddPartitionsToTxn.
import { describe, expect, it } from "vitest";
import { type ApiRequest, authorizeApiRequest, ruleFor } from "./api-authorization";
import { API_CHECK_RULES, API_NAMES } from "./api-checks";
import type { Caller } from "./authorize-by-type";
import { CLUSTER_NAME } from "./model";
import { expandRoleGrant } from "./roles";
import { acl, standardAuthorizer } from "./test-support";

const shop: Caller = { principal: "User:shop", host: "10.0.0.1" };
const allow = (
  type: "TOPIC" | "GROUP" | "CLUSTER" | "TRANSACTIONAL_ID",
  name: string,
  op: Parameters<typeof acl>[5],
) => acl(type, name, "LITERAL", "User:shop", "*", op, "ALLOW");

const check = (bindings: Parameters<typeof standardAuthorizer>[0], request: ApiRequest, caller = shop) =>
  authorizeApiRequest(standardAuthorizer(bindings), caller, request);

/** The calls as `OPERATION Type:name → RESULT`, to read the order Kafka checks in. */
const calls = (result: ReturnType<typeof authorizeApiRequest>) =>
  result.calls.map((call) =>
    call.kind === "authorize"
      ? `${call.action.operation} ${call.action.resourceType}:${call.action.resourceName} → ${call.decision.result}`
      : `${call.operation} any ${call.resourceType} → ${call.decision.result}`,
  );

describe("the table", () => {
  it("every API has a row, and every row names its Kafka source", () => {
    for (const api of API_NAMES)
      expect(
        API_CHECK_RULES.some((rule) => rule.api === api),
        api,
      ).toBe(true);
    for (const rule of API_CHECK_RULES)
      expect(rule.source).toMatch(/^(KafkaApis|ControllerApis|AclApis|ConfigHelper)#/);
  });

  it("a request picks its variant: transactional or not, follower or consumer, all topics or named", () => {
    expect(ruleFor({ api: "Produce", transactionalId: "tx", topics: [] }).variant).toBe("transactional");
    expect(ruleFor({ api: "Fetch", fromFollower: true, topics: [] }).variant).toBe("follower");
    expect(ruleFor({ api: "Metadata", allTopics: true, topics: [] }).variant).toBe("all topics");
    expect(ruleFor({ api: "InitProducerId", transactionalId: null }).variant).toBe("idempotent");
    expect(ruleFor({ api: "JoinGroup", groupId: "g" }).variant).toBeNull();
  });
});

describe("Produce", () => {
  it("each topic is checked for WRITE; a denied topic's partitions get TOPIC_AUTHORIZATION_FAILED", () => {
    const result = check([allow("TOPIC", "orders", "WRITE")], {
      api: "Produce",
      transactionalId: null,
      topics: ["orders", "payments", "orders"],
    });
    expect(calls(result)).toEqual(["WRITE TOPIC:orders → ALLOWED", "WRITE TOPIC:payments → DENIED"]);
    expect(result.requestError).toBeNull();
    expect(result.refused).toEqual([
      { resourceType: "TOPIC", name: "payments", error: "TOPIC_AUTHORIZATION_FAILED" },
    ]);
  });

  it("transactional batches without WRITE on the transactional id fail the whole request, topics unchecked", () => {
    const result = check([allow("TOPIC", "orders", "WRITE")], {
      api: "Produce",
      transactionalId: "tx-1",
      topics: ["orders"],
    });
    expect(calls(result)).toEqual(["WRITE TRANSACTIONAL_ID:tx-1 → DENIED"]);
    expect(result.requestError).toBe("TRANSACTIONAL_ID_AUTHORIZATION_FAILED");
  });
});

describe("Fetch, Metadata, ListOffsets, OffsetForLeaderEpoch", () => {
  it("a follower without CLUSTER_ACTION gets TOPIC_AUTHORIZATION_FAILED on every partition", () => {
    const result = check([], { api: "Fetch", fromFollower: true, topics: ["orders"] });
    expect(calls(result)).toEqual([`CLUSTER_ACTION CLUSTER:${CLUSTER_NAME} → DENIED`]);
    expect(result.requestError).toBe("TOPIC_AUTHORIZATION_FAILED");
  });

  it("a consumer needs READ on each topic it fetches", () => {
    const result = check([allow("TOPIC", "orders", "READ")], {
      api: "Fetch",
      fromFollower: false,
      topics: ["orders", "audit"],
    });
    expect(result.refused.map((r) => r.name)).toEqual(["audit"]);
  });

  it("Metadata for named topics refuses each; for all topics it leaves the undescribable out", () => {
    const bindings = [allow("TOPIC", "orders", "WRITE")];
    const named = check(bindings, { api: "Metadata", allTopics: false, topics: ["orders", "audit"] });
    expect(named.refused).toEqual([
      { resourceType: "TOPIC", name: "audit", error: "TOPIC_AUTHORIZATION_FAILED" },
    ]);
    const all = check(bindings, { api: "Metadata", allTopics: true, topics: ["orders", "audit"] });
    expect(all.refused).toEqual([]);
    expect(all.omitted).toEqual(["audit"]);
  });

  it("ListOffsets needs DESCRIBE, which READ implies", () => {
    const result = check([allow("TOPIC", "orders", "READ")], { api: "ListOffsets", topics: ["orders"] });
    expect(calls(result)).toEqual(["DESCRIBE TOPIC:orders → ALLOWED"]);
  });

  it("OffsetForLeaderEpoch: CLUSTER_ACTION on the cluster passes every topic without looking at them", () => {
    const broker: Caller = { principal: "User:broker", host: "10.0.0.9" };
    const clusterAction = acl(
      "CLUSTER",
      CLUSTER_NAME,
      "LITERAL",
      "User:broker",
      "*",
      "CLUSTER_ACTION",
      "ALLOW",
    );
    const result = check(
      [clusterAction],
      { api: "OffsetForLeaderEpoch", topics: ["orders", "audit"] },
      broker,
    );
    expect(calls(result)).toEqual([`CLUSTER_ACTION CLUSTER:${CLUSTER_NAME} → ALLOWED`]);
    expect(result.refused).toEqual([]);
  });
});

describe("groups", () => {
  const consumer: Caller = { principal: "User:reports", host: "10.0.0.2" };
  const consumerRole = expandRoleGrant("reports", { role: "consumer", topic: "orders", group: "reports" });

  it("a consumer allowed on the topic but not on the group: JoinGroup fails with GROUP_AUTHORIZATION_FAILED", () => {
    const result = check(consumerRole, { api: "JoinGroup", groupId: "audit" }, consumer);
    expect(calls(result)).toEqual(["READ GROUP:audit → DENIED"]);
    expect(result.requestError).toBe("GROUP_AUTHORIZATION_FAILED");
    expect(check(consumerRole, { api: "JoinGroup", groupId: "reports" }, consumer).requestError).toBeNull();
  });

  it("FindCoordinator answers each key on its own (DESCRIBE, which READ implies)", () => {
    const result = check(
      consumerRole,
      { api: "FindCoordinator", keyType: "GROUP", keys: ["reports", "audit"] },
      consumer,
    );
    expect(result.refused).toEqual([
      { resourceType: "GROUP", name: "audit", error: "GROUP_AUTHORIZATION_FAILED" },
    ]);
  });

  it("OffsetCommit checks the group first, then each topic", () => {
    const denied = check(
      consumerRole,
      { api: "OffsetCommit", groupId: "audit", topics: ["orders"] },
      consumer,
    );
    expect(calls(denied)).toEqual(["READ GROUP:audit → DENIED"]);
    expect(denied.requestError).toBe("GROUP_AUTHORIZATION_FAILED");
    const perTopic = check(
      consumerRole,
      { api: "OffsetCommit", groupId: "reports", topics: ["orders", "audit"] },
      consumer,
    );
    expect(calls(perTopic)).toEqual([
      "READ GROUP:reports → ALLOWED",
      "READ TOPIC:orders → ALLOWED",
      "READ TOPIC:audit → DENIED",
    ]);
    expect(perTopic.refused.map((r) => `${r.name} ${r.error}`)).toEqual(["audit TOPIC_AUTHORIZATION_FAILED"]);
  });

  it("OffsetFetch for all partitions leaves out the topics the member may not DESCRIBE", () => {
    const result = check(
      consumerRole,
      { api: "OffsetFetch", groupId: "reports", allPartitions: true, topics: ["orders", "audit"] },
      consumer,
    );
    expect(result.omitted).toEqual(["audit"]);
    expect(result.requestError).toBeNull();
  });
});

describe("producer ids and transactions", () => {
  it("KIP-679: an idempotent producer with WRITE on a PREFIXED topic gets its producer id without IDEMPOTENT_WRITE", () => {
    const write = acl("TOPIC", "ord", "PREFIXED", "User:shop", "*", "WRITE", "ALLOW");
    const result = check([write], { api: "InitProducerId", transactionalId: null });
    expect(calls(result)).toEqual([
      `IDEMPOTENT_WRITE CLUSTER:${CLUSTER_NAME} → DENIED`,
      "WRITE any TOPIC → ALLOWED",
    ]);
    expect(result.requestError).toBeNull();
  });

  it("an idempotent producer with no WRITE anywhere gets CLUSTER_AUTHORIZATION_FAILED", () => {
    const result = check([allow("TOPIC", "orders", "READ")], {
      api: "InitProducerId",
      transactionalId: null,
    });
    expect(result.requestError).toBe("CLUSTER_AUTHORIZATION_FAILED");
  });

  it("IDEMPOTENT_WRITE on the cluster suffices on its own", () => {
    const result = check([allow("CLUSTER", CLUSTER_NAME, "IDEMPOTENT_WRITE")], {
      api: "InitProducerId",
      transactionalId: null,
    });
    expect(calls(result)).toEqual([`IDEMPOTENT_WRITE CLUSTER:${CLUSTER_NAME} → ALLOWED`]);
  });

  it("a transactional InitProducerId needs WRITE on the transactional id", () => {
    const result = check([allow("TOPIC", "orders", "WRITE")], {
      api: "InitProducerId",
      transactionalId: "tx-1",
    });
    expect(result.requestError).toBe("TRANSACTIONAL_ID_AUTHORIZATION_FAILED");
  });

  it("AddPartitionsToTxn: denied topics get TOPIC_AUTHORIZATION_FAILED, the rest OPERATION_NOT_ATTEMPTED", () => {
    const bindings = [allow("TRANSACTIONAL_ID", "tx-1", "WRITE"), allow("TOPIC", "orders", "WRITE")];
    const result = check(bindings, {
      api: "AddPartitionsToTxn",
      transactionalId: "tx-1",
      topics: ["orders", "audit"],
    });
    expect(result.refused.map((r) => r.name)).toEqual(["audit"]);
    expect(result.othersError).toBe("OPERATION_NOT_ATTEMPTED");
    const fine = check(bindings, { api: "AddPartitionsToTxn", transactionalId: "tx-1", topics: ["orders"] });
    expect(fine.othersError).toBeNull();
  });

  it("AddOffsetsToTxn and TxnOffsetCommit check the transactional id, then the group (then the topics)", () => {
    const bindings = [allow("TRANSACTIONAL_ID", "tx-1", "WRITE"), allow("TOPIC", "orders", "READ")];
    const addOffsets = check(bindings, { api: "AddOffsetsToTxn", transactionalId: "tx-1", groupId: "g" });
    expect(calls(addOffsets)).toEqual(["WRITE TRANSACTIONAL_ID:tx-1 → ALLOWED", "READ GROUP:g → DENIED"]);
    expect(addOffsets.requestError).toBe("GROUP_AUTHORIZATION_FAILED");
    const withGroup = [...bindings, allow("GROUP", "g", "READ")];
    const commit = check(withGroup, {
      api: "TxnOffsetCommit",
      transactionalId: "tx-1",
      groupId: "g",
      topics: ["orders"],
    });
    expect(calls(commit)).toEqual([
      "WRITE TRANSACTIONAL_ID:tx-1 → ALLOWED",
      "READ GROUP:g → ALLOWED",
      "READ TOPIC:orders → ALLOWED",
    ]);
    expect(check(withGroup, { api: "EndTxn", transactionalId: "tx-1" }).requestError).toBeNull();
  });
});

describe("admin APIs", () => {
  it("CreatePartitions needs ALTER on each topic", () => {
    const result = check([allow("TOPIC", "orders", "ALTER")], {
      api: "CreatePartitions",
      topics: ["orders", "audit"],
    });
    expect(result.refused.map((r) => r.name)).toEqual(["audit"]);
  });

  it("DescribeConfigs: a broker resource is checked on the cluster and refused as CLUSTER_AUTHORIZATION_FAILED", () => {
    const result = check([allow("TOPIC", "orders", "ALTER_CONFIGS")], {
      api: "DescribeConfigs",
      resources: [
        { type: "BROKER", name: "1" },
        { type: "TOPIC", name: "orders" },
        { type: "GROUP", name: "g" },
      ],
    });
    expect(calls(result)).toEqual([
      `DESCRIBE_CONFIGS CLUSTER:${CLUSTER_NAME} → DENIED`,
      "DESCRIBE_CONFIGS TOPIC:orders → ALLOWED",
      "DESCRIBE_CONFIGS GROUP:g → DENIED",
    ]);
    expect(result.refused).toEqual([
      { resourceType: "CLUSTER", name: "1", error: "CLUSTER_AUTHORIZATION_FAILED" },
      { resourceType: "GROUP", name: "g", error: "GROUP_AUTHORIZATION_FAILED" },
    ]);
  });

  it("the ACL APIs need DESCRIBE or ALTER on the cluster, else the whole response fails", () => {
    expect(check([], { api: "DescribeAcls" }).requestError).toBe("CLUSTER_AUTHORIZATION_FAILED");
    const alter = [allow("CLUSTER", CLUSTER_NAME, "ALTER")];
    expect(check(alter, { api: "CreateAcls" }).requestError).toBeNull();
    expect(check(alter, { api: "DescribeAcls" }).requestError).toBeNull();
    expect(calls(check(alter, { api: "DeleteAcls" }))).toEqual([`ALTER CLUSTER:${CLUSTER_NAME} → ALLOWED`]);
  });
});
