// A running 64-bit digest of the event log (two independent 32-bit FNV-1a lanes over each event's
// canonical JSON). It is computed incrementally, so a run of any length is summarised in constant
// memory, and it is pure TypeScript, so Node and the browser worker produce the same hex string.

export interface DigestState {
  a: number;
  b: number;
  count: number;
}

export function createDigest(): DigestState {
  return { a: 0x811c9dc5 | 0, b: 0x01000193 ^ 0x5bd1e995, count: 0 };
}

export function updateDigest(state: DigestState, text: string): void {
  let a = state.a;
  let b = state.b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // A record separator keeps ["ab","c"] and ["a","bc"] apart.
  state.a = Math.imul(a ^ 0x1e, 0x01000193);
  state.b = Math.imul(b ^ 0x1e, 0x5bd1e995);
  state.count++;
}

export function digestHex(state: DigestState): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `${hex(state.a)}${hex(state.b)}`;
}
