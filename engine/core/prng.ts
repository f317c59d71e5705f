// One seed drives every random choice. Each subsystem draws from its own stream, derived from the
// seed and the subsystem's name, so adding randomness to one (say, faults) does not shift another
// (say, network jitter). Streams are pure-rand xoroshiro128+ generators whose state is plain data,
// which makes snapshot/restore exact.
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus, xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { javaStringHashCode } from "./java-hash";

export const SUBSYSTEMS = ["network", "workload", "partitioner", "consumer", "faults", "group"] as const;
export type Subsystem = (typeof SUBSYSTEMS)[number];

export type RandomStreamsState = Record<Subsystem, readonly number[]>;

export interface RandomStream {
  /** A uniformly distributed signed int32, like Java's `Random.nextInt()`. */
  nextInt32(): number;
  /** Uniform integer in [from, to], both included. */
  intBetween(from: number, to: number): number;
  /** Uniform float in [0, 1). */
  nextFloat(): number;
}

export interface RandomStreams {
  stream(subsystem: Subsystem): RandomStream;
  state(): RandomStreamsState;
}

/** Mixes the run seed with a subsystem name into an independent 32-bit sub-seed (murmur3 finalizer). */
export function subSeed(seed: number, subsystem: string): number {
  let h = (seed ^ Math.imul(javaStringHashCode(subsystem), 0x9e3779b1)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export function createRandomStreams(seed: number, restored?: RandomStreamsState): RandomStreams {
  const generators = new Map(
    SUBSYSTEMS.map((name) => {
      const saved = restored?.[name];
      return [
        name,
        saved ? xoroshiro128plusFromState(saved) : xoroshiro128plus(subSeed(seed, name)),
      ] as const;
    }),
  );
  const streams = new Map(
    SUBSYSTEMS.map((name) => {
      const rng = generators.get(name)!;
      const stream: RandomStream = {
        nextInt32: () => rng.next() | 0,
        intBetween: (from, to) => uniformInt(rng, from, to),
        nextFloat: () => (rng.next() >>> 0) / 4294967296,
      };
      return [name, stream] as const;
    }),
  );
  return {
    stream: (subsystem) => streams.get(subsystem)!,
    state: () =>
      Object.fromEntries(
        SUBSYSTEMS.map((name) => [name, [...generators.get(name)!.getState()]]),
      ) as unknown as RandomStreamsState,
  };
}
