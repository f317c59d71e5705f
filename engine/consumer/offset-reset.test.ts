// Protects auto.offset.reset as Kafka 4.x takes it: earliest, latest, none, and KIP-1106's
// by_duration:<ISO-8601 duration>, which starts a group with no committed offset at the first record
// no older than the duration (or at the latest offset when none is that new), validated with the
// ConfigException text of AutoOffsetResetStrategy.Validator.
import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../events";
import { decodeScenario } from "../scenario/decode";
import { createSimulation } from "../simulation";
import { decodeOrThrow } from "../test-support/scenarios";
import { invalidAutoOffsetReset, parseIsoDurationMs } from "./offset-reset";

function scenarioWith(autoOffsetReset: string, producerStopsAtMs?: number) {
  return {
    version: 2,
    title: "reset",
    seed: 5,
    durationMs: 20_000,
    network: { latencyMs: 2, jitterMs: 0 },
    cluster: { brokers: [{ id: 1 }], topics: [{ name: "t", partitions: 1 }] },
    producers: [{ id: "p", topic: "t", recordsPerSec: 10, config: { "linger.ms": 0 } }],
    consumers: [
      {
        id: "late",
        mode: "subscribe",
        groupId: "g",
        topics: ["t"],
        startAtMs: 10_000,
        config: { "auto.offset.reset": autoOffsetReset },
      },
    ],
    actions:
      producerStopsAtMs === undefined
        ? []
        : [{ atMs: producerStopsAtMs, command: { type: "pauseProducer", producerId: "p" } }],
  };
}

function firstReset(raw: unknown) {
  const events: DomainEvent[] = [];
  const sim = createSimulation(decodeOrThrow(raw), {
    checkInvariants: true,
    onEvent: (e) => void events.push(e),
  });
  sim.runUntil(20_000_000);
  const reset = events.find(
    (e): e is Extract<DomainEvent, { type: "offsetReset" }> => e.type === "offsetReset",
  )!;
  const appended = events.filter(
    (e): e is Extract<DomainEvent, { type: "batchAppended" }> => e.type === "batchAppended",
  );
  const sent = events.filter((e) => e.type === "recordAccumulated").map((e) => e.atUs);
  return { reset, appended, sent };
}

describe("auto.offset.reset", () => {
  it("parses ISO-8601 durations as Java's Duration.parse does", () => {
    expect(parseIsoDurationMs("PT1H")).toBe(3_600_000);
    expect(parseIsoDurationMs("P1DT2H3M4.5S")).toBe(93_784_500);
    expect(parseIsoDurationMs("pt0.25s")).toBe(250);
    expect(parseIsoDurationMs("PT-1H")).toBe(-3_600_000);
    expect(parseIsoDurationMs("PT")).toBeNull();
    expect(parseIsoDurationMs("P")).toBeNull();
    expect(parseIsoDurationMs("1H")).toBeNull();
  });

  it("accepts by_duration and refuses what Kafka 4.x refuses, with its message", () => {
    expect(decodeScenario(scenarioWith("by_duration:PT1H")).ok).toBe(true);
    expect(decodeScenario(scenarioWith(" earliest ")).ok).toBe(true);
    for (const value of ["by_duration", "by_duration:invalid", "by_duration:-PT1H", "LATEST", "smallest"]) {
      const decoded = decodeScenario(scenarioWith(value));
      expect(decoded.ok ? [] : decoded.errors).toEqual([
        `consumers[0].config.auto.offset.reset: ${invalidAutoOffsetReset(value)}`,
      ]);
    }
    expect(invalidAutoOffsetReset("LATEST")).toBe(
      "Invalid value LATEST for configuration auto.offset.reset: Invalid value `LATEST` for configuration auto.offset.reset. The value must be either 'earliest', 'latest', 'none' or of the format 'by_duration:<PnDTnHnMn.nS.>'.",
    );
  });

  it("by_duration:PT3S starts a new group at the first record written in the last 3 s", () => {
    const { reset, sent } = firstReset(scenarioWith("by_duration:PT3S"));
    expect(reset.strategy).toBe("by_duration");
    // The group forms after the initial rebalance delay; the consumer asks ListOffsets one network
    // latency (2 ms) before the reset: the first record stamped at or after that time − 3 s.
    const targetMs = Math.floor((reset.atUs - 4000) / 1000) - 3000;
    const firstNew = sent.findIndex((atUs) => Math.floor(atUs / 1000) >= targetMs);
    expect(reset.offset).toBe(firstNew);
    expect(reset.offset).toBeGreaterThan(60);
  });

  it("falls back to the latest offset when no record is that new", () => {
    // The producer stops at 5 s; by_duration:PT1S at 10 s finds nothing newer than 9 s.
    const { reset, appended } = firstReset(scenarioWith("by_duration:PT1S", 5000));
    const last = appended.at(-1)!;
    expect(reset).toMatchObject({ strategy: "by_duration", offset: last.baseOffset + last.recordCount });
  });
});
