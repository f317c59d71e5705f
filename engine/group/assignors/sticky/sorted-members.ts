// The general builder's `TreeSet<String> sortedCurrentSubscriptions` with Kafka's SubscriptionComparator:
// ascending by current assignment size, ties by member id (String.compareTo). As in Kafka, callers remove a
// member before its size changes and add it back afterwards, so the array stays sorted. A sorted array with
// binary search keeps first/last O(1) and updates O(log n + n) memmove, cheap for group sizes.

import { javaStringCompare } from "../../../core/java-hash";

export class SortedMembers implements Iterable<string> {
  private readonly items: string[] = [];

  constructor(private readonly sizeOf: (member: string) => number) {}

  get size(): number {
    return this.items.length;
  }

  first(): string | undefined {
    return this.items[0];
  }

  last(): string | undefined {
    return this.items[this.items.length - 1];
  }

  /** TreeSet.add: no-op when an equal member is present. */
  add(member: string): void {
    const index = this.lowerBound(member);
    if (this.items[index] !== member) this.items.splice(index, 0, member);
  }

  /** TreeSet.remove: found through the comparator, so it must run before the member's size changes. */
  delete(member: string): void {
    const index = this.lowerBound(member);
    if (this.items[index] === member) this.items.splice(index, 1);
  }

  [Symbol.iterator](): Iterator<string> {
    return this.items[Symbol.iterator]();
  }

  private compare(a: string, sizeA: number, b: string): number {
    return sizeA - this.sizeOf(b) || javaStringCompare(a, b);
  }

  private lowerBound(member: string): number {
    const size = this.sizeOf(member);
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(member, size, this.items[mid]!) > 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
