/**
 * A binary min-heap of simulation events ordered by time, then by insertion order, so that events at
 * the same instant run in a deterministic order. Parallel arrays: no allocation per event.
 */
export interface EventHeap<T> {
  push(time: number, payload: T): void;
  /** Removes and returns the earliest event's payload (read its time with peekTime first). */
  pop(): T | undefined;
  peekTime(): number;
  readonly size: number;
}

export function createEventHeap<T>(): EventHeap<T> {
  const times: number[] = [];
  const seqs: number[] = [];
  const payloads: T[] = [];
  let seq = 0;
  const less = (i: number, time: number, s: number): boolean => {
    const ti = times[i] as number;
    return ti < time || (ti === time && (seqs[i] as number) < s);
  };
  const move = (from: number, to: number): void => {
    times[to] = times[from] as number;
    seqs[to] = seqs[from] as number;
    payloads[to] = payloads[from] as T;
  };
  return {
    get size() {
      return times.length;
    },
    peekTime: () => (times.length === 0 ? Number.POSITIVE_INFINITY : (times[0] as number)),
    push(time, payload) {
      const s = seq++;
      let i = times.length;
      times.push(time);
      seqs.push(s);
      payloads.push(payload);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (less(parent, time, s)) break;
        move(parent, i);
        i = parent;
      }
      times[i] = time;
      seqs[i] = s;
      payloads[i] = payload;
    },
    pop() {
      const n = times.length;
      if (n === 0) return undefined;
      const top = payloads[0];
      const lastTime = times.pop() as number;
      const lastSeq = seqs.pop() as number;
      const lastPayload = payloads.pop() as T;
      const size = n - 1;
      if (size === 0) return top;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && less(r, times[l] as number, seqs[l] as number) ? r : l;
        if (!less(c, lastTime, lastSeq)) break;
        move(c, i);
        i = c;
      }
      times[i] = lastTime;
      seqs[i] = lastSeq;
      payloads[i] = lastPayload;
      return top;
    },
  };
}
