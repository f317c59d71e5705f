// `sim partition`: which partition a key lands on, computed exactly as the real clients do.
//   JSON mode (no --key/--key-hex/--null-key): stdin is a JSON array of
//     {"function": "murmur2"|"crc32"|"fnv1a", "keyHex": "<hex>"|null, "partitions": N};
//     stdout is one JSON line, an array of {"hash", "partition"} in the same order.
//     murmur2 is the Java client (signed Utils.murmur2, toPositive(hash) % N); crc32 and fnv1a
//     are librdkafka's `consistent` and `fnv1a` partitioners (unsigned hash, hash % N).
//     A NULL key ("keyHex": null): Java does not hash it (the built-in sticky partitioner decides),
//     so murmur2 gives {"hash": null, "partition": null, "note"}; librdkafka's consistent and
//     fnv1a hash it as zero bytes.
//   Human mode: --key <utf8> | --key-hex <hex> | --null-key, --partitions N [--function F].
// Bad input exits 2 with one line on stderr naming the element and field, and nothing on stdout.

import { toPositive } from "../core/java-hash.ts";
import {
  bytesToHex,
  crc32,
  explainKeyPartitioning,
  fnv1a,
  type KeyPartitionExplanation,
  MAX_PARTITION_COUNT,
  murmur2,
  parseHexKey,
  utf8Key,
} from "../producer/partitioner/index.ts";
import type { CliResult, ReadStdin } from "./types.ts";

const FUNCTIONS = ["murmur2", "crc32", "fnv1a"] as const;
type HashFunction = (typeof FUNCTIONS)[number];

const JAVA_NULL_KEY_NOTE =
  "NULL key: the Java client does not hash it; the built-in sticky partitioner picks the partition";

export type PartitionAnswer =
  | { readonly hash: number; readonly partition: number }
  | { readonly hash: null; readonly partition: null; readonly note: string };

/** The hash and partition one client computes for one key (the JSON-mode contract). */
export function partitionWith(
  fn: HashFunction,
  key: Uint8Array | null,
  partitionCount: number,
): PartitionAnswer {
  switch (fn) {
    case "murmur2": {
      if (key === null) return { hash: null, partition: null, note: JAVA_NULL_KEY_NOTE };
      const hash = murmur2(key);
      return { hash, partition: toPositive(hash) % partitionCount };
    }
    case "crc32": {
      const hash = crc32(key);
      return { hash, partition: hash % partitionCount };
    }
    case "fnv1a": {
      const hash = fnv1a(key);
      return { hash, partition: hash % partitionCount };
    }
  }
}

export async function runPartitionCommand(args: string[], readStdin: ReadStdin): Promise<CliResult> {
  const parsed = parseArgs(args);
  switch (parsed.kind) {
    case "error":
      return fail(parsed.message);
    case "help":
      return { stdout: USAGE, stderr: "", exitCode: 0 };
    case "json":
      return runJsonMode(await readStdin());
    case "human":
      return { stdout: formatHuman(parsed.request), stderr: "", exitCode: 0 };
  }
}

const USAGE = `usage: sim partition                      (JSON array on stdin, JSON array on stdout)
       sim partition --key <text> | --key-hex <hex> | --null-key --partitions N [--function murmur2|crc32|fnv1a]
`;

const fail = (message: string): CliResult => ({ stdout: "", stderr: `partition: ${message}\n`, exitCode: 2 });

interface JsonRequest {
  readonly fn: HashFunction;
  readonly key: Uint8Array | null;
  readonly partitionCount: number;
}

