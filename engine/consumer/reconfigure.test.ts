// Protects "consumer configs: restart the client with the new value": consumer configs are fixed
// for a KafkaConsumer's life, so restartConsumer with configs closes a running consumer (commit,
// LeaveGroup), then starts a new instance with them, which rejoins; a crashed one restarts with
// them at once; an invalid combination is refused with Kafka's message and changes nothing.
import { describe, expect, it } from "vitest";
import { createSimulation } from "../simulation";
import { groupScenario, ofType, recordEvents, runMs } from "../test-support/group-scenarios";

describe("restartConsumer with new configs", () => {
  it("closes the running consumer, then starts it with the new configs; it rejoins the group", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(groupScenario({ consumers: 2 }), { checkInvariants: true, onEvent });
    runMs(sim, 8_000);
    sim.apply({ type: "restartConsumer", consumerId: "c1", config: { "max.poll.records": 7 } });
    runMs(sim, 6_000);
    const types = events.filter((e) => "consumerId" in e && e.consumerId === "c1").map((e) => e.type);
    const closed = types.indexOf("consumerClosed");
    expect(closed).toBeGreaterThan(-1);
    expect(types.indexOf("leaveGroupSent")).toBeLessThan(closed);
    expect(types.indexOf("consumerReconfigured")).toBeGreaterThan(closed);
    expect(ofType(events, "consumerReconfigured")[0]!.changedConfigs).toEqual(["max.poll.records"]);
    const c1 = sim.view().consumers.find((c) => c.id === "c1")!;
    expect(c1.config["max.poll.records"]).toBe(7);
    expect(c1.activity).not.toBe("dead");
    expect(sim.view().groups[0]!.members).toHaveLength(2);
    expect(sim.view().groups[0]!.state).toBe("Stable");
  });

  it("restarts a crashed consumer with them at once, and refuses Kafka-invalid configs", () => {
    const sim = createSimulation(groupScenario({ consumers: 2 }), { checkInvariants: true });
    runMs(sim, 8_000);
    const hash = sim.eventLogHash();
    expect(() =>
      sim.apply({ type: "restartConsumer", consumerId: "c2", config: { "heartbeat.interval.ms": 60_000 } }),
    ).toThrow(/heartbeat.interval.ms/);
    expect(sim.eventLogHash()).toBe(hash);
    sim.apply({ type: "crashConsumer", consumerId: "c2" });
    const events = sim.apply({
      type: "restartConsumer",
      consumerId: "c2",
      config: { "session.timeout.ms": 10_000 },
    });
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["consumerReconfigured", "consumerRestarted"]),
    );
    expect(sim.view().consumers.find((c) => c.id === "c2")!.config["session.timeout.ms"]).toBe(10_000);
  });
});
