// Delivery accounting, for the delivery-semantics lessons (PRODUCT.md §9): per consumer group (or
// assign() consumer) and partition, the offsets poll() returned once and more than once, the ones
// the application finished processing, and each consumer's batch in hand. A group has **lost** an
// offset when it committed past it without ever processing it (at-most-once, a crash after
// commit-before-processing); a **duplicated** offset is one poll() returned more than once
// (at-least-once: a crash before the commit redelivers). Updated from each step's events, after
// the step: it emits nothing, so it cannot change the run or its event-log hash.
import type { DomainEvent, PartitionRange } from "./events";
import type { SimState } from "./state";

/** Half-open offset ranges [from, to), sorted and disjoint. */
type Ranges = [number, number][];

/**
 * Ranges kept per list; past it the two oldest ranges merge (the gap between them is forgotten).
 * Gaps only come from skipped or lost records, so a list reaches this only in a pathological run.
 */
export const DELIVERY_RANGES_MAX = 256;

interface PartitionTally {
  topic: string;
  partition: number;
  /** Offsets poll() returned at least once / at least twice. */
  polled: Ranges;
  polledTwice: Ranges;
  /** Offsets whose processing the application finished at least once / at least twice. */
  processed: Ranges;
  processedTwice: Ranges;
}

export interface DeliveryState {
  /** Owner (`group:<groupId>` or `consumer:<clientId>`) → "topic-partition" → tally. */
  owners: Map<string, Map<string, PartitionTally>>;
  /** Each consumer's records returned by its last poll() and not yet processed. */
  inHand: Map<string, PartitionRange[]>;
}

export function createDeliveryState(): DeliveryState {
  return { owners: new Map(), inHand: new Map() };
}

function insert(ranges: Ranges, from: number, to: number): void {
  if (to <= from) return;
  let i = 0;
  while (i < ranges.length && ranges[i]![1] < from) i++;
  let start = from;
  let end = to;
  let j = i;
  while (j < ranges.length && ranges[j]![0] <= end) {
    start = Math.min(start, ranges[j]![0]);
    end = Math.max(end, ranges[j]![1]);
    j++;
  }
  ranges.splice(i, j - i, [start, end]);
  if (ranges.length > DELIVERY_RANGES_MAX) ranges.splice(0, 2, [ranges[0]![0], ranges[1]![1]]);
}

/** The parts of [from, to) already in `ranges`. */
function overlaps(ranges: Ranges, from: number, to: number): Ranges {
  const out: Ranges = [];
  for (const [a, b] of ranges) {
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (lo < hi) out.push([lo, hi]);
  }
  return out;
}

/** Adds [from, to) to `once`, and the part already there to `twice`. */
function count(once: Ranges, twice: Ranges, from: number, to: number): void {
  for (const [a, b] of overlaps(once, from, to)) insert(twice, a, b);
  insert(once, from, to);
}

const size = (ranges: Ranges) => ranges.reduce((n, [a, b]) => n + (b - a), 0);

function ownerOf(state: SimState, consumerId: string): string | null {
  const consumer = state.consumers.get(consumerId);
  if (!consumer) return null;
  return consumer.spec.mode === "subscribe" ? `group:${consumer.spec.groupId}` : `consumer:${consumerId}`;
}

function tallyOf(delivery: DeliveryState, owner: string, range: PartitionRange): PartitionTally {
  let partitions = delivery.owners.get(owner);
  if (!partitions) {
    partitions = new Map();
    delivery.owners.set(owner, partitions);
  }
  const key = `${range.topic}-${range.partition}`;
  let tally = partitions.get(key);
  if (!tally) {
    tally = {
      topic: range.topic,
      partition: range.partition,
      polled: [],
      polledTwice: [],
      processed: [],
      processedTwice: [],
    };
    partitions.set(key, tally);
  }
  return tally;
}

/** Folds one step's events into the accounting. */
export function recordDeliveries(state: SimState, events: readonly DomainEvent[]): void {
  const delivery = state.delivery;
  for (const event of events) {
    switch (event.type) {
      case "recordsPolled": {
        const owner = ownerOf(state, event.consumerId);
        if (!owner) break;
        for (const range of event.ranges) {
          const tally = tallyOf(delivery, owner, range);
          count(tally.polled, tally.polledTwice, range.fromOffset, range.toOffset);
        }
        delivery.inHand.set(event.consumerId, [...event.ranges]);
        break;
      }
      case "recordsProcessed": {
        const owner = ownerOf(state, event.consumerId);
        const ranges = delivery.inHand.get(event.consumerId) ?? [];
        delivery.inHand.delete(event.consumerId);
        if (!owner) break;
        for (const range of ranges) {
          const tally = tallyOf(delivery, owner, range);
          count(tally.processed, tally.processedTwice, range.fromOffset, range.toOffset);
        }
        break;
      }
      // The batch in hand dies with the application: it was returned but never processed.
      case "consumerCrashed":
      case "consumerClosed":
        delivery.inHand.delete(event.consumerId);
        break;
    }
  }
}

export interface DeliveryView {
  groupId: string | null;
  /** The assign() consumer, for an owner that is not a group. */
  consumerId: string | null;
  topic: string;
  partition: number;
  /** Distinct offsets poll() returned. */
  delivered: number;
  /** Offsets poll() returned more than once. */
  duplicated: number;
  /** Distinct offsets the application finished processing. */
  processed: number;
  /** Offsets processed more than once. */
  processedTwice: number;
  /**
   * Offsets the group committed past without processing them (not counting a batch still in
   * hand), from the first offset it was given; null without a committed offset.
   */
  lost: number | null;
}

export function deliveryView(state: SimState): DeliveryView[] {
  const out: DeliveryView[] = [];
  for (const [owner, partitions] of state.delivery.owners) {
    const groupId = owner.startsWith("group:") ? owner.slice("group:".length) : null;
    const inHand: PartitionRange[] = [];
    for (const [consumerId, ranges] of state.delivery.inHand) {
      if (ownerOf(state, consumerId) === owner) inHand.push(...ranges);
    }
    for (const [key, tally] of partitions) {
      const committed = groupId ? state.groupCoordinator.offsets.get(groupId)?.get(key)?.offset : undefined;
      let lost: number | null = null;
      const first = tally.polled[0]?.[0];
      if (committed !== undefined && first !== undefined && committed > first) {
        const settled: Ranges = tally.processed.map(([a, b]) => [a, b]);
        for (const r of inHand) {
          if (r.topic === tally.topic && r.partition === tally.partition)
            insert(settled, r.fromOffset, r.toOffset);
        }
        lost = committed - first - size(overlaps(settled, first, committed));
      } else if (committed !== undefined) {
        lost = 0;
      }
      out.push({
        groupId,
        consumerId: groupId ? null : owner.slice("consumer:".length),
        topic: tally.topic,
        partition: tally.partition,
        delivered: size(tally.polled),
        duplicated: size(tally.polledTwice),
        processed: size(tally.processed),
        processedTwice: size(tally.processedTwice),
        lost,
      });
    }
  }
  return out;
}
