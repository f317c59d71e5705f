// Protects "producer configs shown and editable": a restart with a bad value is refused with
// Kafka's ConfigException text and changes nothing; a valid one replaces the client, which keeps
// producing with the new config.
import { describe, expect, it } from "vitest";
import { createSimulation } from "../simulation";
import { helloScenario } from "../test-support/scenarios";

describe("restartProducer", () => {
  it("refuses acks=2 with Kafka's message and leaves the run untouched", () => {
    const sim = createSimulation(helloScenario(), { checkInvariants: true });
    sim.runUntil(1_000_000);
    const hash = sim.eventLogHash();
    expect(() =>
      sim.apply({ type: "restartProducer", producerId: "producer-1", config: { acks: "2" } }),
    ).toThrow("acks: Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1");
    expect(() =>
      sim.apply({ type: "restartProducer", producerId: "producer-1", config: { "linger.ms": -1 } }),
    ).toThrow(/Invalid value -1 for configuration linger.ms: Value must be at least 0/);
    expect(() =>
      sim.apply({
        type: "restartProducer",
        producerId: "producer-1",
        config: { "enable.idempotence": true, acks: "1" },
      }),
    ).toThrow(/Must set acks to all in order to use the idempotent producer/);
    expect(sim.eventLogHash()).toBe(hash);
  });

  it("restarts the client with the new config and keeps producing", () => {
    const sim = createSimulation(helloScenario(), { checkInvariants: true });
    sim.runUntil(2_000_000);
    const before = sim.view().producers[0]!.acknowledgedRecords;
    const events = sim.apply({
      type: "restartProducer",
      producerId: "producer-1",
      config: { "linger.ms": 50, acks: "1" },
    });
    expect(events.find((e) => e.type === "producerRestarted")).toMatchObject({
      changedConfigs: expect.arrayContaining(["linger.ms", "acks"]),
    });
    sim.runUntil(6_000_000);
    const producer = sim.view().producers[0]!;
    expect(producer.config["linger.ms"]).toBe(50);
    expect(producer.acknowledgedRecords).toBeGreaterThan(before + 10);
  });
});
