import { describe, expect, it } from 'vitest';
import { selectPairRows } from '../../../src/ui/view-models/pair-rows.js';
import { DEFAULT_SORT } from '../../../src/ui/view-models/sort-order.js';
import { COLUMN_GAP, SELECTION_GUTTER } from '../../../src/ui/view-models/table-layout.js';
import { buildTableView } from '../../../src/ui/view-models/table-view.js';
import { buildSnapshot } from '../helpers/snapshot-fixture.js';

const snapshot = buildSnapshot();
const rows = selectPairRows(snapshot, '', DEFAULT_SORT);
const viewAt = (width: number) => buildTableView(rows, { width, height: 10, selected: 0, focused: true, now: snapshot.now });
const ids = (width: number) => viewAt(width).columns.map((c) => c.id);
const cellsOf = (width: number, isp: string) => {
  const v = viewAt(width);
  const i = rows.findIndex((r) => r.isp === isp);
  return Object.fromEntries(v.columns.map((c, j) => [c.id, v.rows[i]?.cells[j]?.text]));
};

describe('pair table layout', () => {
  it('keeps who, status, acceptance, volume, limit and binding on an 80-column terminal', () => {
    expect(ids(80)).toEqual(['provider', 'ip', 'attempts', 'accept', 'acceptSpark', 'limit', 'binding', 'status']);
    const yahoo = cellsOf(80, 'yahoo');
    expect(yahoo['limit']).toBe('410 (380–445)');
    expect(yahoo['accept']).toBe('61.0%');
    expect(yahoo['status']).toBe('THROTTLED');
    expect(cellsOf(80, 'orange')['status']).toBe('insuff. data');
  });

  it('adds acc/h, the throttled share and the episode duration at 100 columns', () => {
    expect(ids(100)).toEqual(['provider', 'ip', 'attempts', 'delivered', 'accept', 'acceptSpark', 'throttled', 'limit', 'binding', 'status']);
    expect(cellsOf(100, 'yahoo')['status']).toBe('THROTTLED 22m');
    expect(cellsOf(100, 'yahoo')['throttled']).toBe('38.9%');
  });

  it('shows every column, the acceptance interval and 12-hour sparklines at 160 columns', () => {
    expect(ids(160)).toEqual(['provider', 'ip', 'vmta', 'attempts', 'delivered', 'accept', 'acceptSpark', 'volumeSpark', 'throttled', 'limit', 'binding', 'status']);
    const yahoo = cellsOf(160, 'yahoo');
    expect(yahoo['accept']).toBe('61.0% [59–63]');
    expect([...(yahoo['acceptSpark'] ?? '')]).toHaveLength(12);
    expect(yahoo['acceptSpark']).toBe('█████████▅▄▄');
    expect(cellsOf(160, 'google')['limit']).toBe('≥5,200 (cens.)');
    expect(cellsOf(160, 'comcast')['limit']).toBe('–');
    expect(cellsOf(160, 'orange')['status']).toBe('insufficient data');
    expect(cellsOf(160, 'gmx')['binding']).toBe('per-connection');
  });

  it('never lays out wider than the terminal, at any width', () => {
    for (let width = 40; width <= 200; width += 1) {
      const v = viewAt(width);
      const used = SELECTION_GUTTER + v.columns.reduce((s, c) => s + c.width, 0) + (v.columns.length - 1) * COLUMN_GAP;
      expect(used, `width ${width}`).toBeLessThanOrEqual(width);
      for (const row of v.rows) row.cells.forEach((cell, j) => expect([...cell.text].length).toBeLessThanOrEqual((v.columns[j]?.width ?? 0) + 20));
    }
  });

  it('only drops columns as the terminal narrows (a wider terminal never shows fewer)', () => {
    let previous = ids(40).length;
    for (let width = 41; width <= 200; width += 1) {
      const n = ids(width).length;
      expect(n, `width ${width}`).toBeGreaterThanOrEqual(previous);
      previous = n;
    }
  });

  it('shows a window of rows around the selection and counts the rest', () => {
    const v = buildTableView(rows, { width: 100, height: 3, selected: 5, focused: true, now: snapshot.now });
    expect(v.rows.map((r) => r.selected)).toEqual([false, false, true]);
    expect(v.above).toBe(3);
    expect(v.below).toBe(0);
  });
});
