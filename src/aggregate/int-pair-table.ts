/**
 * A hash table from a pair of non-negative 32-bit integers to a non-negative integer: the aggregator's
 * (pair, domain) → series index. Open addressing, keys and value in one Int32Array (three ints a slot),
 * kept at most half full: no key numbers or strings on the JavaScript heap.
 */
export class IntPairTable {
  /** a, b, value + 1 per slot (value + 1 = 0: empty). */
  #slots = new Int32Array(3 * 1024);
  #mask = 1023;
  #count = 0;

  get size(): number {
    return this.#count;
  }

  /** Value of (a, b), or -1. */
  get(a: number, b: number): number {
    const slots = this.#slots;
    let i = hash(a, b) & this.#mask;
    for (;;) {
      const v = slots[i * 3 + 2] as number;
      if (v === 0) return -1;
      if (slots[i * 3] === a && slots[i * 3 + 1] === b) return v - 1;
      i = (i + 1) & this.#mask;
    }
  }

  /** Sets (a, b) to value (value ≥ 0), replacing any value it had. */
  set(a: number, b: number, value: number): void {
    const slots = this.#slots;
    let i = hash(a, b) & this.#mask;
    for (;;) {
      const v = slots[i * 3 + 2] as number;
      if (v === 0) break;
      if (slots[i * 3] === a && slots[i * 3 + 1] === b) {
        slots[i * 3 + 2] = value + 1;
        return;
      }
      i = (i + 1) & this.#mask;
    }
    slots[i * 3] = a;
    slots[i * 3 + 1] = b;
    slots[i * 3 + 2] = value + 1;
    this.#count++;
    if (this.#count * 2 > this.#mask + 1) this.#grow();
  }

  #grow(): void {
    const old = this.#slots;
    const size = (this.#mask + 1) * 2;
    this.#slots = new Int32Array(3 * size);
    this.#mask = size - 1;
    for (let i = 0; i < old.length; i += 3) {
      const v = old[i + 2] as number;
      if (v === 0) continue;
      let j = hash(old[i] as number, old[i + 1] as number) & this.#mask;
      while (this.#slots[j * 3 + 2] !== 0) j = (j + 1) & this.#mask;
      this.#slots[j * 3] = old[i] as number;
      this.#slots[j * 3 + 1] = old[i + 1] as number;
      this.#slots[j * 3 + 2] = v;
    }
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x5bd1e995, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}
