// Protects the indexed authorizer against a literal transcription of StandardAuthorizerData's scan of
// its sorted ACL set (same result, same deciding binding), Kafka's StandardAuthorizerPropertyTest
// (a matching DENY beats every ALLOW; a matching ALLOW wins when no DENY matches), and two laws of
// the decision: adding a DENY never allows more, and super users are always allowed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authorize, bindingVerdict, createAuthorizer, type Decision } from "./authorizer";
import {
  ACL_OPERATIONS,
  type AclBinding,
  type AuthorizationAction,
  PATTERN_TYPES,
  PERMISSION_TYPES,
  RESOURCE_TYPES,
} from "./model";
import { acl } from "./test-support";

// ---- The literal transcription: a sorted array walked as Kafka walks its NavigableSet. ----

/** StandardAcl's fields with Kafka's ordinals; an exemplar uses -1 for UNKNOWN, which sorts first. */
interface SortKey {
  readonly type: number;
  readonly name: string;
  readonly pattern: number;
  readonly operation: number;
  readonly principal: string;
  readonly host: string;
  readonly permission: number;
}
const sortKey = (b: AclBinding): SortKey => ({
  type: RESOURCE_TYPES.indexOf(b.resourceType),
  name: b.resourceName,
  pattern: PATTERN_TYPES.indexOf(b.patternType),
  operation: ACL_OPERATIONS.indexOf(b.operation),
  principal: b.principal,
  host: b.host,
  permission: PERMISSION_TYPES.indexOf(b.permission),
});
const compareStrings = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

/** StandardAcl.compareTo: type, REVERSE name, pattern, operation, principal, host, permission. */
function compareStandardAcl(a: SortKey, b: SortKey): number {
  return (
    a.type - b.type ||
    compareStrings(b.name, a.name) ||
    a.pattern - b.pattern ||
    a.operation - b.operation ||
    compareStrings(a.principal, b.principal) ||
    compareStrings(a.host, b.host) ||
    a.permission - b.permission
  );
}

function matchesUpTo(resource: string, pattern: string): number {
  let i = 0;
  while (i < resource.length && i < pattern.length && resource[i] === pattern[i]) i++;
  return i;
}

interface Builder {
  deny: AclBinding | null;
  allow: AclBinding | null;
  hasResourceAcls: boolean;
}

function checkSection(
  sorted: readonly AclBinding[],
  action: AuthorizationAction,
  start: SortKey,
  found: Builder,
) {
  const tail = (exemplar: SortKey) => {
    const i = sorted.findIndex((b) => compareStandardAcl(sortKey(b), exemplar) >= 0);
    return i < 0 ? sorted.length : i;
  };
  let exemplar = start;
  let i = tail(exemplar);
  while (i < sorted.length) {
    const binding = sorted[i++]!;
    if (binding.resourceType !== action.resourceType) break;
    const upTo = matchesUpTo(action.resourceName, binding.resourceName);
    if (upTo === binding.resourceName.length) {
      if (binding.patternType === "LITERAL" && upTo !== action.resourceName.length) continue;
    } else if (!(binding.resourceName === "*" && binding.patternType === "LITERAL")) {
      exemplar = { ...exemplar, name: exemplar.name.substring(0, upTo) };
      i = tail(exemplar);
      continue;
    }
    found.hasResourceAcls = true;
    const verdict = bindingVerdict(action, binding);
    if (verdict === "ALLOWED") found.allow = binding;
    if (verdict === "DENIED") {
      found.deny = binding;
      return;
    }
  }
}

function kafkaScan(
  bindings: readonly AclBinding[],
  action: AuthorizationAction,
  allowEveryone: boolean,
): Decision {
  const sorted = [...bindings].sort((a, b) => compareStandardAcl(sortKey(a), sortKey(b)));
  const found: Builder = { deny: null, allow: null, hasResourceAcls: false };
  const exemplar = (name: string, pattern: number): SortKey => ({
    type: RESOURCE_TYPES.indexOf(action.resourceType),
    name,
    pattern,
    operation: -1,
    principal: "",
    host: "",
    permission: -1,
  });
  checkSection(sorted, action, exemplar(action.resourceName, -1), found);
  if (!found.deny) checkSection(sorted, action, exemplar("*", PATTERN_TYPES.indexOf("LITERAL")), found);
  if (found.deny) return { result: "DENIED", rule: "denyAcl", binding: found.deny };
  if (found.allow) return { result: "ALLOWED", rule: "allowAcl", binding: found.allow };
  if (!found.hasResourceAcls) {
    return {
      result: allowEveryone ? "ALLOWED" : "DENIED",
      rule: "noAclForResource",
      allowEveryoneIfNoAclFound: allowEveryone,
    };
  }
  return { result: "DENIED", rule: "noMatchingAcl", resourceBindingCount: 0 };
}

