// Keys are raw bytes: they need not be valid UTF-8. These helpers convert between the hex and
// UTF-8 forms a user types and the bytes the hash functions see.

const HEX_DIGIT_VALUE = buildHexDigitTable();

function buildHexDigitTable(): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let d = 0; d < 10; d++) table[48 + d] = d;
  for (let d = 0; d < 6; d++) {
    table[65 + d] = 10 + d;
    table[97 + d] = 10 + d;
  }
  return table;
}

export type HexParseResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: string };

/** Parses hex digits (either case, no separators or prefix) into bytes. "" is the empty key. */
export function parseHexKey(hex: string): HexParseResult {
  for (let i = 0; i < hex.length; i++) {
    const code = hex.charCodeAt(i);
    if (code >= 128 || HEX_DIGIT_VALUE[code] === -1) {
      return { ok: false, reason: `not a hex digit at position ${i}` };
    }
  }
  if (hex.length % 2 !== 0) return { ok: false, reason: "odd number of hex digits" };
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = (HEX_DIGIT_VALUE[hex.charCodeAt(2 * i)]! << 4) | HEX_DIGIT_VALUE[hex.charCodeAt(2 * i + 1)]!;
  }
  return { ok: true, bytes };
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/**
 * What Java's `StringSerializer` (`String.getBytes(UTF_8)`) produces for a text key. Same as
 * TextEncoder except for unpaired surrogates, which Java's encoder replaces with '?' (0x3F)
 * where TextEncoder would write U+FFFD.
 */
export function utf8Key(text: string): Uint8Array {
  // Most keys are ASCII: one byte per code unit, written straight into the result.
  const ascii = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) return utf8KeyGeneral(text);
    ascii[i] = unit;
  }
  return ascii;
}

function utf8KeyGeneral(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      const codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      bytes.push(0xf0 | (codePoint >> 18), 0x80 | ((codePoint >> 12) & 0x3f));
      bytes.push(0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      bytes.push(0x3f);
    } else if (unit < 0x80) {
      bytes.push(unit);
    } else if (unit < 0x800) {
      bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    } else {
      bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
    }
  }
  return Uint8Array.from(bytes);
}
