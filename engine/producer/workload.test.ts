// Protects the workload's key distributions: fixed keys cycle, uniform and skewed draw from the
// seeded stream (same seed, same keys), sequential ids count up, and none means null keys.
import { describe, expect, it } from "vitest";
import { createRandomStreams } from "../core/prng";
import { nextRecordKey } from "./workload";

const draw = (keys: Parameters<typeof nextRecordKey>[0], n: number, seed = 5) => {
  const random = createRandomStreams(seed).stream("workload");
  return Array.from({ length: n }, (_, i) => nextRecordKey(keys, i, random));
};

describe("workload keys", () => {
  it("cycles fixed keys, counts sequential ids, and gives null for none", () => {
    expect(draw({ kind: "fixed", keys: ["a", "b", "c"] }, 5)).toEqual(["a", "b", "c", "a", "b"]);
    expect(draw({ kind: "sequential", prefix: "order-" }, 3)).toEqual(["order-0", "order-1", "order-2"]);
    expect(draw({ kind: "none" }, 2)).toEqual([null, null]);
  });

  it("draws uniform keys key-0..key-(N-1) reproducibly from the seed", () => {
    const keys = draw({ kind: "uniform", count: 10 }, 5000);
    expect(new Set(keys)).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `key-${i}`)));
    expect(draw({ kind: "uniform", count: 10 }, 50)).toEqual(keys.slice(0, 50));
    expect(draw({ kind: "uniform", count: 10 }, 50, 6)).not.toEqual(keys.slice(0, 50));
  });

  it("gives the hot key its share and spreads the rest", () => {
    const keys = draw({ kind: "skewed", count: 20, hotKey: "hot", hotShare: 0.8 }, 10_000);
    const hot = keys.filter((k) => k === "hot").length / keys.length;
    expect(hot).toBeGreaterThan(0.77);
    expect(hot).toBeLessThan(0.83);
    expect(new Set(keys).size).toBe(21);
  });
});
