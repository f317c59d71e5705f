// Protects ACL filters (kafka-acls --list/--remove, describeAcls, deleteAcls) with Kafka's
// ResourcePatternFilterTest vectors, AuthorizerTest's testAclsFilter (each delete filter sees the
// ACLs as they were before the request) and its add/remove cases on LITERAL, `*` and PREFIXED.
import { describe, expect, it } from "vitest";
import {
  type AclBindingFilter,
  ANY_ENTRY,
  deleteAcls,
  describeAcls,
  patternFilterMatches,
  type ResourcePatternFilter,
} from "./acl-filter";
import type { AclBinding, PatternType } from "./model";
import { acl } from "./test-support";

const pattern = (
  resourceType: "TOPIC" | "GROUP",
  resourceName: string,
  patternType: PatternType,
): AclBinding => acl(resourceType, resourceName, patternType, "User:alice", "*", "READ", "ALLOW");
const filter = (
  resourceType: ResourcePatternFilter["resourceType"],
  resourceName: string | null,
  patternType: ResourcePatternFilter["patternType"],
): ResourcePatternFilter => ({ resourceType, resourceName, patternType });

describe("ResourcePatternFilterTest", () => {
  const cases: readonly [string, ResourcePatternFilter, AclBinding, boolean][] = [
    [
      "shouldNotMatchIfDifferentResourceType",
      filter("TOPIC", "Name", "LITERAL"),
      pattern("GROUP", "Name", "LITERAL"),
      false,
    ],
    [
      "shouldNotMatchIfDifferentName",
      filter("TOPIC", "Different", "PREFIXED"),
      pattern("TOPIC", "Name", "PREFIXED"),
      false,
    ],
    [
      "shouldNotMatchIfDifferentNameCase",
      filter("TOPIC", "NAME", "LITERAL"),
      pattern("TOPIC", "Name", "LITERAL"),
      false,
    ],
    [
      "shouldNotMatchIfDifferentPatternType",
      filter("TOPIC", "Name", "LITERAL"),
      pattern("TOPIC", "Name", "PREFIXED"),
      false,
    ],
    [
      "shouldMatchWhereResourceTypeIsAny",
      filter("ANY", "Name", "PREFIXED"),
      pattern("TOPIC", "Name", "PREFIXED"),
      true,
    ],
    [
      "shouldMatchWhereResourceNameIsAny",
      filter("TOPIC", null, "PREFIXED"),
      pattern("TOPIC", "Name", "PREFIXED"),
      true,
    ],
    [
      "shouldMatchWherePatternTypeIsAny",
      filter("TOPIC", null, "ANY"),
      pattern("TOPIC", "Name", "PREFIXED"),
      true,
    ],
    [
      "shouldMatchWherePatternTypeIsMatch",
      filter("TOPIC", null, "MATCH"),
      pattern("TOPIC", "Name", "PREFIXED"),
      true,
    ],
    [
      "shouldMatchLiteralIfExactMatch",
      filter("TOPIC", "Name", "LITERAL"),
      pattern("TOPIC", "Name", "LITERAL"),
      true,
    ],
    [
      "shouldMatchLiteralIfNameMatchesAndFilterIsOnPatternTypeAny",
      filter("TOPIC", "Name", "ANY"),
      pattern("TOPIC", "Name", "LITERAL"),
      true,
    ],
    [
      "shouldMatchLiteralIfNameMatchesAndFilterIsOnPatternTypeMatch",
      filter("TOPIC", "Name", "MATCH"),
      pattern("TOPIC", "Name", "LITERAL"),
      true,
    ],
    [
      "shouldNotMatchLiteralIfNamePrefixed",
      filter("TOPIC", "Name-something", "MATCH"),
      pattern("TOPIC", "Name", "LITERAL"),
      false,
    ],
    [
      "shouldMatchLiteralWildcardIfExactMatch",
      filter("TOPIC", "*", "LITERAL"),
      pattern("TOPIC", "*", "LITERAL"),
      true,
    ],
    [
      "shouldNotMatchLiteralWildcardAgainstOtherName",
      filter("TOPIC", "Name", "LITERAL"),
      pattern("TOPIC", "*", "LITERAL"),
      false,
    ],
    [
      "shouldNotMatchLiteralWildcardTheWayAround",
      filter("TOPIC", "*", "LITERAL"),
      pattern("TOPIC", "Name", "LITERAL"),
      false,
    ],
    [
      "shouldNotMatchLiteralWildcardIfFilterHasPatternTypeOfAny",
      filter("TOPIC", "Name", "ANY"),
      pattern("TOPIC", "*", "LITERAL"),
      false,
    ],
    [
      "shouldMatchLiteralWildcardIfFilterHasPatternTypeOfMatch",
      filter("TOPIC", "Name", "MATCH"),
      pattern("TOPIC", "*", "LITERAL"),
      true,
    ],
    [
      "shouldMatchPrefixedIfExactMatch",
      filter("TOPIC", "Name", "PREFIXED"),
      pattern("TOPIC", "Name", "PREFIXED"),
      true,
    ],
    [
      "shouldNotMatchIfBothPrefixedAndFilterIsPrefixOfResource",
      filter("TOPIC", "Name", "PREFIXED"),
      pattern("TOPIC", "Name-something", "PREFIXED"),
      false,
    ],
    [
      "shouldNotMatchIfBothPrefixedAndResourceIsPrefixOfFilter",
      filter("TOPIC", "Name-something", "PREFIXED"),
      pattern("TOPIC", "Name", "PREFIXED"),
      false,
    ],
    [
      "shouldNotMatchPrefixedIfNamePrefixedAnyFilterTypeIsAny",
      filter("TOPIC", "Name-something", "ANY"),
      pattern("TOPIC", "Name", "PREFIXED"),
      false,
    ],
    [
      "shouldMatchPrefixedIfNamePrefixedAnyFilterTypeIsMatch",
      filter("TOPIC", "Name-something", "MATCH"),
      pattern("TOPIC", "Name", "PREFIXED"),
      true,
    ],
  ];
  for (const [name, patternFilter, binding, expected] of cases) {
    it(name, () => expect(patternFilterMatches(patternFilter, binding)).toBe(expected));
  }
});

