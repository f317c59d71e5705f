// Protects share links: a link reproduces the identical run (same scenario, commands, playhead),
// and broken, truncated, oversized or future-version links, and mutated scenario files, always get
// a clear message and never throw (a fuzz test feeds 10,000 of each).
import fc from "fast-check";
import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { helloScenario } from "../test-support/scenarios";
import { advanceTo, applyAtCursor, createTimeline, seekTo } from "../timeline";
import { decodeScenarioText } from "./decode";
import { decodeShareLink, encodeShareFragment } from "./share-link";

function recordedRun() {
  const tl = createTimeline({ scenario: helloScenario(), commands: [] });
  advanceTo(tl, 1_000_000);
  applyAtCursor(tl, { type: "setProducerRate", producerId: "producer-1", recordsPerSec: 12 });
  advanceTo(tl, 2_500_000);
  applyAtCursor(tl, { type: "pauseProducer", producerId: "producer-1" });
  advanceTo(tl, 4_000_000);
  return tl;
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

describe("share links", () => {
  it("version-1 links keep their step anchors: replayed with no-op steps for cancelled timers, and re-shared as version 1", () => {
    const fresh = recordedRun();
    const legacy = createTimeline({ ...structuredClone(fresh.record), commands: [], legacySteps: true });
    advanceTo(legacy, 4_000_000);
    // Same events either way; the version-1 engine counted the pointless timers as steps.
    const plain = createTimeline({ scenario: helloScenario(), commands: [] });
    advanceTo(plain, 4_000_000);
    expect(legacy.sim.eventLogHash()).toBe(plain.sim.eventLogHash());
    expect(legacy.sim.stepCount()).toBeGreaterThan(plain.sim.stepCount());

    const v2 = decodeShareLink(encodeShareFragment(fresh.record, 0));
    if (!v2.ok) throw new Error(v2.error);
    expect(v2.record.legacySteps).toBeUndefined();
    const asV1 = decodeShareLink(encodeShareFragment({ ...fresh.record, legacySteps: true }, 0));
    if (!asV1.ok) throw new Error(asV1.error);
    expect(asV1.record.legacySteps).toBe(true);
  });

  it("reproduces the identical run: same event-log hash at the same playhead", () => {
    const tl = recordedRun();
    const link = `https://example.org/topicscope/#${encodeShareFragment(tl.record, 3_200_000)}`;
    const decoded = decodeShareLink(link);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.playheadUs).toBe(3_200_000);
    const reopened = createTimeline(decoded.record);
    seekTo(reopened, decoded.playheadUs);
    seekTo(tl, 3_200_000);
    expect(reopened.sim.eventLogHash()).toBe(tl.sim.eventLogHash());
  });

  it("keeps the hello scenario's link short", () => {
    const fragment = encodeShareFragment({ scenario: helloScenario(), commands: [] }, 0);
    expect(fragment.length).toBeLessThan(2000);
  });

  it.each([
    ["no scenario", "#t=5", /no scenario/],
    ["not base64url", "#s=@@@@", /not base64url/],
    [
      "truncated",
      `#${encodeShareFragment({ scenario: helloScenario(), commands: [] }, 0).slice(0, 60)}`,
      /corrupted|damaged/,
    ],
    [
      "a bad time",
      `#${encodeShareFragment({ scenario: helloScenario(), commands: [] }, 0).replace(/t=\d+/, "t=-4")}`,
      /time/,
    ],
    ["too long", `#s=${"A".repeat(300_000)}`, /too long/],
    [
      "a future version",
      `#s=${toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 9, scenario: {} }))))}`,
      /newer Topicscope/,
    ],
    [
      "an invalid scenario",
      `#s=${toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 1, scenario: { version: 1 }, commands: [] }))))}`,
      /scenario is invalid: cluster/,
    ],
    [
      "a bad command",
      `#s=${toBase64Url(deflateSync(strToU8(JSON.stringify({ v: 1, scenario: helloScenario(), commands: [[1, 5, { type: "explode" }]] }))))}`,
      /commands\[0\]/,
    ],
  ])("rejects a link with %s, with a message", (_label, link, message) => {
    const decoded = decodeShareLink(link);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(message);
  });

  it("refuses a decompression bomb", () => {
    const bomb = toBase64Url(deflateSync(new Uint8Array(5_000_000).fill(32), { level: 9 }));
    const decoded = decodeShareLink(`#s=${bomb}`);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(/larger than/);
  });

  it("fuzz: 10,000 mutated links never throw and each gets a result with a message when rejected", () => {
    const base = `#${encodeShareFragment(recordedRun().record, 1_234_000)}`;
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("truncate" as const), at: fc.nat(base.length) }),
      fc.record({
        kind: fc.constant("replace" as const),
        at: fc.nat(base.length - 1),
        ch: fc.string({ minLength: 1, maxLength: 1 }),
      }),
      fc.record({
        kind: fc.constant("insert" as const),
        at: fc.nat(base.length),
        text: fc.string({ maxLength: 8 }),
      }),
      fc.record({ kind: fc.constant("noise" as const), text: fc.string({ maxLength: 300 }) }),
    );
    let rejected = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        const link =
          m.kind === "truncate"
            ? base.slice(0, m.at)
            : m.kind === "replace"
              ? base.slice(0, m.at) + m.ch + base.slice(m.at + 1)
              : m.kind === "insert"
                ? base.slice(0, m.at) + m.text + base.slice(m.at)
                : `#s=${m.text}`;
        const decoded = decodeShareLink(link);
        if (!decoded.ok) {
          rejected++;
          expect(decoded.error.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 10_000, seed: 7 },
    );
    expect(rejected).toBeGreaterThan(5_000);
  });

  it("fuzz: 10,000 mutated scenario files never throw and each rejection names what is wrong", () => {
    const base = JSON.stringify(helloScenario());
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.string({ maxLength: 6 }), fc.nat(12), (at, text, cut) => {
        const mutated = base.slice(0, at) + text + base.slice(at + cut);
        const decoded = decodeScenarioText(mutated);
        if (!decoded.ok) expect(decoded.errors.every((e) => /: /.test(e))).toBe(true);
      }),
      { numRuns: 10_000, seed: 11 },
    );
  });
});
