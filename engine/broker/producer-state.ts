// Broker-side idempotence (ProducerStateManager / ProducerAppendInfo.checkSequence): per partition,
// each producer id's epoch and its last 5 batches. A batch identical to one of them (same epoch,
// same first and last sequence) is a retry of something already written: it is not appended again
// and the response repeats the original offset.
import type { PartitionLogState } from "../state";

/** ProducerStateEntry.NUM_BATCHES_TO_RETAIN. */
export const PRODUCER_BATCHES_RETAINED = 5;

export type SequenceCheck =
  | { kind: "append" }
  | { kind: "duplicate"; baseOffset: number }
  | { kind: "error"; error: "OUT_OF_ORDER_SEQUENCE_NUMBER" | "INVALID_PRODUCER_EPOCH" };

export function checkSequence(
  log: PartitionLogState,
  kafkaProducerId: number,
  producerEpoch: number,
  firstSequence: number,
  lastSequence: number,
): SequenceCheck {
  const entry = log.producerStates.get(kafkaProducerId);
  if (!entry) return { kind: "append" };
  if (producerEpoch === entry.producerEpoch) {
    const duplicate = entry.batches.find(
      (b) => b.firstSequence === firstSequence && b.lastSequence === lastSequence,
    );
    if (duplicate) return { kind: "duplicate", baseOffset: duplicate.baseOffset };
  }
  if (producerEpoch < entry.producerEpoch) return { kind: "error", error: "INVALID_PRODUCER_EPOCH" };
  if (producerEpoch > entry.producerEpoch) {
    return firstSequence === 0
      ? { kind: "append" }
      : { kind: "error", error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
  }
  const last = entry.batches[entry.batches.length - 1];
  const expected = last === undefined ? 0 : (last.lastSequence + 1) % 2147483648;
  return firstSequence === expected
    ? { kind: "append" }
    : { kind: "error", error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
}

export function recordAppendedBatch(
  log: PartitionLogState,
  kafkaProducerId: number,
  producerEpoch: number,
  firstSequence: number,
  lastSequence: number,
  baseOffset: number,
): void {
  let entry = log.producerStates.get(kafkaProducerId);
  if (!entry || entry.producerEpoch !== producerEpoch) {
    entry = { producerEpoch, batches: [] };
    log.producerStates.set(kafkaProducerId, entry);
  }
  entry.batches.push({ firstSequence, lastSequence, baseOffset });
  if (entry.batches.length > PRODUCER_BATCHES_RETAINED) entry.batches.shift();
}