// ---- Arbitraries: few names, principals and hosts, so bindings collide and cover each other. ----

const nameArb = fc.stringMatching(/^[ab]{1,3}$/);
/** Operations with and without implications; CLUSTER_ACTION and IDEMPOTENT_WRITE behave like CREATE. */
const OPERATIONS = [
  "READ",
  "WRITE",
  "DESCRIBE",
  "ALTER",
  "CREATE",
  "DESCRIBE_CONFIGS",
  "ALTER_CONFIGS",
] as const;
const bindingArb: fc.Arbitrary<AclBinding> = fc.record({
  resourceType: fc.constantFrom("TOPIC", "GROUP"),
  resourceName: fc.oneof(nameArb, fc.constant("*")),
  patternType: fc.constantFrom(...PATTERN_TYPES),
  principal: fc.constantFrom("User:alice", "User:bob", "User:*"),
  host: fc.constantFrom("*", "10.0.0.1", "10.0.0.2"),
  operation: fc.constantFrom("ALL", ...OPERATIONS),
  permission: fc.constantFrom(...PERMISSION_TYPES),
});
const actionArb: fc.Arbitrary<AuthorizationAction> = fc.record({
  principal: fc.constantFrom("User:alice", "User:bob", "User:carol"),
  host: fc.constantFrom("10.0.0.1", "10.0.0.2"),
  operation: fc.constantFrom(...OPERATIONS),
  resourceType: fc.constantFrom("TOPIC", "GROUP"),
  resourceName: fc.stringMatching(/^[ab]{1,4}$/),
});
const setupArb = fc.record({
  bindings: fc.uniqueArray(bindingArb, { maxLength: 14, selector: (b) => JSON.stringify(b) }),
  action: actionArb,
  allowEveryone: fc.boolean(),
  superUsers: fc.subarray(["User:alice", "User:bob"]),
});

const RUNS = { numRuns: 2000 };

describe("the indexed authorizer agrees with Kafka's sorted-set walk", () => {
  it("same result, same rule, same deciding binding", () => {
    fc.assert(
      fc.property(setupArb, ({ bindings, action, allowEveryone }) => {
        const authorizer = createAuthorizer(
          { superUsers: [], allowEveryoneIfNoAclFound: allowEveryone },
          bindings,
        );
        const decision = authorize(authorizer, action);
        const expected = kafkaScan(bindings, action, allowEveryone);
        if (decision.rule === "noMatchingAcl") expect(expected.rule).toBe("noMatchingAcl");
        else expect(decision).toEqual(expected);
      }),
      RUNS,
    );
  });
});

const decide = (
  config: { superUsers: readonly string[]; allowEveryoneIfNoAclFound: boolean },
  bindings: readonly AclBinding[],
  action: AuthorizationAction,
) => authorize(createAuthorizer(config, bindings), action).result;

describe("laws of the decision", () => {
  const monotonic = [
    { law: "adding a DENY binding never turns a DENIED into ALLOWED", added: "DENY", kept: "DENIED" },
    // Not with allow.everyone.if.no.acl.found=true: a first binding on a resource ends its default ALLOW.
    {
      law: "with allow.everyone.if.no.acl.found=false, adding an ALLOW never turns an ALLOWED into DENIED",
      added: "ALLOW",
      kept: "ALLOWED",
    },
  ] as const;
  for (const { law, added, kept } of monotonic) {
    it(law, () => {
      fc.assert(
        fc.property(setupArb, bindingArb, ({ bindings, action, allowEveryone, superUsers }, extra) => {
          const config = { superUsers, allowEveryoneIfNoAclFound: added === "DENY" && allowEveryone };
          const after = decide(config, [...bindings, { ...extra, permission: added }], action);
          if (decide(config, bindings, action) === kept) expect(after).toBe(kept);
        }),
        RUNS,
      );
    });
  }

  it("a super user is allowed every operation on every resource, whatever the bindings", () => {
    fc.assert(
      fc.property(setupArb, ({ bindings, action, allowEveryone }) => {
        const authorizer = createAuthorizer(
          { superUsers: [action.principal], allowEveryoneIfNoAclFound: allowEveryone },
          [...bindings, acl(action.resourceType, "*", "LITERAL", "User:*", "*", "ALL", "DENY")],
        );
        expect(authorize(authorizer, action)).toEqual({ result: "ALLOWED", rule: "superUser" });
      }),
      RUNS,
    );
  });
});

