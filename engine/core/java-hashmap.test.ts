// Protects the Java HashMap/HashSet iteration order that Kafka's sticky assignors depend on; every
// expected order below was printed by a JVM (OpenJDK 17) running the same operations.
import { describe, expect, it } from "vitest";
import { javaStringHashCode } from "./java-hash";
import { JavaHashMap, javaHashMapKeyOrder, javaSpreadHash, javaTableSizeFor } from "./java-hashmap";

const stringMap = <V>() => new JavaHashMap<string, V>(javaStringHashCode, (key) => key);

/** The LCG the JVM harness used, so both sides run the same operation sequence. */
function lcg(seed: number): (bound: number) => number {
  let state = BigInt(seed);
  return (bound) => {
    state = (state * 1103515245n + 12345n) & 0x7fffffffn;
    return Number(state % BigInt(bound));
  };
}

interface Partition {
  readonly topic: string;
  readonly partition: number;
}
const partitionHash = (tp: Partition) =>
  (Math.imul(31, 31 + tp.partition) + javaStringHashCode(tp.topic)) | 0;

describe("JavaHashMap", () => {
  it("iterates consumer4..consumer1 for consumer1..consumer4 at capacity 16 (kafka-semantics §6.4)", () => {
    const order = javaHashMapKeyOrder(
      ["consumer1", "consumer2", "consumer3", "consumer4"],
      javaStringHashCode,
    );
    expect(order).toEqual(["consumer4", "consumer3", "consumer2", "consumer1"]);
  });

  it("spreads the high half of the hash into the bucket index", () => {
    const bucket = (key: string) => javaSpreadHash(javaStringHashCode(key)) & 15;
    expect(["consumer1", "consumer2", "consumer3", "consumer4"].map(bucket)).toEqual([12, 11, 10, 9]);
  });

  it("keeps the JVM order across resizes (40 keys end at capacity 64)", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const map = stringMap<number>();
    for (const [i, key] of keys.entries()) map.set(key, i);
    expect(map.capacity).toBe(64);
    expect([...map.keys()].join(",")).toBe(
      "c31,c30,c11,c33,c10,c32,c13,c35,c12,c34,c15,c37,c14,c36,c17,c39,c16,c38,c19,c18," +
        "c20,c22,c21,c24,c23,c26,c25,c28,c27,c29,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9",
    );
  });

  it("resizes instead of treeifying when a bucket reaches 9 entries below capacity 64", () => {
    const keys = ["k0", "k70", "k81", "k92", "k120", "k131", "k142", "k153", "k164"];
    const map = stringMap<true>();
    for (const key of keys.slice(0, 8)) map.set(key, true);
    expect(map.capacity).toBe(16);
    map.set(keys[8]!, true);
    expect(map.capacity).toBe(32);
    expect([...map.keys()]).toEqual(keys);
    map.delete("k0");
    map.delete("k92");
    map.set("zz", true);
    expect([...map.keys()]).toEqual(["zz", "k70", "k81", "k120", "k131", "k142", "k153", "k164"]);
    expect(map.firstKey()).toBe("zz");
  });

  it("re-putting a key keeps its position and only replaces the value", () => {
    const map = stringMap<number>();
    map.set("a", 1).set("b", 2).set("a", 3);
    expect([...map.entries()]).toEqual([
      ["a", 3],
      ["b", 2],
    ]);
  });

  it("honours new HashMap<>(n): tableSizeFor(4) buckets first", () => {
    const map = new JavaHashMap<string, number>(javaStringHashCode, (key) => key, {
      kind: "initialCapacity",
      capacity: 4,
    });
    for (let i = 0; i < 6; i++) map.set(`consumer${i}`, i);
    expect([...map.keys()]).toEqual([
      "consumer5",
      "consumer4",
      "consumer3",
      "consumer2",
      "consumer1",
      "consumer0",
    ]);
  });

  it("computes tableSizeFor like the JDK", () => {
    expect([0, 1, 2, 3, 16, 17, 100].map(javaTableSizeFor)).toEqual([1, 1, 2, 4, 16, 32, 128]);
  });

  it("matches the JVM after 400 random puts and removes of member ids", () => {
    const next = lcg(42);
    const map = stringMap<number>();
    for (let i = 0; i < 400; i++) {
      const key = `member-${next(150)}`;
      if (next(10) < 7) map.set(key, i);
      else map.delete(key);
    }
    expect([...map.keys()].join(",")).toBe(
      "member-121,member-39,member-37,member-3,member-35,member-79,member-9,member-77,member-75,member-31,member-71,member-117,member-113,member-115,member-111,member-29,member-27,member-25,member-67,member-23,member-63,member-61,member-107,member-109,member-103,member-147,member-143,member-145,member-101,member-19,member-59,member-15,member-57,member-13,member-11,member-99,member-55,member-95,member-93,member-139,member-135,member-137,member-131,member-133,member-49,member-89,member-45,member-43,member-85,member-41,member-83,member-81,member-129,member-125,member-127",
    );
  });

  it("matches the JVM for a HashSet<TopicPartition> under adds and removes", () => {
    const next = lcg(7);
    const set = new JavaHashMap<Partition, true>(partitionHash, (tp) => `${tp.topic}-${tp.partition}`);
    for (let i = 0; i < 300; i++) {
      const tp = { topic: next(2) === 0 ? "orders" : "payments", partition: next(64) };
      if (next(10) < 7) set.set(tp, true);
      else set.delete(tp);
    }
    expect([...set.keys()].map((tp) => `${tp.topic}-${tp.partition}`).join(",")).toBe(
      "payments-4,orders-39,orders-43,orders-47,payments-12,orders-51,payments-8,orders-55,payments-54,orders-59,orders-63,orders-1,payments-62,orders-5,orders-7,payments-36,orders-11,payments-32,orders-15,payments-40,orders-23,orders-27,payments-16,orders-31,payments-28,orders-35,orders-41,orders-45,payments-2,payments-14,orders-53,payments-10,orders-57,payments-48,orders-61,payments-60,orders-3,payments-56,orders-9,orders-13,orders-17,payments-46,payments-42,orders-21,orders-25,orders-29,payments-18,payments-30,orders-33,payments-26,orders-37",
    );
  });

  it("computeIfAbsent puts a new key first in its bucket (groupPartitionsByTopic order)", () => {
    const map = stringMap<number>();
    for (const topic of ["t0", "events-v2", "c"]) map.computeIfAbsent(topic, () => 0);
    expect([...map.keys()]).toEqual(["c", "events-v2", "t0"]);
  });

  it("computeIfAbsent resizes before inserting, so 13 keys still fit 16 buckets", () => {
    const computed = stringMap<number>();
    const put = stringMap<number>();
    for (let i = 0; i < 13; i++) {
      computed.computeIfAbsent(`k${i}`, () => i);
      put.set(`k${i}`, i);
    }
    expect(computed.capacity).toBe(16);
    expect([...computed.keys()].join(",")).toBe("k0,k1,k2,k3,k4,k11,k5,k10,k6,k7,k12,k8,k9");
    expect(put.capacity).toBe(32);
    expect([...put.keys()].join(",")).toBe("k0,k1,k2,k3,k4,k5,k11,k6,k10,k7,k8,k12,k9");
  });

  it("matches the JVM after 400 random computeIfAbsent, put and remove calls", () => {
    const next = lcg(11);
    const map = stringMap<number>();
    for (let i = 0; i < 400; i++) {
      const key = `topic-${next(120)}`;
      const op = next(10);
      if (op < 5) map.computeIfAbsent(key, () => 0);
      else if (op < 7) map.set(key, 1);
      else map.delete(key);
    }
    expect([...map.keys()].join(",")).toBe(
      "topic-6,topic-8,topic-104,topic-102,topic-92,topic-108,topic-50,topic-72,topic-0,topic-96,topic-30,topic-76,topic-98,topic-54,topic-10,topic-32,topic-78,topic-56,topic-12,topic-34,topic-46,topic-48,topic-26,topic-28,topic-80,topic-82,topic-118,topic-116,topic-20,topic-14,topic-36,topic-38,topic-18",
    );
  });

  it("computeIfAbsent resizes a small table when a bucket reaches 8 entries (put waits for 9)", () => {
    const keys = ["k0", "k70", "k81", "k92", "k120", "k131", "k142", "k153"];
    const map = stringMap<true>();
    for (const key of keys.slice(0, 7)) map.computeIfAbsent(key, () => true);
    expect([...map.keys()]).toEqual(["k142", "k131", "k120", "k92", "k81", "k70", "k0"]);
    map.computeIfAbsent(keys[7]!, () => true);
    expect(map.capacity).toBe(32);
    expect([...map.keys()]).toEqual(["k92", "k81", "k70", "k0", "k153", "k142", "k131", "k120"]);
  });
});
