// Invariants of Kafka's model, checked after every step in tests and development builds. A broken
// invariant is an engine bug; the error names the step so the run can be replayed to it.
import { InvariantError } from "./core/errors";
import { peek } from "./core/scheduler";
import type { SimState } from "./state";

export interface InvariantMemory {
  /** Last seen log end offset per partition: offsets never go backwards. */
  logEndOffsets: Map<string, number>;
  lastNowUs: number;
}

export function createInvariantMemory(): InvariantMemory {
  return { logEndOffsets: new Map(), lastNowUs: 0 };
}

export function checkInvariants(state: SimState, memory: InvariantMemory): void {
  const fail = (message: string) => {
    throw new InvariantError(`step ${state.stepCount} at ${state.nowUs} µs: ${message}`);
  };
  if (state.nowUs < memory.lastNowUs) fail(`time went backwards (${memory.lastNowUs} → ${state.nowUs})`);
  memory.lastNowUs = state.nowUs;
  const next = peek(state.scheduler);
  if (next && next.atUs < state.nowUs) fail(`a pending event is in the past (${next.atUs})`);
  for (const [key, log] of state.partitions) {
    if (!(log.logStartOffset <= log.highWatermark && log.highWatermark <= log.logEndOffset)) {
      fail(
        `${key}: expected logStart ≤ HW ≤ LEO, got ${log.logStartOffset}/${log.highWatermark}/${log.logEndOffset}`,
      );
    }
    const previous = memory.logEndOffsets.get(key) ?? 0;
    if (log.logEndOffset < previous)
      fail(`${key}: log end offset went back from ${previous} to ${log.logEndOffset}`);
    memory.logEndOffsets.set(key, log.logEndOffset);
    const last = log.retained[log.retained.length - 1];
    if (last && last.offset !== log.logEndOffset - 1)
      fail(`${key}: last retained offset ${last.offset} ≠ LEO − 1`);
    const first = log.retained[0];
    if (first && last && last.offset - first.offset + 1 !== log.retained.length) {
      fail(`${key}: retained offsets not contiguous`);
    }
  }
  for (const consumer of state.consumers.values()) {
    for (const [partition, position] of consumer.positions) {
      if (position === null) continue;
      const log = state.partitions.get(`${consumer.topic}-${partition}`)!;
      if (position < 0 || position > log.highWatermark) {
        fail(
          `${consumer.id} position ${position} on ${consumer.topic}-${partition} outside [0, HW=${log.highWatermark}]`,
        );
      }
    }
    if (consumer.processedRecords > consumer.polledRecords)
      fail(`${consumer.id} processed more than it polled`);
  }
  for (const producer of state.producers.values()) {
    const limit = producer.config["max.in.flight.requests.per.connection"];
    const perBroker = new Map<number, number>();
    for (const r of producer.inFlight.values())
      perBroker.set(r.brokerId, (perBroker.get(r.brokerId) ?? 0) + 1);
    for (const [brokerId, n] of perBroker) {
      if (n > limit)
        fail(`${producer.id} has ${n} requests in flight to broker ${brokerId} (limit ${limit})`);
    }
  }
}
