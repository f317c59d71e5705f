// Protects which partition each client type picks for a key, including every NULL-key and empty-key rule of Java and librdkafka.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainKeyPartitioning } from "./explain.ts";
import { utf8Key } from "./key-bytes.ts";
import {
  javaDefaultPick,
  javaPartitionForKey,
  LIBRDKAFKA_PARTITIONER_NAMES,
  type LibrdkafkaPartitionerName,
  librdkafkaPick,
} from "./key-partitioning.ts";
import type { KeyPartitionPick } from "./types.ts";

const key = (text: string): Uint8Array => utf8Key(text);
const at = (partition: number): KeyPartitionPick => ({ kind: "partition", partition });

describe("Java default partitioner: toPositive(murmur2(key)) % n", () => {
  it.each([
    ["key1", [2, 2, 0, 8]],
    ["key2", [2, 5, 1, 11]],
    ["user-42", [1, 4, 0, 4]],
    ["a", [1, 4, 4, 4]],
    ["order-1001", [0, 0, 8, 6]],
    ["kafka", [1, 4, 0, 4]],
  ])("%j on 3 / 6 / 10 / 12 partitions → %j", (text, expected) => {
    expect([3, 6, 10, 12].map((n) => javaPartitionForKey(key(text), n))).toEqual(expected);
  });

  it("hashes the empty key (275646681) but sends a NULL key to the sticky partitioner", () => {
    expect(javaDefaultPick(new Uint8Array(0), 7)).toEqual(at(275646681 % 7));
    expect(javaDefaultPick(null, 7)).toEqual({ kind: "sticky" });
  });

  it("goes sticky for keyed records too when partitioner.ignore.keys=true", () => {
    expect(javaDefaultPick(key("key1"), 6, true)).toEqual({ kind: "sticky" });
  });

  it("always lands in [0, n)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), fc.integer({ min: 1, max: 2147483647 }), (bytes, n) => {
        const partition = javaPartitionForKey(bytes, n);
        expect(partition).toBeGreaterThanOrEqual(0);
        expect(partition).toBeLessThan(n);
      }),
    );
  });

  it("rejects partition counts that are not positive int32 integers", () => {
    for (const bad of [0, -1, 1.5, 2147483648, Number.NaN]) {
      expect(() => javaPartitionForKey(key("k"), bad)).toThrow(RangeError);
    }
  });
});

describe("librdkafka partitioners (tests/0048-partitioner.c, 17 partitions)", () => {
  const partitionCount = 17;
  const keys: (Uint8Array | null)[] = [
    null,
    key(""),
    key("23456"),
    key("this is another string with more length to it perhaps"),
    key("hejsan"),
  ];
  const crc = [0x0, 0x0, 0xb1b451d7, 0xb0150df7, 0xd077037e];
  const mm = [0x106e08d9, 0x106e08d9, 0x058d780f, 0x4f7703da, 0x5ec19395];
  const fnv = [0x7ee3623b, 0x7ee3623b, 0x27e6f469, 0x155e3e5f, 0x17b1e27a];
  const fixed = (values: number[]) => values.map((v) => at(v % partitionCount));
  const sticky: KeyPartitionPick = { kind: "sticky" };
  const expected: Record<LibrdkafkaPartitionerName, KeyPartitionPick[]> = {
    // librdkafka's `random` still routes NULL keys through the sticky path.
    random: [sticky, { kind: "random" }, { kind: "random" }, { kind: "random" }, { kind: "random" }],
    consistent: fixed(crc),
    consistent_random: [sticky, sticky, ...fixed(crc.slice(2))],
    murmur2: fixed(mm),
    murmur2_random: [sticky, ...fixed(mm.slice(1))],
    fnv1a: fixed(fnv),
    fnv1a_random: [sticky, ...fixed(fnv.slice(1))],
  };

  it.each(LIBRDKAFKA_PARTITIONER_NAMES)(
    "%s picks value %% partition_cnt, or the sticky/random path",
    (name) => {
      expect(keys.map((k) => librdkafkaPick(name, k, partitionCount))).toEqual(expected[name]);
    },
  );

  it("with sticky.partitioning.linger.ms=0, keys the test expects as -1 are drawn per record", () => {
    expect(librdkafkaPick("consistent_random", null, partitionCount, 0)).toEqual({ kind: "random" });
    expect(librdkafkaPick("consistent_random", key(""), partitionCount, 0)).toEqual({ kind: "random" });
    expect(librdkafkaPick("murmur2_random", null, partitionCount, 0)).toEqual({ kind: "random" });
    expect(librdkafkaPick("fnv1a_random", null, partitionCount, 0)).toEqual({ kind: "random" });
    expect(librdkafkaPick("random", null, partitionCount, 0)).toEqual({ kind: "random" });
    expect(librdkafkaPick("consistent", null, partitionCount, 0)).toEqual(at(0));
  });

  it("reduces fnv1a's 0x80000000 with unsigned modulo", () => {
    const intMinKey = Uint8Array.of(0x65, 0x6c, 0x6a, 0x75, 0x4f, 0x06);
    expect(librdkafkaPick("fnv1a", intMinKey, 10)).toEqual(at(2147483648 % 10));
  });

  it("always lands in [0, n) when the key decides", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LIBRDKAFKA_PARTITIONER_NAMES),
        fc.option(fc.uint8Array({ maxLength: 32 })),
        fc.integer({ min: 1, max: 2147483647 }),
        (name, bytes, n) => {
          const pick = librdkafkaPick(name, bytes, n);
          if (pick.kind === "partition") {
            expect(pick.partition).toBeGreaterThanOrEqual(0);
            expect(pick.partition).toBeLessThan(n);
          }
        },
      ),
    );
  });
});

