// The discrete-event scheduler: a binary min-heap of plain-data entries ordered by (time, sequence).
// The sequence number breaks ties in insertion order, which makes the run deterministic. The heap is
// bounded: scheduling past the limit is an explicit SimLimitError, never unbounded growth.
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
}

export const SCHEDULER_CAPACITY = 1_000_000;

export function createSchedulerState<T>(): SchedulerState<T> {
  return { heap: [], nextSeq: 0 };
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.atUs < b.atUs || (a.atUs === b.atUs && a.seq < b.seq);
}

export function schedule<T>(state: SchedulerState<T>, atUs: SimTimeUs, payload: T): Scheduled<T> {
  if (state.heap.length >= SCHEDULER_CAPACITY) {
    throw new SimLimitError(`scheduler holds ${SCHEDULER_CAPACITY} pending events; the scenario is too busy`);
  }
  const entry: Scheduled<T> = { atUs, seq: state.nextSeq++, payload };
  const heap = state.heap;
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
  return entry;
}

export function peek<T>(state: SchedulerState<T>): Scheduled<T> | undefined {
  return state.heap[0];
}

export function pop<T>(state: SchedulerState<T>): Scheduled<T> | undefined {
  const heap = state.heap;
  const top = heap[0];
  if (top === undefined) return undefined;
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
  return top;
}
