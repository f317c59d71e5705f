// An emulation of java.util.HashMap's iteration order (JDK 8+), for Kafka code whose result depends on
// which key a HashMap or HashSet yields first. Lookups are O(1) through a JS Map; the bucket table exists
// only to reproduce the order Java would iterate in.
//
// Rules reproduced:
// - bucket = spread(h) & (capacity − 1) with spread(h) = h ^ (h >>> 16);
// - buckets iterate ascending, and a bucket iterates in insertion order (a re-put keeps the position);
//   computeIfAbsent instead puts a new key at the front of its bucket and resizes before inserting;
// - the table is allocated on the first put, then doubles when size > 0.75·capacity; a resize splits every
//   bucket into "stays" and "moves up by oldCapacity", each keeping its relative order;
// - a bucket reaching 9 entries while capacity < 64 forces a resize (HashMap.treeifyBin).
// Not reproduced: tree bins. With capacity ≥ 64 a bucket of 9+ entries becomes a red-black tree whose
// iteration puts the tree root first and inserts new nodes next to their tree parent. That needs 9 keys with
// equal low hash bits in one table, which ordinary member ids and topic partitions never produce; such a map
// keeps list order here and `hasTreeBins` reports that the emulation may differ from the JVM.

const DEFAULT_CAPACITY = 16;
const MAXIMUM_CAPACITY = 1 << 30;
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;

interface Node<K, V> {
  readonly key: K;
  value: V;
  readonly spreadHash: number;
}

/** HashMap.hash(): the key's hashCode with its high half folded into the low half. */
export function javaSpreadHash(hashCode: number): number {
  return (hashCode ^ (hashCode >>> 16)) | 0;
}

/** HashMap.tableSizeFor(): the smallest power of two ≥ cap, at least 1. */
export function javaTableSizeFor(cap: number): number {
  if (cap <= 1) return 1;
  if (cap >= MAXIMUM_CAPACITY) return MAXIMUM_CAPACITY;
  let size = 1;
  while (size < cap) size *= 2;
  return size;
}

/** How a Java map or set was constructed; this fixes its first table size and so its order. */
export type JavaMapConstruction =
  /** `new HashMap<>()` / `new HashSet<>()`: 16 buckets on the first put. */
  | { readonly kind: "default" }
  /** `new HashMap<>(n)`: tableSizeFor(n) buckets on the first put. */
  | { readonly kind: "initialCapacity"; readonly capacity: number }
  /** `new HashMap<>(otherMap)` with `size` entries (JDK 19+: tableSizeFor(ceil(size / 0.75))). */
  | { readonly kind: "copyOfMap"; readonly size: number }
  /** `new HashSet<>(collection)` with `size` elements: max(size / .75f + 1, 16). */
  | { readonly kind: "copyOfCollection"; readonly size: number };

function initialThreshold(construction: JavaMapConstruction): number {
  switch (construction.kind) {
    case "default":
      return 0;
    case "initialCapacity":
      return javaTableSizeFor(construction.capacity);
    case "copyOfMap":
      return construction.size > 0 ? javaTableSizeFor(Math.ceil(construction.size / 0.75)) : 0;
    case "copyOfCollection":
      return javaTableSizeFor(Math.max(Math.floor(Math.fround(construction.size / 0.75)) + 1, 16));
    default: {
      const unreachable: never = construction;
      return unreachable;
    }
  }
}

export class JavaHashMap<K, V> {
  private readonly byIdentity = new Map<unknown, Node<K, V>>();
  private table: Node<K, V>[][] | null = null;
  /** Before allocation: the capacity the first put allocates (0 = default); after: resize threshold. */
  private threshold: number;
  private treeBins = false;

  /**
   * @param hashCode the key's Java `hashCode()`.
   * @param identity a JS value equal for keys Java considers `equals` (the key itself for strings).
   */
  constructor(
    private readonly hashCode: (key: K) => number,
    private readonly identity: (key: K) => unknown,
    construction: JavaMapConstruction = { kind: "default" },
  ) {
    this.threshold = initialThreshold(construction);
  }

  get size(): number {
    return this.byIdentity.size;
  }

  /** True once some bucket would have become a tree bin in Java (see the module note). */
  get hasTreeBins(): boolean {
    return this.treeBins;
  }