describe("the same key lands differently in Java and in librdkafka's default", () => {
  it("key1 on 6 partitions: Java 2, librdkafka consistent_random 4, murmur2_random 2", () => {
    expect(javaPartitionForKey(key("key1"), 6)).toBe(2);
    expect(librdkafkaPick("consistent_random", key("key1"), 6)).toEqual(at(4));
    expect(librdkafkaPick("murmur2_random", key("key1"), 6)).toEqual(at(2));
  });

  it("kafka on 3 partitions: Java 1, librdkafka consistent_random 2", () => {
    expect(javaPartitionForKey(key("kafka"), 3)).toBe(1);
    expect(librdkafkaPick("consistent_random", key("kafka"), 3)).toEqual(at(2));
  });

  it("murmur2_random agrees with Java on every non-NULL key", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), fc.integer({ min: 1, max: 1000 }), (bytes, n) => {
        expect(librdkafkaPick("murmur2_random", bytes, n)).toEqual(at(javaPartitionForKey(bytes, n)));
      }),
    );
  });
});

describe("explainKeyPartitioning (hover card)", () => {
  it("lists every client type with its hash, modulo step and pick", () => {
    const rows = explainKeyPartitioning(key("kafka"), 3);
    expect(rows.map((row) => row.partitioner)).toEqual([
      "default (built-in)",
      "org.apache.kafka.clients.producer.RoundRobinPartitioner",
      ...LIBRDKAFKA_PARTITIONER_NAMES,
    ]);
    const byName = new Map(rows.map((row) => [row.partitioner, row]));
    expect(byName.get("default (built-in)")).toMatchObject({
      hashFunction: "murmur2",
      hash: -798503068,
      expression: "toPositive(-798503068) % 3 = 1",
      pick: at(1),
      isClientDefault: true,
    });
    expect(byName.get("consistent_random")).toMatchObject({
      hashFunction: "crc32",
      hash: 0x5bbc7517,
      expression: `${0x5bbc7517} % 3 = 2`,
      pick: at(2),
      isClientDefault: true,
    });
    expect(byName.get("murmur2")).toMatchObject({
      hash: 0xd067cf64,
      expression: `(${0xd067cf64} & 0x7fffffff) % 3 = 1`,
    });
    expect(byName.get("fnv1a")).toMatchObject({ hash: 0x0d33c4e1, pick: at(0x0d33c4e1 % 3) });
    expect(byName.get("random")?.pick).toEqual({ kind: "random" });
    expect(byName.get("org.apache.kafka.clients.producer.RoundRobinPartitioner")?.pick).toEqual({
      kind: "round-robin",
    });
  });

  it("explains NULL keys instead of inventing a hash", () => {
    const byName = new Map(explainKeyPartitioning(null, 6).map((row) => [row.partitioner, row]));
    expect(byName.get("default (built-in)")).toMatchObject({
      hash: null,
      expression: null,
      pick: { kind: "sticky" },
    });
    expect(byName.get("consistent_random")).toMatchObject({ hash: null, pick: { kind: "sticky" } });
    expect(byName.get("consistent")).toMatchObject({ hash: 0, expression: "0 % 6 = 0", pick: at(0) });
    expect(byName.get("murmur2")).toMatchObject({ hash: 0x106e08d9, pick: at(0x106e08d9 % 6) });
  });
});
