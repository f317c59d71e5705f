// The scenario format as a JSON Schema, generated from the zod schema the engine validates with:
// `npx tsx scripts/scenario-schema.ts` writes public/schema/scenario-v2.json (a test keeps it in sync).
// public/schema/scenario-v1.json stays as published: version 1 files still open (they migrate).
// Rules zod checks in code (unique ids, Kafka's config combinations) are not expressible in JSON
// Schema; the engine's decoder remains the authority and names the field of any violation.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { SCENARIO_VERSION, scenarioSchema } from "../engine/scenario/schema";

export const SCHEMA_PATH = `public/schema/scenario-v${SCENARIO_VERSION}.json`;

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" });
  const document = {
    ...schema,
    title: `Topicscope scenario, format version ${SCENARIO_VERSION}`,
    description: "See docs/scenario-format.md. Generated from engine/scenario/schema.ts.",
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, scenarioJsonSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
