// The three key hashes the real clients use, bit-exact. Java's murmur2 decides keyed partitions
// in the Java client (and in librdkafka's murmur2 partitioners); librdkafka's default
// `consistent_random` uses CRC-32 and its `fnv1a` partitioners follow Sarama's FNV-1a variant.

const MURMUR2_SEED = 0x9747b28c;
const MURMUR2_M = 0x5bd1e995;
const MURMUR2_R = 24;

/**
 * `Utils.murmur2(byte[])` from the Java client: MurmurHash2 with Kafka's seed, little-endian
 * 4-byte blocks, Java `int` wrap-around. Returns a signed int32.
 */
export function murmur2(key: Uint8Array): number {
  const length = key.length;
  let h = MURMUR2_SEED ^ length;
  const blockEnd = length & ~3;
  for (let i = 0; i < blockEnd; i += 4) {
    let k = key[i]! | (key[i + 1]! << 8) | (key[i + 2]! << 16) | (key[i + 3]! << 24);
    k = Math.imul(k, MURMUR2_M);
    k ^= k >>> MURMUR2_R;
    k = Math.imul(k, MURMUR2_M);
    h = Math.imul(h, MURMUR2_M);
    h ^= k;
  }
  // Java's switch falls through from case 3 to case 1, so the tail bytes fold in together.
  const tail = length & 3;
  if (tail === 3) h ^= key[blockEnd + 2]! << 16;
  if (tail >= 2) h ^= key[blockEnd + 1]! << 8;
  if (tail >= 1) {
    h ^= key[blockEnd]!;
    h = Math.imul(h, MURMUR2_M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, MURMUR2_M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * librdkafka `rd_murmur2()`: the same algorithm and constants as Java's (its unit test compares
 * against Java results, including the unaligned-pointer variants), computed in `uint32_t`. The only
 * difference is the type: the same 32 bits returned unsigned. A NULL key hashes like an empty key.
 */
export function rdMurmur2(key: Uint8Array | null): number {
  return murmur2(key ?? EMPTY_KEY) >>> 0;
}

const EMPTY_KEY = new Uint8Array(0);

const CRC32_TABLE = buildCrc32Table();

function buildCrc32Table(): Uint32Array {
  // Reflected IEEE polynomial 0x04C11DB7 (0xEDB88320 reflected), as in zlib and librdkafka's table.
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
}

/**
 * librdkafka `rd_crc32()`: zlib/IEEE CRC-32 (init and final XOR 0xFFFFFFFF), unsigned 32-bit.
 * zlib returns 0 for a NULL buffer, and CRC-32 of zero bytes is 0 too, so NULL and "" agree.
 */
export function crc32(key: Uint8Array | null): number {
  if (key === null) return 0;
  let crc = 0xffffffff;
  for (let i = 0; i < key.length; i++) {
    crc = CRC32_TABLE[(crc ^ key[i]!) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const FNV1A_OFFSET_BASIS = 0x811c9dc5;
const FNV1A_PRIME = 0x01000193;

/**
 * librdkafka `rd_fnv1a()`: 32-bit FNV-1a computed in a signed `int32_t`, then negated when
 * negative to match Sarama's NewHashPartitioner, returned as `uint32_t`.
 *
 * INT32_MIN edge: `-h` overflows (undefined in C); x86-64 compilers emit `neg`, which leaves
 * 0x80000000 unchanged, so the function returns 2147483648. We reproduce that.
 */
export function fnv1a(key: Uint8Array | null): number {
  let h = FNV1A_OFFSET_BASIS | 0;
  if (key !== null) {
    for (let i = 0; i < key.length; i++) {
      h ^= key[i]!;
      h = Math.imul(h, FNV1A_PRIME);
    }
  }
  if (h < 0) h = -h | 0;
  return h >>> 0;
}
