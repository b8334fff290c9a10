/**
 * A binary min-heap of simulation events ordered by time, then by insertion order, so that events at
 * the same instant run in a deterministic order.
 */
export interface SimEvent<T> {
  readonly time: number;
  readonly seq: number;
  readonly payload: T;
}

export interface EventHeap<T> {
  push(time: number, payload: T): void;
  pop(): SimEvent<T> | undefined;
  peekTime(): number;
  readonly size: number;
}

export function createEventHeap<T>(): EventHeap<T> {
  const items: SimEvent<T>[] = [];
  let seq = 0;
  const less = (a: SimEvent<T>, b: SimEvent<T>): boolean => a.time < b.time || (a.time === b.time && a.seq < b.seq);
  return {
    get size() {
      return items.length;
    },
    peekTime: () => items[0]?.time ?? Number.POSITIVE_INFINITY,
    push(time, payload) {
      const ev: SimEvent<T> = { time, seq: seq++, payload };
      let i = items.length;
      items.push(ev);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const p = items[parent] as SimEvent<T>;
        if (!less(ev, p)) break;
        items[i] = p;
        i = parent;
      }
      items[i] = ev;
    },
    pop() {
      const top = items[0];
      const last = items.pop();
      if (top === undefined || last === undefined || items.length === 0) return top;
      let i = 0;
      const n = items.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && less(items[r] as SimEvent<T>, items[l] as SimEvent<T>) ? r : l;
        const child = items[c] as SimEvent<T>;
        if (!less(child, last)) break;
        items[i] = child;
        i = c;
      }
      items[i] = last;
      return top;
    },
  };
}
