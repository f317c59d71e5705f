// Java's integer semantics, re-implemented so hashes match the JVM bit for bit.
// Kafka picks coordinators with String.hashCode and Utils.abs, and partitions with Utils.toPositive.

/** `String.hashCode()`: Σ s[i]·31^(n−1−i) over UTF-16 code units, with int32 wrap-around. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  }
  return h;
}

/** `Utils.abs(int)`: like Math.abs but Integer.MIN_VALUE maps to 0 instead of overflowing. */
export function javaUtilsAbs(n: number): number {
  return n === -2147483648 ? 0 : Math.abs(n | 0);
}

/** `Utils.toPositive(int)`: masks the sign bit (not Math.abs). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** Java `String.compareTo`: lexicographic over UTF-16 code units (the JS `<` on strings does the same). */
export function javaStringCompare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
