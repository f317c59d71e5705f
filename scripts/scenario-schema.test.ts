// Protects the shipped JSON Schema: public/schema/scenario-v2.json is exactly what the engine's
// zod schema generates, so the published format never drifts from the one the app validates.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_PATH, scenarioJsonSchema } from "./scenario-schema";

describe("scenario JSON Schema", () => {
  it("is up to date (regenerate with: npx tsx scripts/scenario-schema.ts)", () => {
    expect(readFileSync(SCHEMA_PATH, "utf8")).toBe(scenarioJsonSchema());
  });

  it("describes the top-level fields and lessons", () => {
    const schema = JSON.parse(scenarioJsonSchema());
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["version", "seed", "cluster", "producers", "consumers", "actions", "lesson"]),
    );
  });
});
