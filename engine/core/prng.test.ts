// Protects determinism of randomness: same seed same draws, independent sub-streams, exact restore.
import { describe, expect, it } from "vitest";
import { createRandomStreams } from "./prng";

const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe("random streams", () => {
  it("gives the same draws for the same seed", () => {
    const a = createRandomStreams(42).stream("network");
    const b = createRandomStreams(42).stream("network");
    expect(draw(20, a.nextInt32)).toEqual(draw(20, b.nextInt32));
  });

  it("keeps subsystems independent: drawing from one does not shift another", () => {
    const quiet = createRandomStreams(42);
    const busy = createRandomStreams(42);
    draw(1000, busy.stream("faults").nextInt32);
    expect(draw(10, busy.stream("network").nextInt32)).toEqual(draw(10, quiet.stream("network").nextInt32));
  });

  it("differs between seeds and between subsystems", () => {
    const s = createRandomStreams(1);
    expect(draw(5, s.stream("network").nextInt32)).not.toEqual(draw(5, s.stream("workload").nextInt32));
    expect(draw(5, createRandomStreams(1).stream("network").nextInt32)).not.toEqual(
      draw(5, createRandomStreams(2).stream("network").nextInt32),
    );
  });

  it("restores exactly from saved state", () => {
    const s = createRandomStreams(9);
    draw(7, s.stream("workload").nextInt32);
    const restored = createRandomStreams(9, s.state());
    expect(draw(10, restored.stream("workload").nextInt32)).toEqual(draw(10, s.stream("workload").nextInt32));
  });

  it("draws integers within bounds", () => {
    const s = createRandomStreams(3).stream("network");
    for (const v of draw(500, () => s.intBetween(2, 5))) expect(v >= 2 && v <= 5).toBe(true);
  });
});
