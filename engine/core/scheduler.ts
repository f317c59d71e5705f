// The discrete-event scheduler: a binary min-heap of plain-data entries ordered by (time, sequence).
// The sequence number breaks ties in insertion order, which makes the run deterministic. The heap is
// bounded: scheduling past the limit is an explicit SimLimitError, never unbounded growth.
//
// Timers can be cancelled by sequence number (a request's timeout once its response arrived). A
// cancelled entry is not a step: it stays in the heap until it reaches the top, where it is dropped
// (the top is never a cancelled entry, so peek stays a pure read), and the heap is rebuilt without
// cancelled entries when they outnumber the live ones. Without this, every request's
// request.timeout.ms timer stayed pending long after its response, and busy runs filled the heap.
import { SimLimitError } from "./errors";
import type { SimTimeUs } from "./time";

export interface Scheduled<T> {
  readonly atUs: SimTimeUs;
  readonly seq: number;
  readonly payload: T;
}

export interface SchedulerState<T> {
  heap: Scheduled<T>[];
  nextSeq: number;
  /** Sequence numbers cancelled while still in the heap (may also name entries that already fired). */
  cancelled: Set<number>;
  /**
   * Runs recorded before cancellation existed (share links of version 1) counted a pointless timer
   * as a step that did nothing. Replaying them keeps those steps, so commands recorded at a step
   * count land where they were applied: cancelled entries stay in the heap and pop as no-op steps.
   */
  cancelledAreSteps: boolean;
}

export const SCHEDULER_CAPACITY = 1_000_000;
/** Cancelled entries tolerated before a rebuild is considered (below this, lazy removal is enough). */
const COMPACT_MIN_CANCELLED = 4_096;

export function createSchedulerState<T>(options: { cancelledAreSteps?: boolean } = {}): SchedulerState<T> {
  return {
    heap: [],
    nextSeq: 0,
    cancelled: new Set(),
    cancelledAreSteps: options.cancelledAreSteps ?? false,
  };
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.atUs < b.atUs || (a.atUs === b.atUs && a.seq < b.seq);
}

function siftUp<T>(heap: Scheduled<T>[], index: number): void {
  const entry = heap[index]!;
  let i = index;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const above = heap[parent]!;
    if (!before(entry, above)) break;
    heap[i] = above;
    i = parent;
  }
  heap[i] = entry;
}

function siftDown<T>(heap: Scheduled<T>[], index: number): void {
  const length = heap.length;
  const entry = heap[index]!;
  let i = index;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= length) break;
    const right = left + 1;
    let child = left;
    if (right < length && before(heap[right]!, heap[left]!)) child = right;
    if (!before(heap[child]!, entry)) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = entry;
}

function removeTop<T>(heap: Scheduled<T>[]): void {
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    siftDown(heap, 0);
  }
}

/** Drops cancelled entries from the top, so the top is always a live entry. */
function settleTop<T>(state: SchedulerState<T>): void {
  const { heap, cancelled } = state;
  while (heap.length > 0 && cancelled.size > 0 && cancelled.delete(heap[0]!.seq)) removeTop(heap);
}

/** Rebuilds the heap without cancelled entries; the pop order is unchanged ((time, seq) is total). */
function compact<T>(state: SchedulerState<T>): void {
  const { cancelled } = state;
  const heap = state.heap.filter((entry) => !cancelled.has(entry.seq));
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i);
  state.heap = heap;
  cancelled.clear();
}

export function schedule<T>(state: SchedulerState<T>, atUs: SimTimeUs, payload: T): Scheduled<T> {
  if (state.heap.length >= SCHEDULER_CAPACITY && state.cancelled.size > 0 && !state.cancelledAreSteps)
    compact(state);
  if (state.heap.length >= SCHEDULER_CAPACITY) {
    throw new SimLimitError(`scheduler holds ${SCHEDULER_CAPACITY} pending events; the scenario is too busy`);
  }
  const entry: Scheduled<T> = { atUs, seq: state.nextSeq++, payload };
  state.heap.push(entry);
  siftUp(state.heap, state.heap.length - 1);
  return entry;
}

/**
 * Cancels the entry with this sequence number if it is still pending; a no-op for one that already
 * fired or was cancelled. A cancelled entry never fires and is not a step.
 */
export function cancel<T>(state: SchedulerState<T>, seq: number): void {
  if (seq < 0 || seq >= state.nextSeq) return;
  state.cancelled.add(seq);
  if (state.cancelledAreSteps) return;
  settleTop(state);
  const { cancelled, heap } = state;
  if (cancelled.size >= COMPACT_MIN_CANCELLED && cancelled.size * 2 > heap.length) compact(state);
}

export function peek<T>(state: SchedulerState<T>): Scheduled<T> | undefined {
  return state.heap[0];
}

export function pop<T>(state: SchedulerState<T>): Scheduled<T> | undefined {
  const heap = state.heap;
  const top = heap[0];
  if (top === undefined) return undefined;
  removeTop(heap);
  if (!state.cancelledAreSteps) settleTop(state);
  return top;
}

/** For a popped entry: was it cancelled (only possible when cancelled entries are steps)? */
export function wasCancelled<T>(state: SchedulerState<T>, entry: Scheduled<T>): boolean {
  return state.cancelledAreSteps && state.cancelled.delete(entry.seq);
}
