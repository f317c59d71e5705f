// Protects producer config fidelity: Kafka 4.x defaults, and invalid values or combinations rejected
// with the exact ConfigException text, both from validateProducerConfig and through the scenario
// decoder and `sim run` (exit code 2).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRunCommand } from "../cli/run-command";
import { decodeScenario } from "../scenario/decode";
import { defaultProducerConfig, validateProducerConfig } from "./config";

const scenarioWith = (config: Record<string, unknown>, client?: string) => ({
  version: 1,
  cluster: { brokers: 1, topics: [{ name: "t", partitions: 3 }] },
  producers: [{ id: "p", topic: "t", recordsPerSec: 1, config, ...(client ? { client } : {}) }],
});

const messages = (raw: unknown, client?: "java" | "librdkafka") => {
  const result = validateProducerConfig(raw, client);
  return result.ok ? [] : result.issues.map((i) => i.message);
};

describe("producer config", () => {
  it("has Kafka 4.x defaults, and librdkafka's own where they differ", () => {
    expect(defaultProducerConfig()).toMatchObject({
      acks: "all",
      "linger.ms": 5,
      "batch.size": 16384,
      "enable.idempotence": true,
      "max.in.flight.requests.per.connection": 5,
      "delivery.timeout.ms": 120000,
      "request.timeout.ms": 30000,
      retries: 2147483647,
      "retry.backoff.ms": 100,
      "buffer.memory": 33554432,
      "compression.type": "none",
      "partitioner.class": null,
      "partitioner.adaptive.partitioning.enable": true,
      "partitioner.availability.timeout.ms": 0,
      "partitioner.ignore.keys": false,
    });
    expect(defaultProducerConfig("librdkafka")).toMatchObject({
      partitioner: "consistent_random",
      "sticky.partitioning.linger.ms": 10,
      "enable.idempotence": false,
    });
  });

  it("rejects a negative linger.ms and acks=2 with Kafka's messages", () => {
    expect(messages({ "linger.ms": -1 })).toEqual([
      "Invalid value -1 for configuration linger.ms: Value must be at least 0",
    ]);
    expect(messages({ acks: 2 })).toEqual([
      "Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1",
    ]);
    expect(messages({ "batch.size": "big" })).toEqual([
      "Invalid value big for configuration batch.size: Not a number of type INT",
    ]);
    expect(messages({ "compression.type": "brotli" })).toEqual([
      "Invalid value brotli for configuration compression.type: String must be one of: none, gzip, snappy, lz4, zstd",
    ]);
    expect(
      messages({ "partitioner.class": "org.apache.kafka.clients.producer.UniformStickyPartitioner" }),
    ).toEqual([
      "Invalid value org.apache.kafka.clients.producer.UniformStickyPartitioner for configuration partitioner.class: Class org.apache.kafka.clients.producer.UniformStickyPartitioner could not be found.",
    ]);
  });

  it("refuses explicit idempotence with acks=1, but silently disables default idempotence", () => {
    expect(messages({ "enable.idempotence": true, acks: "1" })).toEqual([
      "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.",
    ]);
    const implicit = validateProducerConfig({ acks: "1" });
    expect(implicit.ok && implicit.config["enable.idempotence"]).toBe(false);
    expect(implicit.ok && implicit.notes).toEqual([
      "Idempotence will be disabled because acks is set to 1, not set to 'all'.",
    ]);
    expect(messages({ "enable.idempotence": true, retries: 0 })).toEqual([
      "Must set retries to non-zero when using the idempotent producer.",
    ]);
    expect(messages({ "max.in.flight.requests.per.connection": 6 })).toEqual([
      "To use the idempotent producer, max.in.flight.requests.per.connection must be set to at most 5. Current value is 6.",
    ]);
  });

  it("requires delivery.timeout.ms ≥ linger.ms + request.timeout.ms only when set explicitly", () => {
    expect(messages({ "delivery.timeout.ms": 1000, "request.timeout.ms": 1000, "linger.ms": 5 })).toEqual([
      "delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms",
    ]);
    const raised = validateProducerConfig({ "request.timeout.ms": 200_000 });
    expect(raised.ok && raised.config["delivery.timeout.ms"]).toBe(200_005);
  });

  it("keeps each client's properties to itself", () => {
    expect(messages({ partitioner: "murmur2" })[0]).toMatch(/librdkafka property/);
    expect(messages({ "partitioner.ignore.keys": true }, "librdkafka")).toEqual([
      'No such configuration property: "partitioner.ignore.keys"',
    ]);
    expect(
      messages({ partitioner: "murmur2_random", "sticky.partitioning.linger.ms": 0 }, "librdkafka"),
    ).toEqual([]);
  });

  it("reports errors through the scenario decoder at the property's path", () => {
    const bad = decodeScenario(scenarioWith({ acks: 2, "linger.ms": -1 }));
    expect(bad).toEqual({
      ok: false,
      errors: [
        "producers[0].config.acks: Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1",
        "producers[0].config.linger.ms: Invalid value -1 for configuration linger.ms: Value must be at least 0",
      ],
    });
    const idempotence = decodeScenario(scenarioWith({ "enable.idempotence": true, acks: "1" }));
    expect(idempotence.ok ? [] : idempotence.errors).toEqual([
      "producers[0].config.enable.idempotence: Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.",
    ]);
  });

  it("makes `sim run` exit 2 with the Kafka message and run nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "topicscope-config-"));
    const file = join(dir, "scenario.json");
    await writeFile(file, JSON.stringify(scenarioWith({ "enable.idempotence": true, acks: "1" })));
    const result = await runRunCommand([file]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "producers[0].config.enable.idempotence: Must set acks to all in order to use the idempotent producer.",
    );
    await writeFile(file, JSON.stringify(scenarioWith({ "linger.ms": -1 })));
    const negative = await runRunCommand([file]);
    expect(negative.exitCode).toBe(2);
    expect(negative.stderr).toContain(
      "Invalid value -1 for configuration linger.ms: Value must be at least 0",
    );
  });

  it("decodes its own output again (runs are re-imported from decoded scenarios)", () => {
    const first = decodeScenario(scenarioWith({ acks: "1", "linger.ms": "20" }));
    expect(first.ok).toBe(true);
    const second = first.ok ? decodeScenario(first.scenario) : first;
    expect(second).toEqual(first);
  });
});
