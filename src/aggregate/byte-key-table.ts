/**
 * A hash table from byte strings to small integers, for the aggregator's per-record lookups: the key is
 * up to three byte ranges of a record (for example recipient domain, vmta and source IP) plus an integer
 * salt, hashed and compared as bytes where they lie, so no string is built for a record whose key was
 * seen before. Open addressing with linear probing; keys copied into one growing byte arena; all state in
 * typed arrays (no per-entry objects for the garbage collector to trace).
 *
 * Use: `get(...)` and, on a miss (-1), `set(...)` with the same key right after: `set` reuses the hash
 * and probe position of the `get` before it. The owner bounds the table with `size`/`bytes` and `clear()`.
 */

const SEED = 0x811c9dc5;
const M = 0x9e3779b1;
const MIN_SLOTS = 1024;
/** Ints per entry: hash, salt, key start in the arena, three lengths, value, padding (one cache line
 * holds two entries, so a lookup touches one line for the entry instead of one per field). */
const META = 8;
/** First ranges longer than this are compared with memcmp. */
const LONG = 64;

/** Mixes the bytes [s, e) into h, four bytes a step (little-endian words, then the tail). */
function mixRange(h0: number, b: Uint8Array, s: number, e: number): number {
  let h = h0;
  let i = s;
  for (const last = e - 3; i < last; i += 4) {
    h = Math.imul(h ^ ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24)), M);
    h ^= h >>> 15;
  }
  for (; i < e; i++) h = Math.imul(h ^ (b[i] as number), M);
  return h;
}

export class ByteKeyTable {
  /** Entry index + 1 per slot; 0 = empty. */
  #slots = new Int32Array(MIN_SLOTS);
  #mask = MIN_SLOTS - 1;
  #meta = new Int32Array((MIN_SLOTS / 2) * META);
  #arena: Buffer = Buffer.allocUnsafe(64 * 1024);
  #used = 0;
  #count = 0;
  /** Hash and empty slot found by the last missed `get`. */
  #lastHash = 0;
  #lastSlot = 0;

  /** Entries stored. */
  get size(): number {
    return this.#count;
  }

  /** Key bytes stored. */
  get bytes(): number {
    return this.#used;
  }

  /** Value of the key (s1..e1, s2..e2, s3..e3 of b, salt), or -1 when absent. */
  get(b: Uint8Array, s1: number, e1: number, s2: number, e2: number, s3: number, e3: number, salt: number): number {
    const l1 = e1 - s1;
    const l2 = e2 - s2;
    const l3 = e3 - s3;
    let h = mixRange(Math.imul(SEED ^ salt, M) ^ l1, b, s1, e1);
    h = mixRange(Math.imul(h ^ l2, M), b, s2, e2);
    h = mixRange(Math.imul(h ^ l3, M), b, s3, e3);
    // final avalanche (murmur3 fmix32)
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const slots = this.#slots;
    const meta = this.#meta;
    const mask = this.#mask;
    let slot = h & mask;
    for (;;) {
      const at = slots[slot] as number;
      if (at === 0) break;
      const m = (at - 1) * META;
      if (meta[m] === h && meta[m + 1] === salt && meta[m + 3] === l1 && meta[m + 4] === l2 && meta[m + 5] === l3) {
        if (this.#equal(b, s1, e1, s2, e2, s3, e3, meta[m + 2] as number)) return meta[m + 6] as number;
      }
      slot = (slot + 1) & mask;
    }
    this.#lastHash = h;
    this.#lastSlot = slot;
    return -1;
  }

  /** Stores the key the last `get` missed, with its value. */
  set(b: Uint8Array, s1: number, e1: number, s2: number, e2: number, s3: number, e3: number, salt: number, value: number): void {
    const n = e1 - s1 + (e2 - s2) + (e3 - s3);
    if (this.#used + n > this.#arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.#arena.length * 2, this.#used + n));
      this.#arena.copy(bigger, 0, 0, this.#used);
      this.#arena = bigger;
    }
    const e = this.#count;
    if ((e + 1) * META > this.#meta.length) {
      const bigger = new Int32Array(this.#meta.length * 2);
      bigger.set(this.#meta);
      this.#meta = bigger;
    }
    const arena = this.#arena;
    const start = this.#used;
    let w = start;
    for (let i = s1; i < e1; i++) arena[w++] = b[i] as number;
    for (let i = s2; i < e2; i++) arena[w++] = b[i] as number;
    for (let i = s3; i < e3; i++) arena[w++] = b[i] as number;
    this.#used = w;
    const m = e * META;
    const meta = this.#meta;
    meta[m] = this.#lastHash;
    meta[m + 1] = salt;
    meta[m + 2] = start;
    meta[m + 3] = e1 - s1;
    meta[m + 4] = e2 - s2;
    meta[m + 5] = e3 - s3;
    meta[m + 6] = value;
    this.#slots[this.#lastSlot] = e + 1;
    this.#count = e + 1;
    if (this.#count * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
  }

  /** Forgets every key (the memory stays allocated for reuse). */
  clear(): void {
    this.#slots.fill(0);
    this.#count = 0;
    this.#used = 0;
  }

  #equal(b: Uint8Array, s1: number, e1: number, s2: number, e2: number, s3: number, e3: number, at: number): boolean {
    const arena = this.#arena;
    let k = at;
    if (e1 - s1 > LONG) {
      // memcmp for long ranges (a provider's response text): cheaper than a byte loop past the call
      if (arena.compare(b, s1, e1, k, k + (e1 - s1)) !== 0) return false;
      k += e1 - s1;
    } else for (let i = s1; i < e1; i++) if (arena[k++] !== b[i]) return false;
    for (let i = s2; i < e2; i++) if (arena[k++] !== b[i]) return false;
    for (let i = s3; i < e3; i++) if (arena[k++] !== b[i]) return false;
    return true;
  }

  #rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let e = 0; e < this.#count; e++) {
      let slot = (this.#meta[e * META] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}