function runJsonMode(text: string): CliResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return fail(`stdin: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(input))
    return fail('stdin: expected a JSON array of {"function", "keyHex", "partitions"}');
  const answers: PartitionAnswer[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const request = decodeRequest(input[i]);
    if (typeof request === "string") return fail(`[${i}]${request}`);
    answers[i] = partitionWith(request.fn, request.key, request.partitionCount);
  }
  return { stdout: `${JSON.stringify(answers)}\n`, stderr: "", exitCode: 0 };
}

/** Validates one element; an error string starts with the field path after the index. */
function decodeRequest(element: unknown): JsonRequest | string {
  if (typeof element !== "object" || element === null || Array.isArray(element)) {
    return ": expected an object with function, keyHex and partitions";
  }
  const record = element as Record<string, unknown>;
  const fn = decodeFunction(record.function);
  if (fn.error !== null) return `.function: ${fn.error}`;
  const key = decodeKeyHex(record.keyHex);
  if (key.error !== null) return `.keyHex: ${key.error}`;
  const partitionCount = decodePartitions(record.partitions);
  if (typeof partitionCount === "string") return `.partitions: ${partitionCount}`;
  return { fn: fn.value, key: key.value, partitionCount };
}

type Decoded<T> =
  | { readonly value: T; readonly error: null }
  | { readonly value: null; readonly error: string };

function decodeFunction(value: unknown): Decoded<HashFunction> {
  if (value === undefined) return { value: null, error: "missing" };
  if (typeof value === "string" && (FUNCTIONS as readonly string[]).includes(value)) {
    return { value: value as HashFunction, error: null };
  }
  return {
    value: null,
    error: `unknown function ${JSON.stringify(value)} (expected murmur2, crc32 or fnv1a)`,
  };
}

function decodeKeyHex(
  value: unknown,
): Decoded<Uint8Array | null> | { readonly value: null; readonly error: null } {
  if (value === undefined) return { value: null, error: "missing (use null for a NULL key)" };
  if (value === null) return { value: null, error: null };
  if (typeof value !== "string") return { value: null, error: "expected a string of hex digits or null" };
  const parsed = parseHexKey(value);
  return parsed.ok ? { value: parsed.bytes, error: null } : { value: null, error: parsed.reason };
}

function decodePartitions(value: unknown): number | string {
  if (value === undefined) return "missing";
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    return `expected a positive integer, got ${JSON.stringify(value)}`;
  }
  if (value > MAX_PARTITION_COUNT) return `too large: ${value} (at most ${MAX_PARTITION_COUNT})`;
  return value;
}

interface HumanRequest {
  readonly key: Uint8Array | null;
  /** How the user typed the key, for the answer's first line. */
  readonly keyLabel: string;
  readonly partitionCount: number;
  readonly fn: HashFunction | null;
}

const OPTIONS_WITH_VALUE = new Set(["--key", "--key-hex", "--partitions", "--function"]);

/** Splits `--name value` and `--name=value` pairs; flags without a value map to "". */
function readOptions(args: string[]): Map<string, string> | string {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (name === "--null-key" || name === "--help") {
      options.set(name, "");
      continue;
    }
    if (!OPTIONS_WITH_VALUE.has(name)) return `unexpected argument ${JSON.stringify(arg)}\n${USAGE}`;
    if (options.has(name)) return `${name} given twice`;
    const value = name === arg ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) return `${name} needs a value`;
    options.set(name, value);
  }
  return options;
}

type ParsedArgs =
  | { readonly kind: "error"; readonly message: string }
  | { readonly kind: "help" }
  | { readonly kind: "json" }
  | { readonly kind: "human"; readonly request: HumanRequest };

function parseArgs(args: string[]): ParsedArgs {
  const options = readOptions(args);
  if (typeof options === "string") return { kind: "error", message: options };
  if (options.has("--help")) return { kind: "help" };
  if (options.size === 0) return { kind: "json" };
  const request = parseHumanOptions(options);
  return typeof request === "string" ? { kind: "error", message: request } : { kind: "human", request };
}

function parseHumanOptions(options: Map<string, string>): HumanRequest | string {
  const keyOptions = ["--key", "--key-hex", "--null-key"].filter((name) => options.has(name));
  if (keyOptions.length === 0) return "missing --key, --key-hex or --null-key (or no options: JSON on stdin)";
  if (keyOptions.length > 1) return `give only one of ${keyOptions.join(", ")}`;
  const key = humanKey(keyOptions[0]!, options);
  if (typeof key === "string") return key;
  const partitionsText = options.get("--partitions");
  if (partitionsText === undefined) return "missing --partitions N";
  const partitionCount = /^\d+$/.test(partitionsText)
    ? decodePartitions(Number(partitionsText))
    : "expected a positive integer";
  if (typeof partitionCount === "string") return `--partitions: ${partitionCount}`;
  const fnText = options.get("--function");
  const fn = fnText === undefined ? null : decodeFunction(fnText);
  if (fn !== null && fn.error !== null) return `--function: ${fn.error}`;
  return { ...key, partitionCount, fn: fn?.value ?? null };
}

function humanKey(
  option: string,
  options: Map<string, string>,
): Pick<HumanRequest, "key" | "keyLabel"> | string {
  if (option === "--null-key") return { key: null, keyLabel: "NULL key" };
  const value = options.get(option)!;
  if (option === "--key") {
    const key = utf8Key(value);
    return { key, keyLabel: `key ${JSON.stringify(value)} (${describeBytes(key)})` };
  }
  const parsed = parseHexKey(value);
  if (!parsed.ok) return `--key-hex: ${parsed.reason}`;
  const bytes = parsed.bytes;
  return {
    key: bytes,
    keyLabel: `key 0x${bytesToHex(bytes)} (${bytes.length} byte${bytes.length === 1 ? "" : "s"})`,
  };
}

function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return "empty: 0 bytes";
  return `${bytes.length} byte${bytes.length === 1 ? "" : "s"}: ${bytesToHex(bytes)}`;
}

function formatHuman(request: HumanRequest): string {
  const header = `${request.keyLabel}, ${request.partitionCount} partitions\n`;
  if (request.fn !== null)
    return header + formatSingleFunction(request.fn, request.key, request.partitionCount);
  const rows = explainKeyPartitioning(request.key, request.partitionCount).map(formatExplanation);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return (
    header +
    rows
      .map(
        (row) =>
          `${row
            .map((cell, c) => cell.padEnd(widths[c] ?? 0))
            .join("  ")
            .trimEnd()}\n`,
      )
      .join("")
  );
}

function formatSingleFunction(fn: HashFunction, key: Uint8Array | null, partitionCount: number): string {
  const answer = partitionWith(fn, key, partitionCount);
  if (answer.hash === null) return `${fn} (Java client): ${answer.note}\n`;
  const client = fn === "murmur2" ? "Java client" : `librdkafka ${fn === "crc32" ? "consistent" : "fnv1a"}`;
  const step =
    fn === "murmur2"
      ? `toPositive(${answer.hash}) % ${partitionCount}`
      : `${answer.hash} % ${partitionCount}`;
  return `${fn} (${client}): hash ${answer.hash}; ${step} = ${answer.partition} → partition ${answer.partition}\n`;
}

function formatExplanation(row: KeyPartitionExplanation): string[] {
  const name = `${row.client} ${row.partitioner}${row.isClientDefault ? " [default]" : ""}`;
  const how = row.expression !== null ? `${row.hashFunction} ${row.expression}` : (row.note ?? "");
  return [name, how, pickText(row)];
}

function pickText(row: KeyPartitionExplanation): string {
  switch (row.pick.kind) {
    case "partition":
      return `→ partition ${row.pick.partition}`;
    case "sticky":
      return "→ sticky partition";
    case "random":
      return "→ random partition";
    case "round-robin":
      return "→ next in round robin";
  }
}
