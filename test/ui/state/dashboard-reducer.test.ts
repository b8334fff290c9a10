import { describe, expect, it } from 'vitest';
import { dashboardReducer } from '../../../src/ui/state/dashboard-reducer.js';
import type { DashboardAction } from '../../../src/ui/state/dashboard-action.js';
import { initialDashboardState } from '../../../src/ui/state/dashboard-state.js';
import type { DashboardState } from '../../../src/ui/state/dashboard-state.js';
import { selectPairRows } from '../../../src/ui/view-models/pair-rows.js';
import { resolveCursor } from '../../../src/ui/view-models/selection.js';
import { buildSnapshot, manyPairs, PAIRS } from '../helpers/snapshot-fixture.js';

const run = (state: DashboardState, ...actions: DashboardAction[]) => actions.reduce(dashboardReducer, state);
const start = () => run(initialDashboardState({ columns: 100, rows: 30 }), { type: 'snapshot-received', snapshot: buildSnapshot() });
const selectedPair = (s: DashboardState) => {
  const rows = selectPairRows(s.snapshot, s.filter, s.sort);
  return rows[resolveCursor(rows.map((r) => r.key), s.pairCursor)]?.isp;
};
const next: DashboardAction = { type: 'select-next' };
const prev: DashboardAction = { type: 'select-prev' };

