// Protects the scheduler's ordering contract: earliest time first, ties in insertion order, and a
// cancelled timer never fires.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cancel, createSchedulerState, peek, pop, schedule } from "./scheduler";
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

  it("never returns a cancelled entry, and peek shows the next live one", () => {
    const s = createSchedulerState<string>();
    const early = schedule(s, 1 as SimTimeUs, "request timeout");
    schedule(s, 2 as SimTimeUs, "response");
    cancel(s, early.seq);
    expect(peek(s)?.payload).toBe("response");
    expect([pop(s), pop(s)].map((e) => e?.payload)).toEqual(["response", undefined]);
    cancel(s, early.seq);
    expect(s.heap.length).toBe(0);
  });

  it("keeps the order of the live entries whatever is cancelled (through heap rebuilds)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1_000), fc.nat(9)), { minLength: 9_000, maxLength: 12_000 }),
        (entries) => {
          const s = createSchedulerState<number>();
          for (const [i, [t, draw]] of entries.entries()) {
            const entry = schedule(s, t as SimTimeUs, i);
            if (draw < 7) cancel(s, entry.seq);
          }
          const out: number[] = [];
          for (let e = pop(s); e; e = pop(s)) out.push(e.payload);
          const expected = entries
            .map(([t, draw], i) => ({ t, draw, i }))
            .filter((x) => x.draw >= 7)
            .sort((a, b) => a.t - b.t || a.i - b.i)
            .map((x) => x.i);
          expect(out).toEqual(expected);
        },
      ),
      { numRuns: 10 },
    );
  });
});
