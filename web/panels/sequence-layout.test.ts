// Protects the sequence diagram's geometry: flights are drawn proportionally and idle stretches
// capped (so a 0.4 s rebalance is legible next to seconds of heartbeats), requests pair with
// their responses on the member's lane, a message on its way is drawn up to the playhead, and
// routine heartbeats collapse to ticks while REBALANCE_IN_PROGRESS stays an arrow.
import { describe, expect, it } from "vitest";
import { decodePreset } from "../../engine/scenario/presets/catalog";
import { createSimulation } from "../../engine/simulation";
import {
  buildTimeScale,
  layoutSequence,
  SEQUENCE_METRICS,
  type SequenceMetrics,
  shortMemberId,
} from "./sequence-layout";

const METRICS: SequenceMetrics = { ...SEQUENCE_METRICS, width: 1550 };

function historyAt(us: number) {
  const sim = createSimulation(decodePreset("fourth-consumer-joins")!);
  sim.runUntil(us);
  return sim.view({ protocolHistory: { groupId: null, windowUs: 60_000_000 } }).protocolHistory!;
}

describe("the time scale", () => {
  it("draws a flight at flightPx and caps an idle stretch at three flights, keeping the playhead fixed", () => {
    const scale = buildTimeScale([1_000_000, 1_030_000, 4_000_000, 4_030_000], 4_030_000, 30_000, METRICS);
    const xNow = METRICS.width - METRICS.rightSlack;
    expect(scale.x(4_030_000)).toBe(xNow);
    expect(scale.x(4_030_000) - scale.x(4_000_000)).toBeCloseTo(80);
    expect(scale.x(4_000_000) - scale.x(1_030_000)).toBeCloseTo(3 * 80);
    expect(scale.gaps).toEqual([{ x1: xNow - 80 - 240, x2: xNow - 80, fromUs: 1_030_000, toUs: 4_000_000 }]);
    expect(scale.at(scale.x(1_015_000))).toBeCloseTo(1_015_000);
  });
});

describe("the layout of the 4th consumer joining", () => {
  const history = historyAt(12_470_000);
  const layout = layoutSequence(history, 12_470_000, false, METRICS);

  it("has the coordinator's lane first, the bootstrap broker next, then the four members with the leader marked", () => {
    expect(layout.lanes.map((l) => l.actor)).toEqual([
      "broker-3",
      "broker-1",
      "consumer-1",
      "consumer-2",
      "consumer-3",
      "consumer-4",
    ]);
    expect(layout.lanes[0]!.subtitle).toBe("group coordinator");
    expect(layout.lanes.find((l) => l.leader)?.actor).toBe("consumer-3");
    expect(layout.lanes.find((l) => l.leader)?.subtitle).toMatch(/^leader · [0-9a-f]{8}…$/);
  });

  it("pairs each JoinGroup with its response: MEMBER_ID_REQUIRED, then generation 2 (leader for one member)", () => {
    const joins = layout.exchanges.filter((e) => e.api === "JoinGroup" && e.request.sentAtUs >= 12_000_000);
    const c4 = joins.filter((e) => e.lane === "consumer-4");
    expect(c4.map((e) => e.note)).toEqual(["MEMBER_ID_REQUIRED", "gen 2"]);
    expect(c4[0]!.error).toBe(true);
    expect(joins.find((e) => e.lane === "consumer-3")?.note).toBe("leader · gen 2");
    for (const e of joins) expect(e.x2).toBeGreaterThan(e.x1);
    // The newcomer's second JoinGroup waits at the coordinator until every member has rejoined.
    const waitedUs = c4[1]!.answeredAtUs! - c4[1]!.request.sentAtUs;
    expect(waitedUs).toBeGreaterThan(200_000);
    expect(c4[1]!.answer).toBe("gen 2");
  });

  it("shows the members' REBALANCE_IN_PROGRESS heartbeats as arrows, and routine ones as ticks unless asked", () => {
    const heartbeats = layout.arrows.filter((a) => a.heartbeat);
    expect(heartbeats).toHaveLength(6);
    for (const a of heartbeats) expect(a.message.sentAtUs).toBeGreaterThan(12_000_000);
    const later = historyAt(15_500_000);
    const collapsed = layoutSequence(later, 15_500_000, false, METRICS);
    expect(collapsed.ticks.length).toBe(4);
    expect(collapsed.arrows.filter((a) => a.heartbeat && a.message.sentAtUs > 15_000_000)).toEqual([]);
    const all = layoutSequence(later, 15_500_000, true, METRICS);
    expect(all.ticks).toEqual([]);
    expect(all.arrows.filter((a) => a.heartbeat && a.message.sentAtUs > 15_000_000)).toHaveLength(8);
  });

  it("keeps the whole rebalance in view, from the newcomer's FindCoordinator on, zooming out on a narrower dock", () => {
    const find = (l: typeof layout) => l.arrows.find((a) => a.message.api === "FindCoordinatorRequest");
    expect(find(layout)!.x1).toBeGreaterThan(METRICS.labelWidth);
    const narrow = layoutSequence(history, 12_470_000, false, { ...METRICS, width: 1100 });
    expect(find(narrow)!.x1).toBeGreaterThan(METRICS.labelWidth);
    const flight = (l: typeof layout) => {
      const a = find(l)!;
      return a.x2 - a.x1;
    };
    expect(flight(narrow)).toBeLessThan(flight(layout));
  });

  it("draws the rebalance's states as bands, PreparingRebalance then CompletingRebalance then Stable", () => {
    const states = layout.bands.map((b) => `${b.state}·${b.generationId}`);
    expect(states.slice(-3)).toEqual(["PreparingRebalance·1", "CompletingRebalance·2", "Stable·2"]);
    expect(layout.bands[layout.bands.length - 1]!.x2).toBeCloseTo(layout.playheadX);
  });

  it("draws a message still on its way up to where it is at the playhead", () => {
    const mid = historyAt(12_440_000);
    const at = layoutSequence(mid, 12_440_000, false, METRICS);
    const flying = at.arrows.filter((a) => a.message.deliverAtUs > 12_440_000);
    expect(flying.length).toBeGreaterThan(0);
    for (const a of flying) {
      expect(a.head).not.toBeNull();
      expect(a.head!.x).toBeGreaterThanOrEqual(a.x1);
      expect(a.head!.x).toBeLessThanOrEqual(at.playheadX + 0.001);
    }
  });
});

it("shortens Kafka's member ids to the first 8 characters of their uuid, after a static member's instance id", () => {
  expect(shortMemberId("consumer-3-fa3c3fe6-6aad-4cf8-b63e-c38bb08b9835", "consumer-3")).toBe("fa3c3fe6…");
  expect(shortMemberId("pod-3-0a4bc364-f748-491c-9b42-4354f75b5cd6", "consumer-3")).toBe("pod-3 · 0a4bc364…");
  expect(shortMemberId("", "consumer-3")).toBe("no member id yet");
});
