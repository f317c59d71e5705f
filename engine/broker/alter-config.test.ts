// Protects "topic configs are editable at runtime, as Kafka allows": alterTopicConfig validates
// each value as LogConfig does (a refusal leaves the run untouched), applies to every partition of
// the topic (a smaller segment.bytes rolls segments from the next append), and null reverts a
// config to its default (--delete-config).
import { describe, expect, it } from "vitest";
import { createSimulation } from "../simulation";
import { ofType, recordEvents, runMs } from "../test-support/group-scenarios";
import { decodeOrThrow } from "../test-support/scenarios";

const scenario = () =>
  decodeOrThrow({
    version: 2,
    title: "alter",
    seed: 3,
    cluster: { brokers: [{ id: 1 }, { id: 2 }], topics: [{ name: "t", partitions: 2 }] },
    producers: [{ id: "p", topic: "t", recordsPerSec: 2_000, valueBytes: 1_000 }],
  });

describe("alterTopicConfig", () => {
  it("refuses a bad value with Kafka's message and changes nothing", () => {
    const sim = createSimulation(scenario(), { checkInvariants: true });
    runMs(sim, 200);
    const hash = sim.eventLogHash();
    expect(() =>
      sim.apply({ type: "alterTopicConfig", topic: "t", config: { "segment.bytes": 1000 } }),
    ).toThrow(
      "segment.bytes: Invalid value 1000 for configuration segment.bytes: Value must be at least 1048576",
    );
    expect(() =>
      sim.apply({ type: "alterTopicConfig", topic: "t", config: { "cleanup.policy": "compact" } }),
    ).toThrow("cleanup.policy is not a topic config this simulator models");
    expect(() =>
      sim.apply({ type: "alterTopicConfig", topic: "nope", config: { "retention.ms": 1 } }),
    ).toThrow('unknown topic "nope"');
    expect(sim.eventLogHash()).toBe(hash);
  });

  it("applies to every partition: a smaller segment.bytes rolls segments from the next appends; null reverts", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(scenario(), { checkInvariants: true, onEvent });
    runMs(sim, 500);
    expect(ofType(events, "segmentRolled")).toHaveLength(0);
    sim.apply({ type: "alterTopicConfig", topic: "t", config: { "segment.bytes": 1_048_576 } });
    expect(sim.view().topics[0]!.config["segment.bytes"]).toBe(1_048_576);
    runMs(sim, 3_000);
    const rolled = ofType(events, "segmentRolled");
    expect(new Set(rolled.map((e) => e.partition))).toEqual(new Set([0, 1]));
    expect(rolled.every((e) => e.reason === "segmentBytes")).toBe(true);
    sim.apply({ type: "alterTopicConfig", topic: "t", config: { "segment.bytes": null } });
    expect(sim.view().topics[0]!.config["segment.bytes"]).toBe(1_073_741_824);
    expect(ofType(events, "topicConfigAltered").at(-1)!.changes).toEqual([
      { key: "segment.bytes", value: 1_073_741_824 },
    ]);
    // New partitions take the topic's current configs.
    sim.apply({ type: "alterTopicConfig", topic: "t", config: { "retention.ms": 60_000 } });
    sim.apply({ type: "addPartitions", topic: "t", count: 3 });
    expect(sim.view().topics[0]!.config["retention.ms"]).toBe(60_000);
  });
});
