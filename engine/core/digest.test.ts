// Protects the event-log digest: every field of every event counts, values of different types never
// collide by their text, and the same events give the same hex string.
import { describe, expect, it } from "vitest";
import { createDigest, digestHex, updateDigest } from "./digest";

function digestOf(...events: object[]): string {
  const digest = createDigest();
  for (const event of events) updateDigest(digest, event);
  return digestHex(digest);
}

const produced = {
  type: "produceRequestSent",
  producerId: "p1",
  requestId: 7,
  acks: "all",
  batches: [{ topic: "orders", partition: 3, recordCount: 2, sizeBytes: 301.5, first: null, sealed: true }],
  index: 12,
  atUs: 5_000_000_123,
};

describe("event-log digest", () => {
  it("is a 16-digit hex string that depends only on the events", () => {
    expect(digestOf(produced)).toMatch(/^[0-9a-f]{16}$/);
    expect(digestOf(produced, produced)).toBe(digestOf(structuredClone(produced), { ...produced }));
  });

  it("changes when any field changes, however deeply nested", () => {
    const base = digestOf(produced);
    const variants: object[] = [
      { ...produced, producerId: "p2" },
      { ...produced, requestId: 8 },
      { ...produced, atUs: 5_000_000_124 },
      { ...produced, batches: [{ ...produced.batches[0], partition: 4 }] },
      { ...produced, batches: [{ ...produced.batches[0], sizeBytes: 301.25 }] },
      { ...produced, batches: [{ ...produced.batches[0], first: 0 }] },
      { ...produced, batches: [{ ...produced.batches[0], sealed: false }] },
      { ...produced, batches: [] },
      { ...produced, extra: undefined },
    ];
    for (const variant of variants) expect(digestOf(variant)).not.toBe(base);
  });

  it("tells values of different types and event boundaries apart", () => {
    expect(digestOf({ v: 5 })).not.toBe(digestOf({ v: "5" }));
    expect(digestOf({ v: null })).not.toBe(digestOf({ v: "null" }));
    expect(digestOf({ v: [1, 2] })).not.toBe(digestOf({ v: [[1], 2] }));
    expect(digestOf({ a: "b" }, { c: 1 })).not.toBe(digestOf({ a: "b", c: 1 }));
    expect(digestOf({ a: 1, b: 2 })).not.toBe(digestOf({ b: 2, a: 1 }));
  });
});
