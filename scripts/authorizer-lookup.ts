// `npx tsx scripts/authorizer-lookup.ts [users]`: what one authorization decision costs
// (engine/security/authorizer.ts), so the broker can check every request. Builds `users` (default
// 1,000) users with a producer and a consumer role each, 0.6 PREFIXED patterns of 1-12 characters
// per user and a `*` binding, then times 200,000 decisions on random users, operations and topics
// (five rounds, the median reported) and the index build. engine/security/README.md records runs.
import { authorize, createAuthorizer } from "../engine/security/authorizer";
import type { AclBinding, AclOperation, AuthorizationAction } from "../engine/security/model";
import { expandRoleGrant } from "../engine/security/roles";
import { median } from "./bench/stats";

const USERS = Number(process.argv[2] ?? 1000);
const LOOKUPS = 200_000;
const ROUNDS = 5;

/** A fixed pseudo-random sequence (so every run measures the same work). */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function bindings(next: () => number): AclBinding[] {
  const roles = Array.from({ length: USERS }, (_, i) => [
    ...expandRoleGrant(`user-${i}`, { role: "producer", topic: `orders-${i}` }),
    ...expandRoleGrant(`user-${i}`, { role: "consumer", topic: `events-${i % 97}*`, group: `group-${i}` }),
  ]).flat();
  const prefixes = Array.from({ length: Math.round(USERS * 0.6) }, (_, i): AclBinding => {
    const name = `orders-${Math.floor(next() * USERS)}`.slice(0, 1 + (i % 12));
    const permission = next() < 0.1 ? "DENY" : "ALLOW";
    return {
      principal: `User:user-${i}`,
      resourceType: "TOPIC",
      patternType: "PREFIXED",
      resourceName: name,
      operation: "READ",
      permission,
      host: "*",
    };
  });
  const wildcard: AclBinding = {
    principal: "User:*",
    resourceType: "TOPIC",
    patternType: "LITERAL",
    resourceName: "*",
    operation: "DESCRIBE",
    permission: "ALLOW",
    host: "*",
  };
  return [...roles, ...prefixes, wildcard];
}

function actions(next: () => number): AuthorizationAction[] {
  const operations: AclOperation[] = ["READ", "WRITE", "DESCRIBE", "CREATE"];
  return Array.from({ length: LOOKUPS }, () => ({
    principal: `User:user-${Math.floor(next() * USERS)}`,
    host: "10.0.0.1",
    operation: operations[Math.floor(next() * operations.length)]!,
    resourceType: "TOPIC",
    resourceName:
      next() < 0.5 ? `orders-${Math.floor(next() * USERS)}` : `events-${Math.floor(next() * 97)}-x`,
  }));
}

const next = sequence(17);
const acls = bindings(next);
const asked = actions(next);
const buildMs: number[] = [];
const lookupUs: number[] = [];
let allowed = 0;
for (let round = 0; round < ROUNDS; round++) {
  const builtAt = performance.now();
  const authorizer = createAuthorizer({ superUsers: [], allowEveryoneIfNoAclFound: false }, acls);
  buildMs.push(performance.now() - builtAt);
  const startedAt = performance.now();
  allowed = 0;
  for (const action of asked) if (authorize(authorizer, action).result === "ALLOWED") allowed++;
  lookupUs.push(((performance.now() - startedAt) * 1000) / LOOKUPS);
}
process.stdout.write(
  `${acls.length} bindings; index build ${median(buildMs).toFixed(1)} ms; ` +
    `${median(lookupUs).toFixed(2)} µs per decision (median of ${ROUNDS} × ${LOOKUPS}); ${allowed} allowed\n`,
);
