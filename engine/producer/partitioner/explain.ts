// For one key and partition count, what every selectable client type would pick and why: the
// content of the UI's hover card and of `sim partition` in human mode.

import { toPositive } from "../../core/java-hash.ts";
import { crc32, fnv1a, murmur2, rdMurmur2 } from "./hashes.ts";
import {
  javaDefaultPick,
  LIBRDKAFKA_DEFAULT_PARTITIONER,
  LIBRDKAFKA_DEFAULT_STICKY_LINGER_MS,
  LIBRDKAFKA_PARTITIONER_NAMES,
  type LibrdkafkaPartitionerName,
  librdkafkaPick,
} from "./key-partitioning.ts";
import { JAVA_DEFAULT_PARTITIONER, JAVA_ROUND_ROBIN_PARTITIONER } from "./names.ts";
import type { KeyPartitionPick } from "./types.ts";

export type HashFunctionName = "murmur2" | "crc32" | "fnv1a";

export interface KeyPartitionExplanation {
  readonly client: "java" | "librdkafka";
  /** The exact configuration name (`partitioner.class` choice or librdkafka `partitioner`). */
  readonly partitioner: string;
  readonly isClientDefault: boolean;
  /** The hash that decided, or null when the key did not decide. */
  readonly hashFunction: HashFunctionName | null;
  /** The hash as that client computes it: signed int32 for Java, uint32 for librdkafka. */
  readonly hash: number | null;
  /** The modulo step as text, e.g. `toPositive(-798503068) % 3 = 1`. */
  readonly expression: string | null;
  readonly pick: KeyPartitionPick;
  /** Why the key did not decide (NULL key, empty key, key ignored), or null. */
  readonly note: string | null;
}

export interface ExplainOptions {
  /** Java `partitioner.ignore.keys` (default false). */
  readonly ignoreKeys?: boolean;
  /** librdkafka `sticky.partitioning.linger.ms` (default 10). */
  readonly stickyLingerMs?: number;
}

export function explainKeyPartitioning(
  key: Uint8Array | null,
  partitionCount: number,
  options: ExplainOptions = {},
): KeyPartitionExplanation[] {
  const stickyLingerMs = options.stickyLingerMs ?? LIBRDKAFKA_DEFAULT_STICKY_LINGER_MS;
  return [
    explainJavaDefault(key, partitionCount, options.ignoreKeys ?? false),
    {
      client: "java",
      partitioner: JAVA_ROUND_ROBIN_PARTITIONER,
      isClientDefault: false,
      hashFunction: null,
      hash: null,
      expression: null,
      pick: { kind: "round-robin" },
      note: "keys are ignored: a per-topic counter steps through the available partitions",
    },
    ...LIBRDKAFKA_PARTITIONER_NAMES.map((name) =>
      explainLibrdkafka(name, key, partitionCount, stickyLingerMs),
    ),
  ];
}

function explainJavaDefault(
  key: Uint8Array | null,
  partitionCount: number,
  ignoreKeys: boolean,
): KeyPartitionExplanation {
  const pick = javaDefaultPick(key, partitionCount, ignoreKeys);
  const base = { client: "java", partitioner: JAVA_DEFAULT_PARTITIONER, isClientDefault: true } as const;
  if (key === null || pick.kind !== "partition") {
    const note =
      key === null
        ? "NULL key: the built-in sticky partitioner picks (switches at a batch boundary, once batch.size bytes went to it)"
        : "partitioner.ignore.keys=true: the built-in sticky partitioner picks";
    return { ...base, hashFunction: null, hash: null, expression: null, pick, note };
  }
  const hash = murmur2(key);
  const expression = `toPositive(${hash}) % ${partitionCount} = ${toPositive(hash) % partitionCount}`;
  return { ...base, hashFunction: "murmur2", hash, expression, pick, note: null };
}

function explainLibrdkafka(
  name: LibrdkafkaPartitionerName,
  key: Uint8Array | null,
  partitionCount: number,
  stickyLingerMs: number,
): KeyPartitionExplanation {
  const pick = librdkafkaPick(name, key, partitionCount, stickyLingerMs);
  const base = {
    client: "librdkafka",
    partitioner: name,
    isClientDefault: name === LIBRDKAFKA_DEFAULT_PARTITIONER,
  } as const;
  if (pick.kind !== "partition") {
    return {
      ...base,
      hashFunction: null,
      hash: null,
      expression: null,
      pick,
      note: undecidedNote(pick, key),
    };
  }
  const hashFunction = librdkafkaHashFunction(name);
  const { hash, expression } = librdkafkaHashStep(hashFunction, key, partitionCount);
  const note = key === null ? "NULL key: hashed as zero bytes by this partitioner" : null;
  return { ...base, hashFunction, hash, expression, pick, note };
}

function librdkafkaHashFunction(name: LibrdkafkaPartitionerName): HashFunctionName {
  if (name === "murmur2" || name === "murmur2_random") return "murmur2";
  if (name === "fnv1a" || name === "fnv1a_random") return "fnv1a";
  return "crc32";
}

function librdkafkaHashStep(
  hashFunction: HashFunctionName,
  key: Uint8Array | null,
  partitionCount: number,
): { hash: number; expression: string } {
  switch (hashFunction) {
    case "murmur2": {
      const hash = rdMurmur2(key);
      const partition = (hash & 0x7fffffff) % partitionCount;
      return { hash, expression: `(${hash} & 0x7fffffff) % ${partitionCount} = ${partition}` };
    }
    case "crc32": {
      const hash = crc32(key);
      return { hash, expression: `${hash} % ${partitionCount} = ${hash % partitionCount}` };
    }
    case "fnv1a": {
      const hash = fnv1a(key);
      return { hash, expression: `${hash} % ${partitionCount} = ${hash % partitionCount}` };
    }
  }
}

function undecidedNote(pick: KeyPartitionPick, key: Uint8Array | null): string {
  const what = key === null ? "NULL key" : key.length === 0 ? "empty key" : "any key";
  if (pick.kind === "sticky")
    return `${what}: the sticky partition (re-drawn every sticky.partitioning.linger.ms)`;
  return `${what}: a random partition per record`;
}
