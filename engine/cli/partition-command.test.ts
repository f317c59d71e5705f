// Protects the `sim partition` contract: JSON mode answers exactly as the Java client and librdkafka would, human mode explains every client, and bad input exits 2 naming the element and field.

import { describe, expect, it } from "vitest";
import { runPartitionCommand } from "./partition-command.ts";

const noStdin = async (): Promise<string> => {
  throw new Error("stdin must not be read in human mode");
};
const stdinOf = (value: unknown) => async () => (typeof value === "string" ? value : JSON.stringify(value));

async function jsonMode(requests: unknown): Promise<unknown> {
  const result = await runPartitionCommand([], stdinOf(requests));
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  expect(result.stdout.endsWith("\n")).toBe(true);
  expect(result.stdout.trimEnd().includes("\n")).toBe(false);
  return JSON.parse(result.stdout);
}

async function expectBadInput(stdin: unknown, message: string): Promise<void> {
  const result = await runPartitionCommand([], stdinOf(stdin));
  expect(result).toEqual({ stdout: "", stderr: `partition: ${message}\n`, exitCode: 2 });
}

const ascii = (text: string): string => Buffer.from(text, "latin1").toString("hex");

describe("sim partition, JSON mode", () => {
  it("answers murmur2 as the Java client: signed hash, toPositive(hash) % N", async () => {
    const requests = [
      { function: "murmur2", keyHex: ascii("key1"), partitions: 6 },
      { function: "murmur2", keyHex: ascii("kafka"), partitions: 3 },
      { function: "murmur2", keyHex: ascii("a"), partitions: 10 },
      { function: "murmur2", keyHex: ascii("21"), partitions: 1 },
      { function: "murmur2", keyHex: "", partitions: 7 },
    ];
    expect(await jsonMode(requests)).toEqual([
      { hash: 28543940, partition: 2 },
      { hash: -798503068, partition: 1 },
      { hash: -1563381124, partition: 4 },
      { hash: -973932308, partition: 0 },
      { hash: 275646681, partition: 275646681 % 7 },
    ]);
  });

  it("answers crc32 and fnv1a as librdkafka's consistent and fnv1a partitioners: unsigned hash % N", async () => {
    const requests = [
      { function: "crc32", keyHex: ascii("23456"), partitions: 17 },
      { function: "crc32", keyHex: ascii("key1"), partitions: 6 },
      { function: "crc32", keyHex: "", partitions: 5 },
      { function: "fnv1a", keyHex: ascii("hejsan"), partitions: 17 },
      { function: "fnv1a", keyHex: "656C6A754F06", partitions: 10 },
    ];
    expect(await jsonMode(requests)).toEqual([
      { hash: 0xb1b451d7, partition: 0xb1b451d7 % 17 },
      { hash: 744252496, partition: 4 },
      { hash: 0, partition: 0 },
      { hash: 0x17b1e27a, partition: 0x17b1e27a % 17 },
      { hash: 2147483648, partition: 8 },
    ]);
  });

  it("hashes raw bytes that are not UTF-8, in either hex case", async () => {
    const answers = await jsonMode([
      { function: "murmur2", keyHex: "ff80c3", partitions: 12 },
      { function: "murmur2", keyHex: "FF80C3", partitions: 12 },
      { function: "crc32", keyHex: "00ff", partitions: 1000 },
    ]);
    expect(answers).toEqual([
      { hash: expect.any(Number), partition: expect.any(Number) },
      (answers as unknown[])[0],
      { hash: expect.any(Number), partition: expect.any(Number) },
    ]);
    const [first, , third] = answers as { hash: number; partition: number }[];
    expect(first!.partition).toBe((first!.hash & 0x7fffffff) % 12);
    expect(third!.partition).toBe(third!.hash % 1000);
  });

  it("answers a NULL key as each client does: no hash in Java, zero bytes in consistent and fnv1a", async () => {
    expect(
      await jsonMode([
        { function: "murmur2", keyHex: null, partitions: 6 },
        { function: "crc32", keyHex: null, partitions: 6 },
        { function: "fnv1a", keyHex: null, partitions: 6 },
      ]),
    ).toEqual([
      { hash: null, partition: null, note: expect.stringContaining("sticky") },
      { hash: 0, partition: 0 },
      { hash: 0x7ee3623b, partition: 0x7ee3623b % 6 },
    ]);
  });

  it("answers an empty array with an empty array", async () => {
    expect(await jsonMode([])).toEqual([]);
  });

  // Correctness at volume only; speed is measured by `npm run bench`, never in a unit test.
  it("answers 100,000 entries in order", async () => {
    const requests = Array.from({ length: 100_000 }, (_, i) => ({
      function: ["murmur2", "crc32", "fnv1a"][i % 3],
      keyHex: i.toString(16).padStart(8, "0"),
      partitions: (i % 50) + 1,
    }));
    const answers = (await jsonMode(requests)) as { partition: number }[];
    expect(answers).toHaveLength(100_000);
    expect(answers.every((a, i) => a.partition >= 0 && a.partition < (i % 50) + 1)).toBe(true);
  });
});

