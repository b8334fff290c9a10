/**
 * Which pair-table columns fit a terminal width, and how wide each is. Columns never wrap: the layout
 * walks LAYOUT_STEPS in order, adding a column at its narrowest (`min`) or growing it to its natural
 * width (`full`), and stops at the first step that does not fit, so a wider terminal always shows at
 * least what a narrower one shows. The order encodes what matters most on a narrow screen: who, status,
 * acceptance, volume, the estimated limit and the binding knob first; the interval, vmta and volume
 * sparkline only when there is room.
 */
import { codePointLength } from '../format/clean-text.js';
import type { PairRow } from './pair-rows.js';
import { COLUMN_IDS, COLUMNS } from './table-columns.js';
import type { CellContent, ColumnId } from './table-columns.js';

/** `▶ ` in front of each row. */
export const SELECTION_GUTTER = 2;
/** Space between columns. */
export const COLUMN_GAP = 1;

interface LayoutStep {
  readonly column: ColumnId;
  readonly size: 'min' | 'full';
}

export const LAYOUT_STEPS: readonly LayoutStep[] = [
  { column: 'provider', size: 'min' },
  { column: 'ip', size: 'min' },
  { column: 'status', size: 'min' },
  { column: 'accept', size: 'min' },
  { column: 'attempts', size: 'min' },
  { column: 'limit', size: 'min' },
  { column: 'binding', size: 'min' },
  { column: 'limit', size: 'full' },
  { column: 'acceptSpark', size: 'min' },
  { column: 'delivered', size: 'min' },
  { column: 'status', size: 'full' },
  { column: 'throttled', size: 'min' },
  { column: 'vmta', size: 'min' },
  { column: 'accept', size: 'full' },
  { column: 'volumeSpark', size: 'min' },
  { column: 'binding', size: 'full' },
  { column: 'throttled', size: 'full' },
  { column: 'acceptSpark', size: 'full' },
  { column: 'volumeSpark', size: 'full' },
  { column: 'provider', size: 'full' },
  { column: 'ip', size: 'full' },
  { column: 'vmta', size: 'full' },
];

export interface ColumnWidths {
  readonly min: number;
  readonly full: number;
}

export interface ColumnLayout {
  readonly id: ColumnId;
  readonly width: number;
}

const last = (texts: readonly string[]): string => texts[texts.length - 1] ?? '';

/** Natural and narrowest width of one column over all rows (not only the visible ones, so widths hold still while scrolling). */
export function measureColumn(id: ColumnId, cells: readonly CellContent[]): ColumnWidths {
  const def = COLUMNS[id];
  const fullContent = Math.max(codePointLength(def.headers[0] ?? ''), ...cells.map((c) => codePointLength(c.texts[0] ?? '')));
  const full = Math.min(def.maxWidth, fullContent);
  const shortest = Math.max(codePointLength(last(def.headers)), ...cells.map((c) => codePointLength(last(c.texts))));
  const min = Math.min(full, def.squeezeTo === undefined ? shortest : Math.min(shortest, Math.max(def.squeezeTo, codePointLength(last(def.headers)))));
  return { min, full: Math.max(full, min) };
}

const measured = new WeakMap<readonly PairRow[], { readonly now: number; readonly widths: Record<ColumnId, ColumnWidths> }>();

export function measureColumns(rows: readonly PairRow[], now: number): Record<ColumnId, ColumnWidths> {
  const cached = measured.get(rows);
  if (cached !== undefined && cached.now === now) return cached.widths;
  const widths = {} as Record<ColumnId, ColumnWidths>;
  for (const id of COLUMN_IDS) {
    widths[id] = measureColumn(
      id,
      rows.map((r) => COLUMNS[id].cell(r, now)),
    );
  }
  measured.set(rows, { now, widths });
  return widths;
}

/** Columns that fit `totalWidth`, in display order. */
export function layoutColumns(widths: Readonly<Record<ColumnId, ColumnWidths>>, totalWidth: number): ColumnLayout[] {
  const chosen = new Map<ColumnId, number>();
  const used = (): number => SELECTION_GUTTER + [...chosen.values()].reduce((s, w) => s + w, 0) + Math.max(0, chosen.size - 1) * COLUMN_GAP;
  for (const step of LAYOUT_STEPS) {
    const w = widths[step.column];
    const current = chosen.get(step.column);
    const target = step.size === 'min' ? w.min : w.full;
    if (current !== undefined && current >= target) continue;
    const extra = current === undefined ? target + (chosen.size > 0 ? COLUMN_GAP : 0) : target - current;
    if (used() + extra > totalWidth) break;
    chosen.set(step.column, target);
  }
  return COLUMN_IDS.filter((id) => chosen.has(id)).map((id) => ({ id, width: chosen.get(id) ?? 0 }));
}

/** The longest alternative that fits the width, else the shortest (Ink then cuts it with `…`). */
export function pickText(texts: readonly string[], width: number): string {
  return texts.find((t) => codePointLength(t) <= width) ?? last(texts);
}
