// Protects consumer rack awareness end to end (KIP-881): with brokers in racks, a group leader's
// range assignor gives each consumer the partitions whose replica sits on its client.rack, exactly
// as Kafka's RangeAssignorTest expects for the same layout (sticky and cooperative-sticky match racks
// too); without broker racks (every version 1
// scenario) or with every rack on every partition, client.rack changes nothing.
import { describe, expect, it } from "vitest";
import { createSimulation } from "../simulation";
import { decodeOrThrow } from "../test-support/scenarios";

const ALL = ["t1", "t2", "t3"];

interface Options {
  racks: boolean;
  replicationFactor: number;
  clientRacks: boolean;
  assignor?: string;
}

function scenario(options: Options) {
  return decodeOrThrow({
    version: 2,
    seed: 8,
    cluster: {
      brokers: ["a", "b", "c"].map((rack, i) => ({ id: i + 1, ...(options.racks ? { rack } : {}) })),
      topics: [
        { name: "t1", partitions: 6, replicationFactor: options.replicationFactor },
        { name: "t2", partitions: 7, replicationFactor: options.replicationFactor },
        { name: "t3", partitions: 2, replicationFactor: options.replicationFactor },
      ],
    },
    consumers: ["a", "b", "c"].map((rack, i) => ({
      id: `consumer${i}`,
      mode: "subscribe",
      groupId: "g",
      topics: ALL,
      config: {
        "partition.assignment.strategy": [options.assignor ?? "range"],
        ...(options.clientRacks ? { "client.rack": rack } : {}),
      },
    })),
  });
}

/** Each consumer's partitions as Kafka's tests print them: sorted "topic-partition" strings. */
function assignmentOf(options: Options) {
  const sim = createSimulation(scenario(options), { checkInvariants: true });
  sim.runUntil(8_000_000);
  const view = sim.view();
  return {
    view,
    assigned: view.consumers.map((c) =>
      c.assignedPartitions
        .map((p) => `${p.topic}-${p.partition}`)
        .sort()
        .join(", "),
    ),
  };
}

const RACK_UNAWARE = [
  "t1-0, t1-1, t2-0, t2-1, t2-2, t3-0",
  "t1-2, t1-3, t2-3, t2-4, t3-1",
  "t1-4, t1-5, t2-5, t2-6",
];

describe("rack-aware range assignment in a running group", () => {
  it("brokers a, b, c with one replica: each consumer gets its rack's partitions (RangeAssignorTest, RF 1)", () => {
    const { view, assigned } = assignmentOf({ racks: true, replicationFactor: 1, clientRacks: true });
    expect(assigned).toEqual([
      "t1-0, t1-3, t2-0, t2-3, t2-6",
      "t1-1, t1-4, t2-1, t2-4, t3-0",
      "t1-2, t1-5, t2-2, t2-5, t3-1",
    ]);
    // Every partition is read from the consumer's own rack.
    const rackOf = new Map(view.brokers.map((b) => [b.id, b.rack]));
    for (const c of view.consumers) {
      for (const p of c.assignedPartitions) {
        const log = view.topics.find((t) => t.name === p.topic)!.partitions[p.partition]!;
        expect(rackOf.get(log.leaderBrokerId)).toBe(c.config["client.rack"]);
      }
    }
  });

  it("without client.rack, or without broker racks (a version 1 cluster), range is rack-unaware", () => {
    const unset = assignmentOf({ racks: true, replicationFactor: 1, clientRacks: false });
    expect(unset.assigned).toEqual(RACK_UNAWARE);
    // Kafka's default client.rack is "" (CommonClientConfigs.DEFAULT_CLIENT_RACK), sent as no rack.
    for (const c of unset.view.consumers) expect(c.config["client.rack"]).toBe("");
    expect(assignmentOf({ racks: false, replicationFactor: 1, clientRacks: true }).assigned).toEqual(
      RACK_UNAWARE,
    );
  });

  it.each(["sticky", "cooperative-sticky"])(
    "%s: five partitions each, all of them on the consumer's own rack",
    (assignor) => {
      const { view } = assignmentOf({ racks: true, replicationFactor: 1, clientRacks: true, assignor });
      const rackOf = new Map(view.brokers.map((b) => [b.id, b.rack]));
      for (const c of view.consumers) {
        expect(c.assignedPartitions).toHaveLength(5);
        for (const p of c.assignedPartitions) {
          const log = view.topics.find((t) => t.name === p.topic)!.partitions[p.partition]!;
          expect(rackOf.get(log.leaderBrokerId)).toBe(c.config["client.rack"]);
        }
      }
    },
  );

  it("with a replica on every rack (RF 3 over 3 racks) no rack is better: range is rack-unaware", () => {
    const { view, assigned } = assignmentOf({ racks: true, replicationFactor: 3, clientRacks: true });
    expect(assigned).toEqual(RACK_UNAWARE);
    for (const t of view.topics) for (const p of t.partitions) expect(new Set(p.replicas).size).toBe(3);
  });
});
