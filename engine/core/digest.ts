// A running 64-bit digest of the event log: two independent 32-bit multiplicative lanes over a
// canonical walk of each event. It is computed incrementally, so a run of any length is summarised
// in constant memory, and it is pure TypeScript over IEEE doubles and UTF-16 code units, so Node and
// the browser worker produce the same hex string.
//
// The walk covers every field of every event (keys in insertion order, as JSON.stringify would
// see them) without building a JSON string: numbers are mixed as one to three 32-bit words,
// property names as their cached lane hashes, strings by code unit, and each value carries a type
// tag so `5` and `"5"` differ. This replaced `JSON.stringify` and a per-character loop over the
// JSON, which took a quarter of the engine's time.

export interface DigestState {
  a: number;
  b: number;
  count: number;
}

export function createDigest(): DigestState {
  return { a: 0x811c9dc5 | 0, b: 0x01000193 ^ 0x5bd1e995, count: 0 };
}

// Type tags, mixed before each value.
const TAG_INT32 = 1;
const TAG_SAFE_INTEGER = 2;
const TAG_FLOAT = 3;
const TAG_STRING = 4;
const TAG_TRUE = 5;
const TAG_FALSE = 6;
const TAG_NULL = 7;
const TAG_UNDEFINED = 8;
const TAG_ARRAY = 9;
const TAG_OBJECT = 10;
const TAG_OBJECT_END = 11;
const TAG_EVENT = 12;

// The lanes while one event is walked (copied in and out of the DigestState around the walk).
let laneA = 0;
let laneB = 0;

function mix(word: number): void {
  laneA = Math.imul(laneA ^ word, 0x01000193);
  const b = Math.imul(laneB ^ word, 0x5bd1e995);
  laneB = b ^ (b >>> 15);
}

/** Mixes a string value: its UTF-16 code units, then its length. */
function mixString(text: string): void {
  let a = laneA;
  let b = laneB;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  laneA = a;
  laneB = b;
  mix(text.length);
}

/** Lane hashes of property names (a few dozen distinct ones): a pure cache, bounded in size. */
const keyHashes = new Map<string, readonly [number, number]>();
const KEY_CACHE_MAX = 4_096;

function hashKey(key: string): readonly [number, number] {
  let a = 0x811c9dc5 | 0;
  let b = 0x5bd1e995 | 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a, Math.imul(b ^ key.length, 0x5bd1e995)];
}

/** Mixes a property name as one word per lane (its cached hashes), not character by character. */
function mixKey(key: string): void {
  let hashes = keyHashes.get(key);
  if (hashes === undefined) {
    hashes = hashKey(key);
    if (keyHashes.size < KEY_CACHE_MAX) keyHashes.set(key, hashes);
  }
  laneA = Math.imul(laneA ^ hashes[0], 0x01000193);
  const b = Math.imul(laneB ^ hashes[1], 0x5bd1e995);
  laneB = b ^ (b >>> 15);
}

const floatView = new DataView(new ArrayBuffer(8));

function mixNumber(value: number): void {
  if ((value | 0) === value) {
    mix(TAG_INT32);
    mix(value);
  } else if (Number.isSafeInteger(value)) {
    mix(TAG_SAFE_INTEGER);
    mix(value >>> 0);
    mix(Math.floor(value / 4_294_967_296) | 0);
  } else {
    // Explicit little-endian, so the words do not depend on the platform's byte order.
    floatView.setFloat64(0, value, true);
    mix(TAG_FLOAT);
    mix(floatView.getInt32(0, true));
    mix(floatView.getInt32(4, true));
  }
}

function mixValue(value: unknown): void {
  switch (typeof value) {
    case "number":
      return mixNumber(value);
    case "string":
      mix(TAG_STRING);
      return mixString(value);
    case "boolean":
      return mix(value ? TAG_TRUE : TAG_FALSE);
    case "undefined":
      return mix(TAG_UNDEFINED);
    case "object":
      if (value === null) return mix(TAG_NULL);
      if (Array.isArray(value)) {
        mix(TAG_ARRAY);
        mix(value.length);
        for (let i = 0; i < value.length; i++) mixValue(value[i]);
        return;
      }
      mix(TAG_OBJECT);
      for (const key in value) {
        mixKey(key);
        mixValue((value as Record<string, unknown>)[key]);
      }
      return mix(TAG_OBJECT_END);
    default:
      // Events are plain data; a function or symbol would be dropped by JSON too.
      return mix(TAG_UNDEFINED);
  }
}

/** Mixes one event (plain data: numbers, strings, booleans, null, arrays, objects) into the digest. */
export function updateDigest(state: DigestState, event: object): void {
  laneA = state.a;
  laneB = state.b;
  mix(TAG_EVENT);
  mixValue(event);
  state.a = laneA;
  state.b = laneB;
  state.count++;
}

export function digestHex(state: DigestState): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `${hex(state.a)}${hex(state.b)}`;
}
