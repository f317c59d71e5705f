// The application side of a producer: which key the next record carries. Random choices come from
// the seeded "workload" stream only, so a run replays exactly from its seed.
import type { RandomStream } from "../core/prng";
import type { ProducerSpec } from "./spec";

/** The key of record number `recordIndex` (0-based) of this producer's workload. */
export function nextRecordKey(
  keys: ProducerSpec["keys"],
  recordIndex: number,
  random: RandomStream,
): string | null {
  switch (keys.kind) {
    case "none":
      return null;
    case "fixed":
      return keys.keys[recordIndex % keys.keys.length]!;
    case "uniform":
      return `key-${random.intBetween(0, keys.count - 1)}`;
    case "skewed":
      // One draw decides hot or not, a second picks the cold key: two draws per cold record.
      if (random.nextFloat() < keys.hotShare) return keys.hotKey;
      return `key-${random.intBetween(0, keys.count - 1)}`;
    case "sequential":
      return `${keys.prefix}${recordIndex}`;
    default: {
      const unreachable: never = keys;
      throw new Error(`unknown key distribution ${JSON.stringify(unreachable)}`);
    }
  }
}
