// Protects "old versions migrate forward": every version 1 scenario file and share link captured
// before format v2 (engine/scenario/fixtures/v1, with the event-log hashes the v1 code produced)
// still decodes, through the migration chain, into the identical run; newer versions get a message.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createLegacyDigest } from "../test-support/legacy-digest";
import type { RunRecord } from "../timeline";
import { createTimeline, seekTo } from "../timeline";
import { decodeScenario, decodeScenarioText } from "./decode";
import { MIGRATIONS, migrateScenario } from "./migrations";
import { decodePreset } from "./presets/catalog";
import { PRESETS } from "./presets/index";
import { SCENARIO_VERSION, type Scenario } from "./schema";
import { decodeShareLink, encodeShareFragment } from "./share-link";

interface Expected {
  files: { file: string; untilMs: number | null; eventLogHash: string }[];
  links: { name: string; link: string; untilMs: number | null; eventLogHash: string }[];
  presets: { id: string; eventLogHash: string }[];
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/v1/${name}`, import.meta.url), "utf8");
const expected = JSON.parse(fixture("expected.json")) as Expected;

/**
 * The hash `sim run … --format hash` printed when the fixture was captured: the run's inputs,
 * sought to the stop time, digested as the engine digested events then (the event stream itself
 * must be unchanged; the engine's own digest has since become faster and different).
 */
function hashAt(record: RunRecord, stopMs: number): string {
  const legacy = createLegacyDigest();
  const timeline = createTimeline(record, { onEvent: legacy.add });
  seekTo(timeline, Math.round(stopMs * 1000));
  return legacy.hex();
}

describe("the migration chain", () => {
  it("has one step per old version, in order, ending at the current version", () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(
      Array.from({ length: SCENARIO_VERSION - 1 }, (_, i) => i + 1),
    );
  });

  it("v1 → v2: the broker count becomes brokers 1 … N without racks", () => {
    const migrated = migrateScenario({ version: 1, cluster: { brokers: 3, topics: [] } });
    expect(migrated).toEqual({
      ok: true,
      scenario: { version: 2, cluster: { brokers: [{ id: 1 }, { id: 2 }, { id: 3 }], topics: [] } },
    });
    const decoded = decodeScenarioText(fixture("hello.json"));
    expect(decoded.ok && decoded.scenario.version).toBe(2);
    expect(decoded.ok && decoded.scenario.cluster.topics.every((t) => t.replicationFactor === 1)).toBe(true);
  });

  it("a bad v1 broker count is reported in v1's terms", () => {
    const decoded = decodeScenario({
      version: 1,
      cluster: { brokers: 0, topics: [{ name: "t", partitions: 1 }] },
    });
    expect(decoded).toEqual({
      ok: false,
      errors: ["cluster.brokers: a version 1 scenario gives the number of brokers, an integer 1 … 12"],
    });
  });

  it("a version newer than this code is refused with a message naming both versions", () => {
    expect(decodeScenario({ version: 3, cluster: { brokers: [{ id: 1 }], topics: [] } })).toEqual({
      ok: false,
      errors: [`version: 3 is newer than this Topicscope understands (${SCENARIO_VERSION})`],
    });
    const scenario = { version: 3 } as unknown as Scenario;
    const link = encodeShareFragment({ scenario, commands: [] }, 0);
    const decoded = decodeShareLink(link);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok)
      expect(decoded.error).toContain("version: 3 is newer than this Topicscope understands (2)");
  });
});

describe("version 1 fixtures reproduce their runs", () => {
  it.each(expected.files)(
    "file $file until $untilMs ms: hash $eventLogHash",
    ({ file, untilMs, eventLogHash }) => {
      const decoded = decodeScenarioText(fixture(file));
      if (!decoded.ok) throw new Error(decoded.errors.join("; "));
      expect(decoded.scenario.version).toBe(2);
      const stopMs = untilMs ?? decoded.scenario.durationMs;
      expect(hashAt({ scenario: decoded.scenario, commands: [] }, stopMs)).toBe(eventLogHash);
    },
  );

  it.each(expected.links)("link: $name: hash $eventLogHash", ({ link, untilMs, eventLogHash }) => {
    const decoded = decodeShareLink(link);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.record.scenario.version).toBe(2);
    expect(hashAt(decoded.record, untilMs ?? decoded.playheadUs / 1000)).toBe(eventLogHash);
  });

  it("every preset is still a lesson from then", () => {
    expect(expected.presets.map((p) => p.id)).toEqual(
      PRESETS.slice(0, expected.presets.length).map((p) => p.id),
    );
  });

  it.each(expected.presets)("preset $id (now format v2): hash $eventLogHash", ({ id, eventLogHash }) => {
    const scenario = decodePreset(id)!;
    expect(hashAt({ scenario, commands: [] }, scenario.durationMs)).toBe(eventLogHash);
  });
});
