/** An array-backed FIFO queue with O(1) amortised push and shift. */
export interface Fifo<T> {
  push(item: T): void;
  shift(): T | undefined;
  peek(): T | undefined;
  readonly length: number;
}

export function createFifo<T>(): Fifo<T> {
  let items: T[] = [];
  let head = 0;
  return {
    get length() {
      return items.length - head;
    },
    push(item) {
      items.push(item);
    },
    peek: () => items[head],
    shift() {
      if (head >= items.length) return undefined;
      const item = items[head];
      head += 1;
      if (head > 1024 && head * 2 > items.length) {
        items = items.slice(head);
        head = 0;
      }
      return item;
    },
  };
}
