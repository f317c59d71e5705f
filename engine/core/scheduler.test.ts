// Protects the scheduler's ordering contract: earliest time first, ties in insertion order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSchedulerState, pop, schedule } from "./scheduler";
import type { SimTimeUs } from "./time";

describe("scheduler", () => {
  it("pops by time, then by insertion order for equal times", () => {
    const s = createSchedulerState<string>();
    schedule(s, 5 as SimTimeUs, "b");
    schedule(s, 1 as SimTimeUs, "a");
    schedule(s, 5 as SimTimeUs, "c");
    schedule(s, 0 as SimTimeUs, "first");
    expect([pop(s), pop(s), pop(s), pop(s), pop(s)].map((e) => e?.payload)).toEqual([
      "first",
      "a",
      "b",
      "c",
      undefined,
    ]);
  });

  it("is a stable sort of any sequence of times", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 300 }), (times) => {
        const s = createSchedulerState<number>();
        for (const [i, t] of times.entries()) schedule(s, t as SimTimeUs, i);
        const out: number[] = [];
        for (let e = pop(s); e; e = pop(s)) out.push(e.payload);
        const expected = times
          .map((t, i) => ({ t, i }))
          .sort((a, b) => a.t - b.t || a.i - b.i)
          .map((x) => x.i);
        expect(out).toEqual(expected);
      }),
    );
  });
});
