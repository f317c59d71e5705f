// Protects the headline promise of the producer: run through the CLI, every keyed record of the
// Java client lands on toPositive(murmur2(utf8(key))) % partitions, checked record by record.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRunCommand } from "../cli/run-command";
import { toPositive } from "../core/java-hash";
import { murmur2, utf8Key } from "./partitioner";

describe("acceptance: keyed records through `sim run`", () => {
  it("puts each of 1,000 rec/s over 100 uniform keys on murmur2(key) % 6", async () => {
    const scenario = {
      version: 1,
      title: "acceptance",
      seed: 2024,
      durationMs: 5000,
      cluster: { brokers: 3, topics: [{ name: "clicks", partitions: 6 }] },
      producers: [
        {
          id: "p",
          topic: "clicks",
          recordsPerSec: 1000,
          valueBytes: 50,
          keys: { kind: "uniform", count: 100 },
        },
      ],
    };
    const dir = await mkdtemp(join(tmpdir(), "topicscope-acceptance-"));
    const file = join(dir, "scenario.json");
    await writeFile(file, JSON.stringify(scenario));
    const result = await runRunCommand([file, "--format", "events"]);
    expect(result.exitCode).toBe(0);
    const events = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const appended = events.filter((e) => e.type === "batchAppended");
    let records = 0;
    const keysSeen = new Set<string>();
    for (const batch of appended) {
      expect(batch.keys).toHaveLength(batch.recordCount);
      for (const key of batch.keys as string[]) {
        expect(batch.partition).toBe(toPositive(murmur2(utf8Key(key))) % 6);
        keysSeen.add(key);
        records++;
      }
    }
    expect(records).toBeGreaterThan(4500);
    expect(keysSeen.size).toBe(100);
    expect(new Set(appended.map((b) => b.partition)).size).toBe(6);
    const accumulated = events.filter((e) => e.type === "recordAccumulated");
    expect(accumulated.every((e) => e.method === "murmur2" && e.hash === murmur2(utf8Key(e.key)))).toBe(true);
  });
});
