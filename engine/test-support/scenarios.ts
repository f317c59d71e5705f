// Scenarios shared by engine tests, built through the same decoder users go through.
import helloJson from "../../examples/hello.json";
import { decodeScenario } from "../scenario/decode";
import type { Scenario } from "../scenario/schema";

export function decodeOrThrow(value: unknown): Scenario {
  const decoded = decodeScenario(value);
  if (!decoded.ok) throw new Error(decoded.errors.join("\n"));
  return decoded.scenario;
}

export const helloScenario = (): Scenario => decodeOrThrow(helloJson);

/** A busier cluster: two producers, six partitions, two consumers splitting them. */
export const busyScenario = (seed = 7): Scenario =>
  decodeOrThrow({
    version: 1,
    title: "busy",
    seed,
    durationMs: 5000,
    network: { latencyMs: 3, jitterMs: 2 },
    cluster: { brokers: 3, topics: [{ name: "events", partitions: 6 }] },
    producers: [
      { id: "p1", topic: "events", recordsPerSec: 400, keys: { kind: "none" } },
      {
        id: "p2",
        topic: "events",
        recordsPerSec: 150,
        keys: { kind: "fixed", keys: ["a", "b"] },
        config: {
          acks: "1",
          "linger.ms": 20,
          "batch.size": 2000,
          "request.timeout.ms": 30000,
          "max.in.flight.requests.per.connection": 5,
        },
      },
    ],
    consumers: [
      {
        id: "c1",
        mode: "assign",
        topic: "events",
        partitions: [0, 1, 2],
        processingTimeMs: 2,
        config: {
          "auto.offset.reset": "earliest",
          "max.poll.records": 50,
          "fetch.max.wait.ms": 500,
          "fetch.min.bytes": 1,
          "request.timeout.ms": 30000,
        },
      },
      { id: "c2", mode: "assign", topic: "events", partitions: [3, 4, 5], processingTimeMs: 0.5 },
    ],
  });

/** One producer on one topic with one broker by default; `producer` and `topic` override fields. */
export const producerScenario = (options: {
  producer?: Record<string, unknown>;
  topic?: Record<string, unknown>;
  brokers?: number;
  durationMs?: number;
  actions?: unknown[];
  consumers?: unknown[];
}): Scenario =>
  decodeOrThrow({
    version: 1,
    title: "producer",
    seed: 11,
    durationMs: options.durationMs ?? 5000,
    network: { latencyMs: 2, jitterMs: 0 },
    cluster: { brokers: options.brokers ?? 1, topics: [{ name: "t", partitions: 3, ...options.topic }] },
    producers: [{ id: "p", topic: "t", recordsPerSec: 10, valueBytes: 100, ...options.producer }],
    consumers: options.consumers ?? [],
    actions: options.actions ?? [],
  });
