// Protects the sender's drain rotation (RecordAccumulator.drainBatchesForOneNode): each leader keeps
// its own drain index, and a request that max.request.size cut short starts the next one at the
// partition it stopped at, so every partition of a busy leader gets its turn.
import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../events";
import { createSimulation } from "../simulation";
import { decodeOrThrow } from "../test-support/scenarios";

function requestsPerBroker(producerConfig: Record<string, unknown>) {
  const scenario = decodeOrThrow({
    version: 2,
    title: "drain",
    seed: 3,
    durationMs: 400,
    network: { latencyMs: 5, jitterMs: 0 },
    // Partitions 0 and 2 are led by broker 1, partitions 1 and 3 by broker 2.
    cluster: { brokers: [{ id: 1 }, { id: 2 }], topics: [{ name: "t", partitions: 4 }] },
    producers: [
      {
        id: "p",
        topic: "t",
        recordsPerSec: 2000,
        valueBytes: 100,
        config: {
          "partitioner.class": "org.apache.kafka.clients.producer.RoundRobinPartitioner",
          ...producerConfig,
        },
      },
    ],
    consumers: [],
  });
  const sent = new Map<number, number[][]>();
  const sim = createSimulation(scenario, {
    checkInvariants: true,
    onEvent: (e: DomainEvent) => {
      if (e.type !== "produceRequestSent") return;
      sent.set(e.brokerId, [...(sent.get(e.brokerId) ?? []), e.batches.map((b) => b.partition)]);
    },
  });
  sim.runUntil(400_000);
  return sent;
}

describe("the sender's drain", () => {
  it("keeps one drain index per leader and resumes at the partition a full request left behind", () => {
    // Each 20 ms batch of ~10 records is larger than max.request.size, so a request carries one
    // batch and the drain stops at the leader's other partition: that one goes first next time.
    const sent = requestsPerBroker({ "linger.ms": 20, "max.request.size": 400 });
    const broker1 = sent.get(1)!;
    const broker2 = sent.get(2)!;
    expect(broker1.length).toBeGreaterThan(10);
    expect(broker2.length).toBeGreaterThan(10);
    for (const requests of [broker1, broker2]) for (const r of requests) expect(r).toHaveLength(1);
    expect(broker1.flat()).toEqual(broker1.map((_, i) => (i % 2 === 0 ? 0 : 2)));
    expect(broker2.flat()).toEqual(broker2.map((_, i) => (i % 2 === 0 ? 1 : 3)));
  });
});
