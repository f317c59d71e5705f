// Old versions migrate forward. Each step turns a scenario of version `from` into one of version
// `from + 1`, working on the raw JSON before validation (so only the step that knows an old shape
// reads it); decodeScenario runs the chain for files, the editor's import, presets and share links,
// then validates the result as the current version. A step never changes what a scenario means:
// a migrated scenario produces the identical run (same event-log hash) it produced before.
import { LIMITS, SCENARIO_VERSION } from "./schema";

type Json = Record<string, unknown>;

export interface Migration {
  readonly from: number;
  migrate(scenario: Json): MigrationResult;
}

export type MigrationResult = { ok: true; scenario: Json } | { ok: false; errors: string[] };

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * v1 → v2: `cluster.brokers` was a count; it becomes the list [{id: 1}, …, {id: N}] (no racks).
 * Topics get `replicationFactor`, whose default 1 is what every v1 topic had, and leaders stay where
 * v1 put them, so the run is unchanged. Consumers' `client.rack` did nothing in v1 and still does
 * nothing: without broker racks the assignors stay rack-unaware.
 */
const v1ToV2: Migration = {
  from: 1,
  migrate(scenario) {
    const cluster = scenario.cluster;
    if (!isObject(cluster) || !("brokers" in cluster))
      return { ok: true, scenario: { ...scenario, version: 2 } };
    const count = cluster.brokers;
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > LIMITS.brokers) {
      return {
        ok: false,
        errors: [
          `cluster.brokers: a version 1 scenario gives the number of brokers, an integer 1 … ${LIMITS.brokers}`,
        ],
      };
    }
    const brokers = Array.from({ length: count }, (_, i) => ({ id: i + 1 }));
    return { ok: true, scenario: { ...scenario, version: 2, cluster: { ...cluster, brokers } } };
  },
};

/** In order: MIGRATIONS[i] migrates version i + 1. */
export const MIGRATIONS: readonly Migration[] = [v1ToV2];

/** Runs the steps from the scenario's version to the current one; other values pass through untouched. */
export function migrateScenario(
  value: unknown,
): { ok: true; scenario: unknown } | { ok: false; errors: string[] } {
  if (!isObject(value)) return { ok: true, scenario: value };
  let scenario: Json = value;
  // Each step raises the version by one, so the chain runs at most once per step.
  for (let i = 0; i <= MIGRATIONS.length; i++) {
    const version = scenario.version;
    if (typeof version !== "number" || !Number.isInteger(version) || version >= SCENARIO_VERSION) {
      return { ok: true, scenario };
    }
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) return { ok: true, scenario };
    const next = step.migrate(scenario);
    if (!next.ok) return next;
    scenario = next.scenario;
  }
  return { ok: true, scenario };
}
