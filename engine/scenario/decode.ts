// Decoding never trusts input: parse → migrate old versions → validate (zod) → default. A bad
// scenario yields one message per problem, each naming the field by its JSON path, and nothing is run.
import type { z } from "zod";
import { migrateScenario } from "./migrations";
import { SCENARIO_VERSION, type Scenario, scenarioSchema } from "./schema";

export type DecodeResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(scenario)" : out;
}

export function formatZodIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
}

export function decodeScenario(value: unknown): DecodeResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, errors: ["(scenario): expected a JSON object"] };
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === "number" && version > SCENARIO_VERSION) {
    return {
      ok: false,
      errors: [`version: ${version} is newer than this Topicscope understands (${SCENARIO_VERSION})`],
    };
  }
  const migrated = migrateScenario(value);
  if (!migrated.ok) return { ok: false, errors: migrated.errors };
  const parsed = scenarioSchema.safeParse(migrated.scenario);
  if (!parsed.success) return { ok: false, errors: formatZodIssues(parsed.error) };
  return { ok: true, scenario: parsed.data };
}

export function decodeScenarioText(text: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`(scenario): not valid JSON (${(error as Error).message})`] };
  }
  return decodeScenario(value);
}
