// Group scenarios shared by the consumer-group tests, built through the same decoder users go through.
import type { DomainEvent } from "../events";
import type { Scenario } from "../scenario/schema";
import type { Simulation } from "../simulation";
import { decodeOrThrow } from "./scenarios";

export interface GroupScenarioOptions {
  consumers?: number;
  partitions?: number;
  groupId?: string;
  config?: Record<string, unknown>;
  processingTimeMs?: number;
  recordsPerSec?: number;
  commit?: string;
  seed?: number;
  extraConsumers?: unknown[];
  cluster?: Record<string, unknown>;
}

/** One producer on topic "orders" (3 brokers) and `consumers` subscribe() consumers c1…cN in one group. */
export function groupScenario(options: GroupScenarioOptions = {}): Scenario {
  const count = options.consumers ?? 3;
  return decodeOrThrow({
    version: 1,
    title: "group",
    seed: options.seed ?? 5,
    network: { latencyMs: 2, jitterMs: 0.5 },
    cluster: {
      brokers: 3,
      topics: [{ name: "orders", partitions: options.partitions ?? 6 }],
      ...options.cluster,
    },
    producers: [{ id: "p1", topic: "orders", recordsPerSec: options.recordsPerSec ?? 50 }],
    consumers: [
      ...Array.from({ length: count }, (_, i) => ({
        id: `c${i + 1}`,
        mode: "subscribe",
        groupId: options.groupId ?? "orders-service",
        topics: ["orders"],
        processingTimeMs: options.processingTimeMs ?? 1,
        ...(options.commit ? { commit: options.commit } : {}),
        config: { "auto.offset.reset": "earliest", ...options.config },
      })),
      ...(options.extraConsumers ?? []),
    ],
  });
}

export function subscribeSpec(
  id: string,
  config: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    mode: "subscribe" as const,
    groupId: "orders-service",
    topics: ["orders"],
    processingTimeMs: 1,
    config: { "auto.offset.reset": "earliest", ...config },
    ...extra,
  };
}

/** Collects every event while the simulation runs. */
export function recordEvents(): { events: DomainEvent[]; onEvent: (e: DomainEvent) => void } {
  const events: DomainEvent[] = [];
  return { events, onEvent: (e) => void events.push(e) };
}

export function ofType<T extends DomainEvent["type"]>(events: readonly DomainEvent[], type: T) {
  return events.filter((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
}

export function runMs(sim: Simulation, ms: number): void {
  sim.runUntil(sim.nowUs() + ms * 1000);
}
