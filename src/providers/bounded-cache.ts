/**
 * A Map that forgets everything when it reaches `maxEntries`. Cheaper than a true LRU and good enough
 * for the classifier: the texts that repeat (most of a day's deferrals) come straight back after a
 * clear, while one-off texts (message ids, recipient addresses) cannot grow memory without bound.
 */
export class BoundedCache<K, V> {
  readonly maxEntries: number;
  #map = new Map<K, V>();
  #clears = 0;

  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    this.maxEntries = maxEntries;
  }

  /** The cached value, or undefined on a miss (store null, never undefined, for "known absent"). */
  get(key: K): V | undefined {
    return this.#map.get(key);
  }

  set(key: K, value: V): void {
    if (this.#map.size >= this.maxEntries) {
      this.#map.clear();
      this.#clears += 1;
    }
    this.#map.set(key, value);
  }

  get size(): number {
    return this.#map.size;
  }

  /** How many times the cache was emptied for being full (a sign of low text repetition). */
  get clears(): number {
    return this.#clears;
  }
}
