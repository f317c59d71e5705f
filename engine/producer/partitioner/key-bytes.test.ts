// Protects the hex and UTF-8 key conversions that feed raw bytes to the hashes.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesToHex, parseHexKey, utf8Key } from "./key-bytes.ts";

describe("parseHexKey", () => {
  it("accepts upper and lower case, and '' as the empty key", () => {
    expect(parseHexKey("00fFaB")).toEqual({ ok: true, bytes: Uint8Array.of(0, 255, 171) });
    expect(parseHexKey("")).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });

  it("rejects odd lengths and non-hex characters", () => {
    expect(parseHexKey("abc")).toEqual({ ok: false, reason: "odd number of hex digits" });
    expect(parseHexKey("0x12")).toEqual({ ok: false, reason: "not a hex digit at position 1" });
    expect(parseHexKey("zz")).toEqual({ ok: false, reason: "not a hex digit at position 0" });
    expect(parseHexKey("１２")).toMatchObject({ ok: false });
  });

  it("round-trips through bytesToHex", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(parseHexKey(bytesToHex(bytes))).toEqual({ ok: true, bytes });
      }),
    );
  });
});

describe("utf8Key encodes like Java String.getBytes(UTF_8)", () => {
  it("matches TextEncoder on well-formed text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(utf8Key(text)).toEqual(new TextEncoder().encode(text));
      }),
    );
  });

  it("writes '?' for an unpaired surrogate, as Java does", () => {
    expect(bytesToHex(utf8Key("a\uD800b"))).toBe("613f62");
    expect(bytesToHex(utf8Key("\u{1F600}é"))).toBe("f09f9880c3a9");
  });
});
