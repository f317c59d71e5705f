// Protects the `sim run` contract: a malformed scenario exits non-zero naming the bad field and
// runs nothing; a valid one prints a summary, event lines, or a hash that matches the engine's.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { encodeShareFragment } from "../scenario/share-link";
import { helloScenario } from "../test-support/scenarios";
import { advanceTo, applyAtCursor, createTimeline } from "../timeline";
import { runRunCommand } from "./run-command";

const run = promisify(execFile);

async function scenarioFile(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "topicscope-"));
  const file = join(dir, "scenario.json");
  await writeFile(file, content);
  return file;
}

describe("sim run", () => {
  it("names the bad field of a malformed scenario and exits 2 with nothing on stdout", async () => {
    const file = await scenarioFile(
      JSON.stringify({
        version: 1,
        cluster: { brokers: 2, topics: [{ name: "t", partitions: 3 }] },
        producers: [{ id: "p", topic: "t", recordsPerSec: "fast" }],
      }),
    );
    const result = await runRunCommand([file]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("producers[0].recordsPerSec");
  });

  it("rejects broken JSON, a future version and unknown options", async () => {
    expect((await runRunCommand([await scenarioFile('{"version": 1,')])).stderr).toMatch(/not valid JSON/);
    expect((await runRunCommand([await scenarioFile('{"version": 7}')])).stderr).toMatch(
      /version: 7 is newer/,
    );
    expect((await runRunCommand(["examples/hello.json", "--format", "xml"])).exitCode).toBe(2);
    expect((await runRunCommand(["examples/hello.json", "--until-ms", "soon"])).exitCode).toBe(2);
  });

  it("prints the final partitions and consumer positions as JSON", async () => {
    const result = await runRunCommand(["examples/hello.json", "--until-ms", "5000"]);
    expect(result.exitCode).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.simulatedMs).toBe(5000);
    expect(summary.partitions).toHaveLength(3);
    expect(summary.consumers[0].positions).toHaveLength(3);
  });

  it("prints one JSON line per event, and a hash equal across runs", async () => {
    const events = await runRunCommand(["examples/hello.json", "--format", "events", "--until-ms", "2000"]);
    const lines = events.stdout.trim().split("\n");
    expect(JSON.parse(lines[0]!).type).toBe("simulationStarted");
    expect(lines.every((l) => typeof JSON.parse(l).index === "number")).toBe(true);
    const a = await runRunCommand(["examples/hello.json", "--format", "hash"]);
    const b = await runRunCommand(["examples/hello.json", "--format", "hash"]);
    expect(a.stdout).toMatch(/^[0-9a-f]{16}\n$/);
    expect(a.stdout).toBe(b.stdout);
  });

  it("--link reproduces a shared run, commands included, up to the link's playhead", async () => {
    const tl = createTimeline({ scenario: helloScenario(), commands: [] });
    advanceTo(tl, 1_500_000);
    applyAtCursor(tl, { type: "pauseProducer", producerId: "producer-1" });
    advanceTo(tl, 4_000_000);
    const link = `https://topicscope.example/#${encodeShareFragment(tl.record, 4_000_000)}`;
    const result = await runRunCommand(["--link", link, "--format", "hash"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`${tl.sim.eventLogHash()}\n`);
  });

  it("--link with a broken link exits 2 with the reason and runs nothing", async () => {
    const result = await runRunCommand(["--link", "https://topicscope.example/#s=AAAA", "--format", "hash"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/share link cannot be used/);
  });

  it("works through npm as the README documents", async () => {
    const { stdout } = await run("npm", [
      "run",
      "--silent",
      "sim",
      "--",
      "run",
      "examples/hello.json",
      "--format",
      "hash",
    ]);
    expect(stdout).toBe((await runRunCommand(["examples/hello.json", "--format", "hash"])).stdout);
  });
});
