// Protects the CLI as users invoke it: `npm run --silent sim -- <command>` with stdin and exit codes.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function sim(args: string[], stdin = "") {
  const result = spawnSync("npm", ["run", "--silent", "sim", "--", ...args], {
    input: stdin,
    encoding: "utf8",
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe("sim CLI", () => {
  it("partition: maps raw key bytes (not valid UTF-8) the way each client does", () => {
    const out = sim(
      ["partition"],
      JSON.stringify([
        { function: "murmur2", keyHex: "6b657931", partitions: 6 },
        { function: "crc32", keyHex: "6b657931", partitions: 6 },
        { function: "murmur2", keyHex: "ff80c0", partitions: 10 },
      ]),
    );
    expect(out.status).toBe(0);
    const answers = JSON.parse(out.stdout);
    expect(answers[0]).toEqual({ hash: 28543940, partition: 2 });
    expect(answers[1].partition).toBe(4);
    expect(answers[2].partition).toBeGreaterThanOrEqual(0);
  });

  it("partition: bad input exits 2 with a message naming the element and field", () => {
    const out = sim(["partition"], JSON.stringify([{ function: "murmur2", keyHex: "abc", partitions: 3 }]));
    expect(out.status).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/\[0\]\.keyHex/);
  });

  it("rejects an unknown command with usage", () => {
    const out = sim(["fly"]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/unknown command "fly"/);
  });
});
