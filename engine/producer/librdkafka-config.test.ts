// Protects a librdkafka producer's configuration: librdkafka's own names and aliases, defaults,
// ranges and error texts (rd_kafka_conf_set), its own cross-checks (rd_kafka_conf_finalize) and none
// of the Java client's, and the behaviour they govern (message.timeout.ms = 0 never expires,
// batch.num.messages closes a batch, a full queue refuses send() with "Local: Queue full").
import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../events";
import { createSimulation } from "../simulation";
import { producerScenario } from "../test-support/scenarios";
import { validateProducerConfig } from "./config";

const resolve = (config: Record<string, unknown>) => validateProducerConfig(config, "librdkafka");
const messages = (config: Record<string, unknown>) => {
  const result = resolve(config);
  return result.ok ? [] : result.issues.map((i) => i.message);
};
const resolved = (config: Record<string, unknown>) => {
  const result = resolve(config);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.config;
};

describe("a librdkafka producer's config", () => {
  it("has librdkafka's defaults, not Java's", () => {
    expect(resolved({})).toMatchObject({
      "delivery.timeout.ms": 300_000,
      "max.in.flight.requests.per.connection": 1_000_000,
      "linger.ms": 5,
      "batch.size": 1_000_000,
      "batch.num.messages": 10_000,
      "max.request.size": 1_000_000,
      "queue.buffering.max.messages": 100_000,
      "queue.buffering.max.kbytes": 1_048_576,
      "enable.idempotence": false,
      retries: 2147483647,
      acks: "all",
      "sticky.partitioning.linger.ms": 10,
    });
  });

  it("takes librdkafka's names and their aliases for the same property", () => {
    expect(resolved({ "queue.buffering.max.ms": 50 })["linger.ms"]).toBe(50);
    expect(resolved({ "linger.ms": "0.5" })["linger.ms"]).toBe(0.5);
    expect(resolved({ "message.timeout.ms": 0 })["delivery.timeout.ms"]).toBe(0);
    expect(resolved({ "delivery.timeout.ms": 1000 })["delivery.timeout.ms"]).toBe(1000);
    expect(resolved({ "max.in.flight": 3 })["max.in.flight.requests.per.connection"]).toBe(3);
    expect(resolved({ "request.required.acks": 1 }).acks).toBe("1");
    expect(resolved({ acks: "all" }).acks).toBe("all");
    expect(resolved({ "compression.codec": "zstd" })["compression.type"]).toBe("zstd");
    // sticky.partitioning.linger.ms follows linger.ms unless set: twice it, at most 900000.
    expect(resolved({ "linger.ms": 100 })["sticky.partitioning.linger.ms"]).toBe(200);
  });

  it("refuses Java-only properties as librdkafka does", () => {
    expect(
      messages({ "buffer.memory": 1_000_000, "max.request.size": 5000, "partitioner.class": "x" }),
    ).toEqual([
      'No such configuration property: "buffer.memory"',
      'No such configuration property: "max.request.size"',
      'No such configuration property: "partitioner.class"',
    ]);
  });

  it("reports bad values with librdkafka's texts, naming the property an alias stands for", () => {
    expect(messages({ "linger.ms": -1 })).toEqual([
      'Configuration property "queue.buffering.max.ms" value -1 is outside allowed range 0..900000',
    ]);
    expect(messages({ "max.in.flight": 0 })).toEqual([
      'Configuration property "max.in.flight.requests.per.connection" value 0 is outside allowed range 1..1000000',
    ]);
    expect(messages({ "batch.num.messages": "many" })).toEqual([
      'Invalid value for configuration property "batch.num.messages"',
    ]);
    expect(messages({ "enable.idempotence": "yes" })).toEqual([
      'Expected bool value for "enable.idempotence": true or false',
    ]);
    expect(messages({ "compression.type": "brotli" })).toEqual([
      'Invalid value for configuration property "compression.codec": brotli',
    ]);
  });

  it("applies librdkafka's cross-checks, not Java's", () => {
    // Java refuses delivery.timeout.ms < linger.ms + request.timeout.ms; librdkafka does not check it.
    expect(messages({ "delivery.timeout.ms": 1000, "request.timeout.ms": 5000 })).toEqual([]);
    expect(messages({ "linger.ms": 1000, "message.timeout.ms": 500 })).toEqual([
      "`message.timeout.ms` must be greater than `linger.ms`",
    ]);
    expect(resolved({ "message.timeout.ms": 3 })["linger.ms"]).toBeCloseTo(2.9);
    expect(resolved({ "enable.idempotence": true })).toMatchObject({
      "max.in.flight.requests.per.connection": 5,
      acks: "all",
    });
    expect(messages({ "enable.idempotence": true, "max.in.flight": 10 })).toEqual([
      "`max.in.flight` must be set <= 5 when `enable.idempotence` is true",
    ]);
    expect(messages({ "enable.idempotence": true, acks: 1 })).toEqual([
      "`acks` must be set to `all` when `enable.idempotence` is true",
    ]);
    expect(messages({ "enable.idempotence": true, retries: 0 })).toEqual([
      "`retries` must be set >= 1 when `enable.idempotence` is true",
    ]);
  });
});

describe("a librdkafka producer's behaviour", () => {
  const run = (config: Record<string, unknown>, actions: unknown[] = [], recordsPerSec = 10) => {
    const events: DomainEvent[] = [];
    const scenario = producerScenario({
      producer: { client: "librdkafka", partition: 0, recordsPerSec, config },
      durationMs: 200_000,
      actions,
    });
    const sim = createSimulation(scenario, { checkInvariants: true, onEvent: (e) => void events.push(e) });
    return { sim, events };
  };

  it("never expires a message with message.timeout.ms = 0, while 300000 expires it after 5 minutes", () => {
    const stop = [{ atMs: 100, command: { type: "stopBroker", brokerId: 1 } }];
    const infinite = run({ "message.timeout.ms": 0 }, stop, 1);
    infinite.sim.runUntil(400_000_000);
    expect(infinite.events.some((e) => e.type === "recordExpired")).toBe(false);
    const bounded = run({}, stop, 1);
    bounded.sim.runUntil(400_000_000);
    expect(bounded.events.some((e) => e.type === "recordExpired")).toBe(true);
  });

  it("closes a batch at batch.num.messages and refuses send() when the queue is full", () => {
    const batched = run({ "batch.num.messages": 3, "linger.ms": 10_000 }, [], 100);
    batched.sim.runUntil(500_000);
    const sealed = batched.events.find((e) => e.type === "batchSealed");
    expect(sealed).toMatchObject({ reason: "full", recordCount: 3 });
    // The broker stops after metadata: nothing is acknowledged any more, the queue fills up.
    const stop = [{ atMs: 100, command: { type: "stopBroker", brokerId: 1 } }];
    const full = run({ "queue.buffering.max.messages": 5 }, stop, 100);
    full.sim.runUntil(1_000_000);
    const refusedAt = full.events.findIndex((e) => e.type === "sendFailed");
    expect(full.events[refusedAt]).toMatchObject({
      exception: "RD_KAFKA_RESP_ERR__QUEUE_FULL",
      message: "Local: Queue full",
    });
    const before = full.events.slice(0, refusedAt);
    const accepted = before.filter((e) => e.type === "recordAccumulated").length;
    const acknowledged = before.reduce(
      (n, e) => n + (e.type === "produceAcknowledged" ? e.recordCount : 0),
      0,
    );
    expect(accepted - acknowledged).toBe(5);
  });
});
