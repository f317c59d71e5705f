// Invariants of Kafka's model, checked after every step in tests and development builds. A broken
// invariant is an engine bug; the error names the step so the run can be replayed to it.
import { InvariantError } from "./core/errors";
import { peek } from "./core/scheduler";
import type { PartitionLogState, ProducerState, SimState } from "./state";

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
    // Positions are keyed "topic-partition".
    for (const [key, position] of consumer.positions) {
      if (position === null) continue;
      const log = state.partitions.get(key)!;
      if (position < 0 || position > log.highWatermark) {
        fail(`${consumer.id} position ${position} on ${key} outside [0, HW=${log.highWatermark}]`);
      }
    }
    if (consumer.processedRecords > consumer.polledRecords)
      fail(`${consumer.id} processed more than it polled`);
  }
  for (const [key, log] of state.partitions) checkSegments(key, log, fail);
  checkGroupInvariants(state, fail);
  for (const producer of state.producers.values()) {
    checkProducerBuffer(producer, fail);
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

/** Segments tile the log from the log start offset to the log end offset, oldest first. */
function checkSegments(key: string, log: PartitionLogState, fail: (message: string) => void): void {
  const first = log.segments[0];
  if (!first) return fail(`${key}: a log has no segments`);
  if (first.baseOffset !== log.logStartOffset) {
    fail(`${key}: first segment starts at ${first.baseOffset}, log start offset is ${log.logStartOffset}`);
  }
  let records = 0;
  for (let i = 0; i < log.segments.length; i++) {
    const segment = log.segments[i]!;
    const end = log.segments[i + 1]?.baseOffset ?? log.logEndOffset;
    if (end - segment.baseOffset !== segment.recordCount)
      fail(`${key}: segment ${segment.baseOffset} miscounts its records`);
    records += segment.recordCount;
  }
  if (records !== log.logEndOffset - log.logStartOffset) fail(`${key}: segments hold ${records} records`);
  const retainedFirst = log.retained[0];
  if (retainedFirst && retainedFirst.offset < log.logStartOffset)
    fail(`${key}: a deleted record is still retained`);
}

/** Every live batch (queued or in flight) holds exactly its share of buffer.memory. */
function checkProducerBuffer(producer: ProducerState, fail: (message: string) => void): void {
  let usedBytes = 0;
  for (const deque of producer.deques.values()) for (const batch of deque) usedBytes += batch.capacityBytes;
  for (const request of producer.inFlight.values())
    for (const batch of request.batches) usedBytes += batch.capacityBytes;
  if (usedBytes !== producer.bufferUsedBytes) {
    fail(
      `${producer.id} accounts ${producer.bufferUsedBytes} buffer bytes but its batches hold ${usedBytes}`,
    );
  }
  if (producer.client === "java" && producer.bufferUsedBytes > producer.config["buffer.memory"])
    fail(`${producer.id} exceeds buffer.memory`);
}

/**
 * Consumer groups: in a Stable generation each partition has at most one assigned member, and a
 * client owns only what its member was assigned (a cooperative member may still hold a partition
 * until it revokes it, but never one the coordinator gave someone else in a Stable group); every
 * committed offset is within [0, HW] (a commit is a position, and positions never pass the HW).
 */
function checkGroupInvariants(state: SimState, fail: (message: string) => void): void {
  for (const group of state.groupCoordinator.groups.values()) {
    if (group.state !== "Stable") continue;
    const owners = new Map<string, string>();
    for (const member of group.members.values()) {
      for (const tp of member.assignment) {
        const key = `${tp.topic}-${tp.partition}`;
        const other = owners.get(key);
        if (other !== undefined)
          fail(
            `${group.groupId} generation ${group.generationId}: ${key} assigned to ${other} and ${member.memberId}`,
          );
        owners.set(key, member.memberId);
      }
    }
    for (const consumer of state.consumers.values()) {
      const client = consumer.group;
      if (
        client?.groupId !== group.groupId ||
        client.generationId !== group.generationId ||
        client.phase !== "stable"
      )
        continue;
      for (const tp of consumer.assigned) {
        const owner = owners.get(`${tp.topic}-${tp.partition}`);
        if (owner !== undefined && owner !== client.memberId) {
          fail(
            `${consumer.id} owns ${tp.topic}-${tp.partition}, assigned to ${owner} in generation ${group.generationId}`,
          );
        }
      }
    }
  }
  for (const [groupId, offsets] of state.groupCoordinator.offsets) {
    for (const [key, entry] of offsets) {
      const log = state.partitions.get(key);
      if (log && (entry.offset < 0 || entry.offset > log.highWatermark)) {
        fail(`${groupId} committed ${entry.offset} on ${key} outside [0, HW=${log.highWatermark}]`);
      }
    }
  }
}
