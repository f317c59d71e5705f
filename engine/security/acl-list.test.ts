// Protects `kafka-acls --list` output byte for byte as Kafka 4.x prints it (AclCommand
// #printResourceAcls: a block per pattern, tab-indented entries, a blank line after each block),
// the --principal header, and --resource-pattern-type (LITERAL by default; MATCH shows `*` and
// PREFIXED bindings that cover the name).
import { describe, expect, it } from "vitest";
import { listAcls, listFilters } from "./acl-list";
import { acl } from "./test-support";

const aliceReadsOrders = acl("TOPIC", "orders", "LITERAL", "User:alice", "*", "READ", "ALLOW");
const bobWritesOrd = acl("TOPIC", "ord", "PREFIXED", "User:bob", "*", "WRITE", "ALLOW");
const everyoneDescribes = acl("TOPIC", "*", "LITERAL", "User:*", "*", "DESCRIBE", "ALLOW");
const bobGroup = acl("GROUP", "billing", "LITERAL", "User:bob", "10.0.0.7", "READ", "DENY");
const all = [bobGroup, everyoneDescribes, bobWritesOrd, aliceReadsOrders];

describe("kafka-acls --list", () => {
  it("prints kafka-semantics.md §9.3's example exactly", () => {
    expect(listAcls([aliceReadsOrders])).toBe(
      "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:\n" +
        "\t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)\n" +
        "\n",
    );
  });

  it("without options: every pattern, one block each, in a fixed order", () => {
    expect(listAcls(all)).toBe(
      [
        "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=*, patternType=LITERAL)`:",
        "\t(principal=User:*, host=*, operation=DESCRIBE, permissionType=ALLOW)",
        "",
        "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=ord, patternType=PREFIXED)`:",
        "\t(principal=User:bob, host=*, operation=WRITE, permissionType=ALLOW)",
        "",
        "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:",
        "\t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)",
        "",
        "Current ACLs for resource `ResourcePattern(resourceType=GROUP, name=billing, patternType=LITERAL)`:",
        "\t(principal=User:bob, host=10.0.0.7, operation=READ, permissionType=DENY)",
        "",
        "",
      ].join("\n"),
    );
  });

  it("several entries of one pattern share its block", () => {
    const aliceWrites = { ...aliceReadsOrders, operation: "WRITE" as const };
    expect(listAcls([aliceWrites, aliceReadsOrders])).toBe(
      "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:\n" +
        "\t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)\n" +
        "\t(principal=User:alice, host=*, operation=WRITE, permissionType=ALLOW)\n" +
        "\n",
    );
  });

  it("--topic orders lists only the LITERAL `orders` pattern; with --resource-pattern-type match, `*` and `ord` too", () => {
    expect(listAcls(all, { topics: ["orders"] })).toBe(listAcls([aliceReadsOrders]));
    expect(listAcls(all, { topics: ["orders"], resourcePatternType: "MATCH" })).toBe(
      listAcls([everyoneDescribes, bobWritesOrd, aliceReadsOrders]),
    );
    expect(listAcls(all, { topics: ["orders"], resourcePatternType: "PREFIXED" })).toBe("");
  });

  it("--principal prints a header per principal, then only that principal's entries", () => {
    expect(listAcls(all, { principals: ["User:bob", "User:carol"] })).toBe(
      "ACLs for principal `User:bob`\n" +
        "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=ord, patternType=PREFIXED)`:\n" +
        "\t(principal=User:bob, host=*, operation=WRITE, permissionType=ALLOW)\n" +
        "\n" +
        "Current ACLs for resource `ResourcePattern(resourceType=GROUP, name=billing, patternType=LITERAL)`:\n" +
        "\t(principal=User:bob, host=10.0.0.7, operation=READ, permissionType=DENY)\n" +
        "\n" +
        "ACLs for principal `User:carol`\n",
    );
  });

  it("--cluster adds the kafka-cluster filter only with the LITERAL pattern type, as kafka-acls does", () => {
    expect(listFilters({ cluster: true })).toEqual([
      { resourceType: "CLUSTER", resourceName: "kafka-cluster", patternType: "LITERAL" },
    ]);
    expect(listFilters({ cluster: true, resourcePatternType: "MATCH" })).toEqual([]);
  });

  it("no bindings print nothing", () => {
    expect(listAcls([])).toBe("");
  });
});