describe("sim partition, bad input", () => {
  it.each([
    ["not JSON", "{", /^stdin: not valid JSON/],
    ["empty stdin", "", /^stdin: not valid JSON/],
    ["not an array", { function: "murmur2" }, /^stdin: expected a JSON array/],
  ])("rejects %s", async (_label, stdin, pattern) => {
    const result = await runPartitionCommand([], stdinOf(stdin));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^partition: ${pattern.source.slice(1)}`));
    expect(result.stderr.trimEnd().includes("\n")).toBe(false);
  });

  const ok = { function: "murmur2", keyHex: "00", partitions: 3 };
  it.each([
    [[ok, ok, ok, { ...ok, keyHex: "abc" }], "[3].keyHex: odd number of hex digits"],
    [[{ ...ok, keyHex: "zz" }], "[0].keyHex: not a hex digit at position 0"],
    [[{ ...ok, keyHex: 12 }], "[0].keyHex: expected a string of hex digits or null"],
    [[{ function: "murmur2", partitions: 3 }], "[0].keyHex: missing (use null for a NULL key)"],
    [
      [ok, { ...ok, function: "sha1" }],
      '[1].function: unknown function "sha1" (expected murmur2, crc32 or fnv1a)',
    ],
    [[{ keyHex: "00", partitions: 3 }], "[0].function: missing"],
    [[{ ...ok, partitions: 0 }], "[0].partitions: expected a positive integer, got 0"],
    [[{ ...ok, partitions: 2.5 }], "[0].partitions: expected a positive integer, got 2.5"],
    [[{ ...ok, partitions: "3" }], '[0].partitions: expected a positive integer, got "3"'],
    [[{ ...ok, partitions: 2147483648 }], "[0].partitions: too large: 2147483648 (at most 2147483647)"],
    [[{ function: "murmur2", keyHex: "00" }], "[0].partitions: missing"],
    [[ok, null], "[1]: expected an object with function, keyHex and partitions"],
    [[[ok]], "[0]: expected an object with function, keyHex and partitions"],
  ])("names the element and field: %j", async (stdin, message) => {
    await expectBadInput(stdin, message);
  });

  it.each([
    [["--partitions", "3"], "missing --key, --key-hex or --null-key (or no options: JSON on stdin)"],
    [["--key", "a"], "missing --partitions N"],
    [["--key", "a", "--partitions", "0"], "--partitions: expected a positive integer, got 0"],
    [["--key", "a", "--partitions", "-2"], "--partitions: expected a positive integer"],
    [
      ["--key", "a", "--partitions", "99999999999"],
      "--partitions: too large: 99999999999 (at most 2147483647)",
    ],
    [["--key", "a", "--key-hex", "00", "--partitions", "3"], "give only one of --key, --key-hex"],
    [["--key-hex", "0", "--partitions", "3"], "--key-hex: odd number of hex digits"],
    [
      ["--key", "a", "--partitions", "3", "--function", "md5"],
      '--function: unknown function "md5" (expected murmur2, crc32 or fnv1a)',
    ],
    [["--key"], "--key needs a value"],
  ])("rejects arguments %j", async (args, message) => {
    expect(await runPartitionCommand(args, noStdin)).toEqual({
      stdout: "",
      stderr: `partition: ${message}\n`,
      exitCode: 2,
    });
  });

  it("rejects unknown arguments", async () => {
    const result = await runPartitionCommand(["--keys", "a"], noStdin);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^partition: unexpected argument "--keys"/);
  });
});

describe("sim partition, human mode", () => {
  it("shows every client type's pick for a key", async () => {
    const result = await runPartitionCommand(["--key", "key1", "--partitions", "6"], noStdin);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe('key "key1" (4 bytes: 6b657931), 6 partitions');
    expect(lines).toHaveLength(10);
    expect(result.stdout).toMatch(
      /java default \(built-in\) \[default\]\s+murmur2 toPositive\(28543940\) % 6 = 2\s+→ partition 2/,
    );
    expect(result.stdout).toMatch(
      /librdkafka consistent_random \[default\]\s+crc32 744252496 % 6 = 4\s+→ partition 4/,
    );
    expect(result.stdout).toMatch(/librdkafka random\s+.*→ random partition/);
  });

  it("answers one function with --function, accepting --name=value", async () => {
    const result = await runPartitionCommand(
      ["--key=kafka", "--partitions=3", "--function", "crc32"],
      noStdin,
    );
    expect(result).toEqual({
      stdout:
        'key "kafka" (5 bytes: 6b61666b61), 3 partitions\ncrc32 (librdkafka consistent): hash 1539077399; 1539077399 % 3 = 2 → partition 2\n',
      stderr: "",
      exitCode: 0,
    });
  });

  it("takes raw bytes with --key-hex and explains a NULL key with --null-key", async () => {
    const hex = await runPartitionCommand(
      ["--key-hex", "FF", "--partitions", "4", "--function", "murmur2"],
      noStdin,
    );
    expect(hex.stdout).toMatch(
      /^key 0xff \(1 byte\), 4 partitions\nmurmur2 \(Java client\): hash -?\d+; toPositive/,
    );
    const nullKey = await runPartitionCommand(
      ["--null-key", "--partitions", "6", "--function", "murmur2"],
      noStdin,
    );
    expect(nullKey.stdout).toBe(
      "NULL key, 6 partitions\nmurmur2 (Java client): NULL key: the Java client does not hash it; the built-in sticky partitioner picks the partition\n",
    );
  });

  it("prints usage with --help", async () => {
    const result = await runPartitionCommand(["--help"], noStdin);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^usage: sim partition/);
  });
});
