// Protects bit-exact murmur2, CRC-32 and FNV-1a against the known answers in Kafka's UtilsTest and librdkafka's unit tests.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32, fnv1a, murmur2, rdMurmur2 } from "./hashes.ts";
import { parseHexKey, utf8Key } from "./key-bytes.ts";

const ascii = (text: string): Uint8Array => utf8Key(text);
const hex = (digits: string): Uint8Array => {
  const parsed = parseHexKey(digits);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.bytes;
};

describe("murmur2 matches Java Utils.murmur2", () => {
  it.each([
    ["21", -973932308],
    ["foobar", -790332482],
    ["a-little-bit-long-string", -985981536],
    ["a-little-bit-longer-string", -1486304829],
    ["lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971],
    ["abc", 479470107],
  ])("UtilsTest#testMurmur2: %j → %i", (key, expected) => {
    expect(murmur2(ascii(key))).toBe(expected);
  });

  it("hashes the empty key to 0x106e08d9 = 275646681", () => {
    expect(murmur2(new Uint8Array(0))).toBe(275646681);
  });

  it("treats bytes as unsigned, so non-UTF-8 keys hash like Java byte[]", () => {
    expect(murmur2(hex("ff"))).toBe(murmur2(Uint8Array.of(255)));
    expect(murmur2(hex("80ff00fe"))).not.toBe(murmur2(hex("00ff00fe")));
  });

  it("always returns a signed int32", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (key) => {
        const h = murmur2(key);
        expect(h).toBe(h | 0);
      }),
    );
  });
});

describe("rd_murmur2 is Java's murmur2 returned as uint32", () => {
  it.each([
    ["kafka", 0xd067cf64],
    ["giberish123456789", 0x8f552b0c],
    ["1234", 0x9fc97b14],
    ["234", 0xe7c009ca],
    ["34", 0x873930da],
    ["4", 0x5a4b5ca1],
    ["PreAmbleWillBeRemoved,ThePrePartThatIs", 0x78424f1c],
    ["reAmbleWillBeRemoved,ThePrePartThatIs", 0x4a62b377],
    ["eAmbleWillBeRemoved,ThePrePartThatIs", 0xe0e4e09e],
    ["AmbleWillBeRemoved,ThePrePartThatIs", 0x62b8b43f],
    ["", 0x106e08d9],
  ])("rdmurmur2.c java_murmur2_results: %j → %i", (key, expected) => {
    expect(rdMurmur2(ascii(key))).toBe(expected);
  });

  it("hashes a NULL key like the empty key", () => {
    expect(rdMurmur2(null)).toBe(0x106e08d9);
  });

  it("has the same bits as Java for every key", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (key) => {
        expect(rdMurmur2(key) | 0).toBe(murmur2(key));
      }),
    );
  });
});

describe("crc32 matches librdkafka rd_crc32 (zlib/IEEE)", () => {
  it.each([
    ["", 0],
    ["23456", 0xb1b451d7],
    ["this is another string with more length to it perhaps", 0xb0150df7],
    ["hejsan", 0xd077037e],
    ["123456789", 0xcbf43926],
  ])("%j → %i", (key, expected) => {
    expect(crc32(ascii(key))).toBe(expected);
  });

  it("returns 0 for a NULL key, as zlib does for a NULL buffer", () => {
    expect(crc32(null)).toBe(0);
  });

  it("returns an unsigned 32-bit value", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (key) => {
        const h = crc32(key);
        expect(h).toBe(h >>> 0);
      }),
    );
  });
});

describe("fnv1a matches librdkafka rd_fnv1a (Sarama-compatible)", () => {
  it.each([
    ["kafka", 0x0d33c4e1],
    ["giberish123456789", 0x77a58295],
    ["1234", 0x023bdd03],
    ["234", 0x2dea3cd2],
    ["34", 0x740fa83e],
    ["4", 0x310ca263],
    ["PreAmbleWillBeRemoved,ThePrePartThatIs", 0x65cbd69c],
    ["reAmbleWillBeRemoved,ThePrePartThatIs", 0x6e49c79a],
    ["eAmbleWillBeRemoved,ThePrePartThatIs", 0x69eed356],
    ["AmbleWillBeRemoved,ThePrePartThatIs", 0x6abcc023],
    ["", 0x7ee3623b],
    ["23456", 0x27e6f469],
    ["this is another string with more length to it perhaps", 0x155e3e5f],
    ["hejsan", 0x17b1e27a],
  ])("rdfnv1a.c / 0048-partitioner: %j → %i", (key, expected) => {
    expect(fnv1a(ascii(key))).toBe(expected);
  });

  it("hashes a NULL key like the empty key", () => {
    expect(fnv1a(null)).toBe(0x7ee3623b);
  });

  it("keeps INT32_MIN as 0x80000000 when negating overflows, as x86-64 C does", () => {
    expect(fnv1a(hex("656c6a754f06"))).toBe(0x80000000);
    expect(fnv1a(hex("667665638CC7"))).toBe(2147483648);
  });

  it("never exceeds 2^31 (the sign is folded away)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (key) => {
        expect(fnv1a(key)).toBeLessThanOrEqual(0x80000000);
        expect(fnv1a(key)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
