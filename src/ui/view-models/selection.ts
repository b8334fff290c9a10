/**
 * Selection that survives refreshes: the cursor remembers the selected row's key and its index. When
 * rows are re-sorted the key is followed; when the row is gone (filtered out, aged out) the index is
 * clamped to the rows that remain.
 */
export interface Cursor {
  readonly key: string | null;
  readonly index: number;
}

export const NO_CURSOR: Cursor = { key: null, index: 0 };

/** Index of the selected row in `keys`, or -1 when there are no rows. */
export function resolveCursor(keys: readonly string[], cursor: Cursor): number {
  if (keys.length === 0) return -1;
  if (cursor.key !== null) {
    const at = keys.indexOf(cursor.key);
    if (at >= 0) return at;
  }
  return Math.min(Math.max(0, cursor.index), keys.length - 1);
}

/** The cursor on row `index` (clamped). */
export function cursorAt(keys: readonly string[], index: number): Cursor {
  if (keys.length === 0) return NO_CURSOR;
  const i = Math.min(Math.max(0, index), keys.length - 1);
  return { key: keys[i] ?? null, index: i };
}

export interface RowWindow {
  readonly start: number;
  readonly end: number;
}

/** Which `height` rows of `total` to show so that `selected` is visible, keeping it near the middle. */
export function visibleWindow(total: number, selected: number, height: number): RowWindow {
  const h = Math.max(0, Math.floor(height));
  if (total <= h) return { start: 0, end: total };
  const target = Math.max(0, selected) - Math.floor(h / 2);
  const start = Math.min(Math.max(0, target), total - h);
  return { start, end: start + h };
}
