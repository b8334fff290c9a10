import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventHeap } from '../../src/sim/engine/event-heap.js';

describe('event heap', () => {
  it('pops in time order, ties in insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const heap = createEventHeap<number>();
        times.forEach((t, i) => heap.push(t, i));
        const out: [number, number][] = [];
        while (heap.size > 0) {
          const t = heap.peekTime();
          out.push([t, heap.pop() as number]);
        }
        const expected = times.map((t, i): [number, number] => [t, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
      }),
    );
  });
});
