/**
 * Selector: pair rows + terminal width + selection → the pair table as text cells, with the columns
 * that fit (see table-layout.ts) and the window of rows that fits the height around the selection.
 */
import { codePointLength } from '../format/clean-text.js';
import type { PairRow } from './pair-rows.js';
import { COLUMNS } from './table-columns.js';
import type { ColumnId } from './table-columns.js';
import { layoutColumns, measureColumns, pickText } from './table-layout.js';
import { visibleWindow } from './selection.js';
import type { Tone } from './tone.js';

export interface TableColumnView {
  readonly id: ColumnId;
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'right';
}

export interface TableCellView {
  readonly text: string;
  readonly tone: Tone;
}

export interface TableRowView {
  readonly key: string;
  readonly selected: boolean;
  readonly cells: readonly TableCellView[];
}

export interface TableView {
  readonly columns: readonly TableColumnView[];
  readonly rows: readonly TableRowView[];
  /** Rows above and below the visible window. */
  readonly above: number;
  readonly below: number;
  readonly total: number;
  /** What the table says when it has no rows. */
  readonly emptyText: string;
}

export interface TableViewOptions {
  readonly width: number;
  readonly height: number;
  /** Index of the selected row, -1 for none. */
  readonly selected: number;
  /** Whether the table has the focus (only then the selection is marked). */
  readonly focused: boolean;
  readonly now: number;
  /** @default 'no provider × IP pairs yet' */
  readonly emptyText?: string;
}

export function buildTableView(rows: readonly PairRow[], o: TableViewOptions): TableView {
  const layout = layoutColumns(measureColumns(rows, o.now), o.width);
  const columns = layout.map(({ id, width }) => {
    const def = COLUMNS[id];
    return { id, width, align: def.align, header: def.headers.find((h) => codePointLength(h) <= width) ?? def.headers[def.headers.length - 1] ?? '' };
  });
  const window = visibleWindow(rows.length, o.selected, o.height);
  const visible = rows.slice(window.start, window.end).map((row, i) => ({
    key: row.key,
    selected: o.focused && window.start + i === o.selected,
    cells: layout.map(({ id, width }) => {
      const content = COLUMNS[id].cell(row, o.now);
      return { text: pickText(content.texts, width), tone: content.tone };
    }),
  }));
  return { columns, rows: visible, above: window.start, below: rows.length - window.end, total: rows.length, emptyText: o.emptyText ?? 'no provider × IP pairs yet' };
}
