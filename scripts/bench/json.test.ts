// Shape of the bench's JSON output and option parsing. No timing assertions: values vary by machine.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseArgs } from "./args";
import { REPO_ROOT } from "./build";
import { FIGURE_NAMES, FIGURES, formatTable, meetsTarget, toJson } from "./figures";
import { rangeSplit } from "./scenarios";

const NAMED = [
  "engineLargeRecordsPerSec",
  "engineLargeSpeedup",
  "engineClassroomSpeedup",
  "frameP95MsClassroom",
  "frameP95MsLarge",
  "longTasksOver50ms",
  "assignStickyMs",
  "assignCooperativeStickyMs",
  "assignRangeMs",
  "assignRoundrobinMs",
  "seekMs",
  "initialJsGzipBytes",
  "workerHeapGrowthPct",
];

describe("bench figures", () => {
  it("keeps the agreed names, units and targets", () => {
    expect(FIGURE_NAMES.filter((n) => FIGURES[n].named).sort()).toEqual([...NAMED].sort());
    expect(FIGURES.engineLargeRecordsPerSec).toMatchObject({ unit: "records/s", target: 1_000_000 });
    expect(FIGURES.engineLargeSpeedup).toMatchObject({ unit: "x real time", target: 20 });
    expect(FIGURES.engineClassroomSpeedup).toMatchObject({ unit: "x real time", target: 1000 });
    expect(FIGURES.frameP95MsLarge).toMatchObject({ unit: "ms", target: 16.7 });
    expect(FIGURES.longTasksOver50ms).toMatchObject({ unit: "count", target: 0 });
    expect(FIGURES.seekMs).toMatchObject({ unit: "ms", target: 100 });
    expect(FIGURES.initialJsGzipBytes).toMatchObject({ unit: "bytes", target: 256_000 });
    expect(FIGURES.workerHeapGrowthPct.unit).toBe("%");
  });

  it("formats each measured figure as { value, unit, target } and leaves out the rest", () => {
    const json = toJson({ seekMs: 12.3456, initialJsGzipBytes: 80_000 });
    expect(json).toEqual({
      seekMs: { value: 12.35, unit: "ms", target: 100 },
      initialJsGzipBytes: { value: 80_000, unit: "bytes", target: 256_000 },
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("judges targets in the right direction", () => {
    expect(meetsTarget("engineLargeSpeedup", 25)).toBe(true);
    expect(meetsTarget("engineLargeSpeedup", 5)).toBe(false);
    expect(meetsTarget("seekMs", 50)).toBe(true);
    expect(meetsTarget("seekMs", 150)).toBe(false);
    expect(formatTable({ seekMs: 150 })).toContain("MISSED");
  });
});

describe("bench options", () => {
  it("parses --json, --quick and --only", () => {
    const parsed = parseArgs(["--json", "--quick", "--only", "seekMs,assignRangeMs"]);
    expect(parsed.ok && parsed.options.json && parsed.options.quick).toBe(true);
    expect(parsed.ok && [...parsed.options.only]).toEqual(["seekMs", "assignRangeMs"]);
    expect(parseArgs(["--only", "noSuchFigure"]).ok).toBe(false);
    expect(parseArgs(["--frobnicate"]).ok).toBe(false);
  });
});

describe("bench scenarios", () => {
  it("splits partitions like RangeAssignor on one topic", () => {
    expect(rangeSplit(6, 3)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(rangeSplit(32, 16).flat()).toEqual(Array.from({ length: 32 }, (_, i) => i));
    expect(rangeSplit(7, 3).map((p) => p.length)).toEqual([3, 2, 2]);
  });
});

describe("npm run bench -- --json", () => {
  it("prints exactly one JSON object with the requested figures", () => {
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/bench.ts",
        "--json",
        "--quick",
        "--only",
        "initialJsGzipBytes,assignRangeMs",
      ],
      { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(["assignRangeMs", "initialJsGzipBytes"]);
    for (const [name, figure] of Object.entries(json)) {
      expect(figure).toEqual({
        value: expect.any(Number),
        unit: FIGURES[name as keyof typeof FIGURES].unit,
        target: FIGURES[name as keyof typeof FIGURES].target,
      });
    }
  });
});