// ---- StandardAuthorizerPropertyTest: WRITE rules for User:* on a random valid topic name. ----

const topicArb = fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/).filter((t) => t !== "." && t !== "..");
const suffixesArb = fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9._-]{0,8}$/), { maxLength: 10 });
const writeRule = (name: string, pattern: "LITERAL" | "PREFIXED", permission: "ALLOW" | "DENY") =>
  acl("TOPIC", name, pattern, "User:*", "*", "WRITE", permission);

/** addRandomPrefixRules: every (prefix of the topic) + suffix that the filter keeps, as PREFIXED rules. */
function prefixRules(
  topic: string,
  suffixes: readonly string[],
  permission: "ALLOW" | "DENY",
  keep: (p: string) => boolean,
) {
  const patterns = new Set<string>();
  for (let i = 0; i < topic.length; i++) {
    for (const suffix of suffixes) {
      const pattern = topic.substring(0, i) + suffix;
      if (keep(pattern)) patterns.add(pattern);
    }
  }
  return [...patterns].map((p) => writeRule(p, "PREFIXED", permission));
}

function writeResult(topic: string, bindings: readonly AclBinding[]) {
  const authorizer = createAuthorizer({ superUsers: [], allowEveryoneIfNoAclFound: false }, bindings);
  const action = {
    principal: "User:user",
    host: "127.0.0.1",
    operation: "WRITE",
    resourceType: "TOPIC",
  } as const;
  return authorize(authorizer, { ...action, resourceName: topic }).result;
}

const prefixLengthArb = (topic: string) => fc.integer({ min: 0, max: topic.length - 1 });
const withTopic = <T>(f: (topic: string) => fc.Arbitrary<T>) =>
  topicArb.chain((topic) => fc.tuple(fc.constant(topic), f(topic), suffixesArb));

describe("StandardAuthorizerPropertyTest", () => {
  it("matchingPrefixDenyOverridesAllAllowRules", () => {
    fc.assert(
      fc.property(withTopic(prefixLengthArb), ([topic, length, suffixes]) => {
        const deny = writeRule(topic.substring(0, length), "PREFIXED", "DENY");
        const allows = prefixRules(topic, suffixes, "ALLOW", (p) => p !== "");
        expect(writeResult(topic, [deny, ...allows])).toBe("DENIED");
      }),
      RUNS,
    );
  });

  it("matchingLiteralDenyOverridesAllAllowRules", () => {
    fc.assert(
      fc.property(topicArb, suffixesArb, (topic, suffixes) => {
        const allows = prefixRules(topic, suffixes, "ALLOW", (p) => p !== "");
        expect(writeResult(topic, [writeRule(topic, "LITERAL", "DENY"), ...allows])).toBe("DENIED");
      }),
      RUNS,
    );
  });

  it("matchingPrefixAllowWithNoMatchingDenyRules", () => {
    fc.assert(
      fc.property(withTopic(prefixLengthArb), ([topic, length, suffixes]) => {
        const allow = writeRule(topic.substring(0, length), "PREFIXED", "ALLOW");
        const denies = prefixRules(topic, suffixes, "DENY", (p) => p !== "" && !topic.startsWith(p));
        expect(writeResult(topic, [allow, ...denies])).toBe("ALLOWED");
      }),
      RUNS,
    );
  });

  it("matchingLiteralAllowWithNoMatchingDenyRules", () => {
    fc.assert(
      fc.property(topicArb, suffixesArb, (topic, suffixes) => {
        const denies = prefixRules(topic, suffixes, "DENY", (p) => p !== "" && !topic.startsWith(p));
        expect(writeResult(topic, [writeRule(topic, "LITERAL", "ALLOW"), ...denies])).toBe("ALLOWED");
      }),
      RUNS,
    );
  });
});