  get capacity(): number {
    return this.table?.length ?? 0;
  }

  has(key: K): boolean {
    return this.byIdentity.has(this.identity(key));
  }

  get(key: K): V | undefined {
    return this.byIdentity.get(this.identity(key))?.value;
  }

  /** HashMap.put: a new key goes to the end of its bucket; an existing key keeps its place. */
  set(key: K, value: V): this {
    const id = this.identity(key);
    const existing = this.byIdentity.get(id);
    if (existing) {
      existing.value = value;
      return this;
    }
    const table = this.table ?? this.allocate();
    const node: Node<K, V> = { key, value, spreadHash: javaSpreadHash(this.hashCode(key)) };
    const bucket = table[node.spreadHash & (table.length - 1)]!;
    bucket.push(node);
    this.byIdentity.set(id, node);
    if (bucket.length > TREEIFY_THRESHOLD) {
      if (table.length < MIN_TREEIFY_CAPACITY) this.resize();
      else this.treeBins = true;
    }
    if (this.byIdentity.size > this.threshold) this.resize();
    return this;
  }

  /**
   * HashMap.computeIfAbsent, which differs from put in three ways that change the order: it resizes
   * before inserting (when the size already exceeds the threshold), a new key goes to the FRONT of its
   * bucket, and a bucket that already holds 8 entries is treeified (put waits for 9).
   */
  computeIfAbsent(key: K, create: (key: K) => V): V {
    const id = this.identity(key);
    const existing = this.byIdentity.get(id);
    if (existing) return existing.value;
    if (this.table === null) this.allocate();
    else if (this.byIdentity.size > this.threshold) this.resize();
    const table = this.table!;
    const node: Node<K, V> = { key, value: create(key), spreadHash: javaSpreadHash(this.hashCode(key)) };
    const bucket = table[node.spreadHash & (table.length - 1)]!;
    bucket.unshift(node);
    this.byIdentity.set(id, node);
    if (bucket.length >= TREEIFY_THRESHOLD) {
      if (table.length < MIN_TREEIFY_CAPACITY) this.resize();
      else this.treeBins = true;
    }
    return node.value;
  }

  delete(key: K): boolean {
    const id = this.identity(key);
    const node = this.byIdentity.get(id);
    if (!node || !this.table) return false;
    const bucket = this.table[node.spreadHash & (this.table.length - 1)]!;
    bucket.splice(bucket.indexOf(node), 1);
    this.byIdentity.delete(id);
    return true;
  }

  /** The key Java's `keySet().iterator().next()` returns. */
  firstKey(): K | undefined {
    if (!this.table) return undefined;
    for (const bucket of this.table) {
      if (bucket.length > 0) return bucket[0]!.key;
    }
    return undefined;
  }

  *entries(): IterableIterator<[K, V]> {
    if (!this.table) return;
    for (const bucket of this.table) {
      for (const node of bucket) yield [node.key, node.value];
    }
  }

  *keys(): IterableIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  private allocate(): Node<K, V>[][] {
    const capacity = this.threshold > 0 ? this.threshold : DEFAULT_CAPACITY;
    this.table = emptyTable(capacity);
    this.threshold = Math.floor(capacity * 0.75);
    return this.table;
  }

  private resize(): void {
    const old = this.table!;
    if (old.length >= MAXIMUM_CAPACITY) return;
    const table = emptyTable<K, V>(old.length * 2);
    // Walking old buckets in order and appending reproduces Java's lo/hi split: every node of old
    // bucket j lands in j or j + oldCapacity, in the relative order it had.
    for (const bucket of old) {
      for (const node of bucket) table[node.spreadHash & (table.length - 1)]!.push(node);
    }
    this.table = table;
    this.threshold = Math.floor(table.length * 0.75);
  }
}

function emptyTable<K, V>(capacity: number): Node<K, V>[][] {
  return Array.from({ length: capacity }, () => []);
}

/** The order Java iterates a `new HashMap<>()` filled by putting `keys` in this order. */
export function javaHashMapKeyOrder<K>(
  keys: Iterable<K>,
  hashCode: (key: K) => number,
  identity: (key: K) => unknown = (key) => key,
): K[] {
  const map = new JavaHashMap<K, true>(hashCode, identity);
  for (const key of keys) map.set(key, true);
  return [...map.keys()];
}