const anyEntries = (f: ResourcePatternFilter): AclBindingFilter => ({ ...f, ...ANY_ENTRY });
/** AclBinding.toFilter: the binding's exact pattern and entry. */
const exactly = (b: AclBinding): AclBindingFilter => b;

describe("AuthorizerTest: describing and deleting by filter", () => {
  it("testAclsFilter: MATCH finds the PREFIXED `bar-` binding; each delete filter sees the ACLs before the request", () => {
    const resource1 = "foo-6b0c3f2e";
    const resource2 = "bar-9d1e4a7c";
    const acl1 = acl("TOPIC", resource1, "LITERAL", "User:alice", "*", "READ", "ALLOW");
    const acl2 = acl("TOPIC", resource1, "LITERAL", "User:alice", "192.168.0.1", "WRITE", "ALLOW");
    const acl3 = acl("TOPIC", resource2, "LITERAL", "User:alice", "*", "DESCRIBE", "ALLOW");
    const acl4 = acl("TOPIC", "bar-", "PREFIXED", "User:*", "*", "READ", "ALLOW");
    const all = [acl1, acl2, acl3, acl4];
    expect(describeAcls(all, anyEntries(filter("ANY", null, "ANY")))).toEqual(all);
    expect(describeAcls(all, anyEntries(filter("TOPIC", resource1, "LITERAL")))).toEqual([acl1, acl2]);
    expect(describeAcls(all, anyEntries(filter("TOPIC", "bar-", "PREFIXED")))).toEqual([acl4]);
    const matching = anyEntries(filter("ANY", resource2, "MATCH"));
    expect(describeAcls(all, matching)).toEqual([acl3, acl4]);

    const result = deleteAcls(all, [
      matching,
      exactly(acl1),
      anyEntries(filter("TOPIC", resource2, "LITERAL")),
      anyEntries(filter("TOPIC", "baz", "ANY")),
    ]);
    expect(result.matched).toEqual([[acl3, acl4], [acl1], [acl3], []]);
    expect(result.remaining).toEqual([acl2]);
  });

  it("testListAcls: a TOPIC filter with any name and pattern type leaves out the GROUP bindings", () => {
    const foo = [
      acl("TOPIC", "foo_", "PREFIXED", "User:bob", "*", "READ", "ALLOW"),
      acl("TOPIC", "foo_", "PREFIXED", "User:bob", "*", "WRITE", "ALLOW"),
    ];
    const bar = [
      acl("GROUP", "bar", "LITERAL", "User:*", "*", "DESCRIBE_CONFIGS", "DENY"),
      acl("GROUP", "bar", "LITERAL", "User:*", "*", "ALTER_CONFIGS", "DENY"),
    ];
    const remaining = deleteAcls([...foo, ...bar], [exactly(foo[1]!)]).remaining;
    expect(remaining).toEqual([foo[0], ...bar]);
    expect(describeAcls(remaining, anyEntries(filter("TOPIC", null, "ANY")))).toEqual([foo[0]]);
  });

  it("testAddAclsOn{Literal,Wildcard,Prefixed}Resource: a pattern's own filter sees only that pattern", () => {
    const allowRead = (name: string, p: PatternType) => acl("TOPIC", name, p, "User:*", "*", "READ", "ALLOW");
    const all = [allowRead("foo-1", "LITERAL"), allowRead("*", "LITERAL"), allowRead("foo", "PREFIXED")];
    for (const binding of all) {
      const own = anyEntries(filter("TOPIC", binding.resourceName, binding.patternType));
      expect(describeAcls(all, own)).toEqual([binding]);
    }
  });

  it("testDeleteAclOn{Wildcard,Prefixed}Resource and testDeleteAll…: an entry filter removes one, ANY removes all", () => {
    for (const [name, patternType] of [
      ["*", "LITERAL"],
      ["foo", "PREFIXED"],
    ] as const) {
      const read = acl("TOPIC", name, patternType, "User:*", "*", "READ", "ALLOW");
      const write = acl("TOPIC", name, patternType, "User:*", "*", "WRITE", "ALLOW");
      expect(deleteAcls([read, write], [exactly(read)]).remaining).toEqual([write]);
      expect(deleteAcls([read, write], [anyEntries(filter("TOPIC", name, patternType))]).remaining).toEqual(
        [],
      );
    }
  });

  it("testGetAclsPrincipal: a principal filter is an exact string, so User:* finds only User:* bindings", () => {
    const specific = acl("TOPIC", "t", "LITERAL", "User:alice", "*", "WRITE", "ALLOW");
    const wildcard = acl("TOPIC", "t", "LITERAL", "User:*", "*", "WRITE", "ALLOW");
    const byPrincipal = (principal: string): AclBindingFilter => ({
      ...filter("ANY", null, "ANY"),
      ...ANY_ENTRY,
      principal,
    });
    expect(describeAcls([specific], byPrincipal("User:*"))).toEqual([]);
    expect(describeAcls([specific], byPrincipal("User:alice"))).toEqual([specific]);
    expect(describeAcls([wildcard], byPrincipal("User:*"))).toEqual([wildcard]);
    expect(describeAcls([wildcard], byPrincipal("User:alice"))).toEqual([]);
  });
});