describe('dashboardReducer', () => {
  it('starts on the first row and moves within the rows, clamped at both ends', () => {
    const s = start();
    expect(selectedPair(s)).toBe('yahoo');
    expect(selectedPair(run(s, next, next))).toBe('microsoft');
    expect(selectedPair(run(s, prev))).toBe('yahoo');
    expect(selectedPair(run(s, ...Array<DashboardAction>(20).fill(next)))).toBe('orange');
    expect(selectedPair(run(s, { type: 'select-last' }, { type: 'select-first' }))).toBe('yahoo');
  });

  it('returns the same state for a key that changes nothing, so nothing re-renders', () => {
    const s = start();
    expect(dashboardReducer(s, prev)).toBe(s);
    expect(dashboardReducer(s, { type: 'close-evidence' })).toBe(s);
    expect(dashboardReducer(s, { type: 'resize', columns: 100, rows: 30 })).toBe(s);
    expect(dashboardReducer(s, { type: 'clear-filter' })).toBe(s);
  });

  it('follows the selected pair when a new snapshot re-orders the rows', () => {
    const s = run(start(), next, next); // microsoft
    const recovered = PAIRS.map((p) => (p.isp === 'yahoo' ? { ...p, status: 'ok' as const } : p));
    const after = run(s, { type: 'snapshot-received', snapshot: buildSnapshot({ pairs: recovered }) });
    expect(selectedPair(after)).toBe('microsoft');
  });

  it('clamps the selection when rows disappear', () => {
    const s = run(start(), { type: 'select-last' });
    expect(selectedPair(s)).toBe('orange');
    const shrunk = run(s, { type: 'snapshot-received', snapshot: buildSnapshot({ pairs: PAIRS.slice(0, 2) }) });
    expect(selectedPair(shrunk)).toBe('google');
    expect(shrunk.pairCursor.index).toBe(1);
    const empty = run(shrunk, { type: 'snapshot-received', snapshot: buildSnapshot({ pairs: [] }) });
    expect(selectedPair(empty)).toBeUndefined();
    const back = run(empty, { type: 'snapshot-received', snapshot: buildSnapshot() });
    expect(selectedPair(back)).toBe('yahoo');
  });

  it('keeps the selection on the same pair through filtering, and clamps when it is filtered out', () => {
    const s = run(start(), next); // google
    const typed = run(s, { type: 'start-filter' }, ...[...'203.0.113.31'].map((c): DashboardAction => ({ type: 'filter-append', text: c })));
    expect(typed.filter).toBe('203.0.113.31');
    expect(selectedPair(typed)).toBe('google');
    const other = run(s, { type: 'set-filter', text: 'yahoo' });
    expect(selectedPair(other)).toBe('yahoo');
    expect(run(typed, { type: 'filter-backspace' }).filter).toBe('203.0.113.3');
    const cleared = run(typed, { type: 'clear-filter' });
    expect(cleared.filter).toBe('');
    expect(cleared.filterEditing).toBe(false);
    expect(selectedPair(cleared)).toBe('google');
  });

  it('cycles the sort column from the default, resets direction, and reverses', () => {
    const s = start();
    expect(s.sort).toEqual({ column: 'status', reversed: false });
    const byProvider = run(s, { type: 'cycle-sort' });
    expect(byProvider.sort).toEqual({ column: 'provider', reversed: false });
    expect(selectedPair(byProvider)).toBe('yahoo'); // the selection stays on yahoo, now last
    expect(byProvider.pairCursor.index).toBe(5);
    const reversed = run(byProvider, { type: 'reverse-sort' });
    expect(reversed.sort.reversed).toBe(true);
    expect(run(reversed, { type: 'cycle-sort' }).sort).toEqual({ column: 'ip', reversed: false });
  });

  it('moves the selection in the focused pane only', () => {
    const s = run(start(), { type: 'focus-pane', pane: 'other' }, next);
    expect(s.focus).toBe('recommendations');
    expect(s.recommendationCursor.key).toBe('conn:comcast.net');
    expect(selectedPair(s)).toBe('yahoo');
  });

  it('opens evidence only when there is a row to explain, and the help overlay toggles', () => {
    const s = start();
    expect(run(s, { type: 'open-evidence' }).overlay).toBe('evidence');
    const empty = run(s, { type: 'set-filter', text: 'no-such-provider' });
    expect(dashboardReducer(empty, { type: 'open-evidence' })).toBe(empty);
    expect(run(s, { type: 'toggle-help' }).overlay).toBe('help');
    expect(run(s, { type: 'toggle-help' }, { type: 'toggle-help' }).overlay).toBe('none');
  });

  it('closes the evidence when the rows it explained are gone', () => {
    const open = run(start(), { type: 'open-evidence' });
    expect(run(open, { type: 'snapshot-received', snapshot: buildSnapshot({ pairs: PAIRS.slice(1, 3) }) }).overlay).toBe('evidence');
    expect(run(open, { type: 'snapshot-received', snapshot: buildSnapshot({ pairs: [] }) }).overlay).toBe('none');
  });

  it('scrolls a tall overlay within its bounds and resets the scroll when the selection moves', () => {
    const small = run(initialDashboardState({ columns: 80, rows: 12 }), { type: 'snapshot-received', snapshot: buildSnapshot() }, { type: 'toggle-help' });
    const down = run(small, ...Array<DashboardAction>(200).fill({ type: 'scroll-overlay', by: 'line-down' }));
    expect(down.overlayOffset).toBeGreaterThan(0);
    expect(dashboardReducer(down, { type: 'scroll-overlay', by: 'line-down' })).toBe(down);
    expect(run(down, { type: 'scroll-overlay', by: 'page-up' }, { type: 'scroll-overlay', by: 'page-up' }, { type: 'scroll-overlay', by: 'page-up' }, { type: 'scroll-overlay', by: 'page-up' }, { type: 'scroll-overlay', by: 'page-up' }, { type: 'scroll-overlay', by: 'page-up' }).overlayOffset).toBe(0);
    const evidence = run(small, { type: 'toggle-help' }, { type: 'open-evidence' }, { type: 'scroll-overlay', by: 'page-down' });
    expect(evidence.overlayOffset).toBeGreaterThan(0);
    expect(run(evidence, next).overlayOffset).toBe(0);
  });

  it('pages by the number of table rows that fit', () => {
    const s = run(initialDashboardState({ columns: 100, rows: 20 }), { type: 'snapshot-received', snapshot: buildSnapshot({ pairs: manyPairs(60), hourly: {}, alerts: [], warmupProgress: [] }) });
    const paged = run(s, { type: 'page-down' });
    expect(paged.pairCursor.index).toBeGreaterThan(5);
    expect(paged.pairCursor.index).toBeLessThan(20);
    expect(run(paged, { type: 'page-up' }).pairCursor.index).toBe(0);
  });

  it('records the diff being written, where it went, or why it failed', () => {
    const s = start();
    expect(run(s, { type: 'diff-write-started' }).diff).toEqual({ state: 'writing' });
    expect(run(s, { type: 'diff-write-started' }, { type: 'diff-write-succeeded', path: '/etc/pmta/tune.diff' }).diff).toEqual({ state: 'written', path: '/etc/pmta/tune.diff' });
    expect(run(s, { type: 'diff-write-failed', message: 'EACCES' }).diff).toEqual({ state: 'failed', message: 'EACCES' });
  });
});
