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

  it("assign: answers a batch of 1,000 requests in one call, in order", () => {
    const requests = Array.from({ length: 1000 }, (_, i) => ({
      assignor: ["range", "roundrobin", "sticky", "cooperative-sticky"][i % 4],
      topics: [{ name: "t", partitions: 6 }],
      members: Array.from({ length: 1 + (i % 5) }, (_, m) => ({
        memberId: `consumer-${m}`,
        topics: ["t", "missing"],
      })),
    }));
    const out = sim(["assign"], JSON.stringify(requests));
    expect(out.status).toBe(0);
    const responses = JSON.parse(out.stdout) as { assignment: Record<string, string[]> }[];
    expect(responses).toHaveLength(1000);
    responses.forEach((response, i) => {
      expect(Object.keys(response.assignment)).toHaveLength(1 + (i % 5));
      expect(Object.values(response.assignment).flat().sort()).toEqual([
        "t-0",
        "t-1",
        "t-2",
        "t-3",
        "t-4",
        "t-5",
      ]);
    });
  });

  it("assign: range gives the first members the extra partitions (Kafka's RangeAssignorTest)", () => {
    const request = {
      assignor: "range",
      topics: [
        { name: "topic1", partitions: 3 },
        { name: "topic2", partitions: 3 },
      ],
      members: [
        { memberId: "consumer1", topics: ["topic1", "topic2"] },
        { memberId: "consumer2", topics: ["topic1", "topic2"] },
      ],
    };
    const out = sim(["assign"], JSON.stringify(request));
    expect(JSON.parse(out.stdout)).toEqual({
      assignment: {
        consumer1: ["topic1-0", "topic1-1", "topic2-0", "topic2-1"],
        consumer2: ["topic1-2", "topic2-2"],
      },
    });
  });

  it("rejects an unknown command with usage", () => {
    const out = sim(["fly"]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/unknown command "fly"/);
  });
});
