/**
 * The dashboard's only state transition: (state, action) → state, pure. Returns the same object when
 * nothing changes, so React skips the render (no flicker from keys that do nothing).
 */
import { selectPairRows } from '../view-models/pair-rows.js';
import { selectRecommendationRows } from '../view-models/recommendation-rows.js';
import { selectWarmupRows } from '../view-models/warmup-rows.js';
import { selectOverlay } from '../view-models/dashboard-view.js';
import { maxScrollOffset } from '../view-models/evidence-view.js';
import { planScreen } from '../view-models/screen-layout.js';
import { cursorAt, resolveCursor } from '../view-models/selection.js';
import type { Cursor } from '../view-models/selection.js';
import { nextSortColumn } from '../view-models/sort-order.js';
import type { DashboardAction } from './dashboard-action.js';
import type { DashboardState, Pane } from './dashboard-state.js';

function paneKeys(state: DashboardState, pane: Pane): string[] {
  return pane === 'pairs'
    ? selectPairRows(state.snapshot, state.filter, state.sort).map((r) => r.key)
    : selectRecommendationRows(state.snapshot, state.filter).map((r) => r.id);
}

function cursorOf(state: DashboardState, pane: Pane): Cursor {
  return pane === 'pairs' ? state.pairCursor : state.recommendationCursor;
}

function withCursor(state: DashboardState, pane: Pane, cursor: Cursor): DashboardState {
  const old = cursorOf(state, pane);
  if (old.key === cursor.key && old.index === cursor.index) return state;
  return pane === 'pairs' ? { ...state, pairCursor: cursor } : { ...state, recommendationCursor: cursor };
}

/**
 * Re-anchor both cursors after the rows changed (new data, filter, sort): follow the key, else clamp.
 * Evidence open on a pane that has no rows left is closed (there is nothing to explain).
 */
function reanchor(state: DashboardState): DashboardState {
  let next = state;
  for (const pane of ['pairs', 'recommendations'] as const) {
    const keys = paneKeys(next, pane);
    next = withCursor(next, pane, cursorAt(keys, resolveCursor(keys, cursorOf(next, pane))));
    if (pane === next.focus && next.overlay === 'evidence' && keys.length === 0) next = { ...next, overlay: 'none', overlayOffset: 0 };
  }
  return next;
}

function pageSize(state: DashboardState): number {
  const plan = planScreen({
    rows: state.size.rows,
    pairs: selectPairRows(state.snapshot, state.filter, state.sort).length,
    recommendations: selectRecommendationRows(state.snapshot, state.filter).length,
    warmups: selectWarmupRows(state.snapshot, state.filter).length,
    hasAlert: (state.snapshot?.alerts.length ?? 0) > 0,
  });
  return Math.max(1, state.focus === 'pairs' ? plan.tableRows : plan.recommendationRows);
}

function move(state: DashboardState, to: (current: number, count: number) => number): DashboardState {
  const keys = paneKeys(state, state.focus);
  if (keys.length === 0) return state;
  const current = resolveCursor(keys, cursorOf(state, state.focus));
  const next = withCursor(state, state.focus, cursorAt(keys, to(current, keys.length)));
  // The evidence follows the selection: start the new row's evidence from its top.
  return next === state || next.overlayOffset === 0 ? next : { ...next, overlayOffset: 0 };
}

function scrollOverlay(state: DashboardState, by: 'line-down' | 'line-up' | 'page-down' | 'page-up'): DashboardState {
  const overlay = selectOverlay(state);
  if (overlay === null) return state;
  const page = Math.max(1, overlay.height - 1);
  const delta = by === 'line-down' ? 1 : by === 'line-up' ? -1 : by === 'page-down' ? page : -page;
  const offset = Math.min(Math.max(0, state.overlayOffset + delta), maxScrollOffset(overlay.lines.length, overlay.height));
  return offset === state.overlayOffset ? state : { ...state, overlayOffset: offset };
}

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'snapshot-received':
      return reanchor({ ...state, snapshot: action.snapshot });
    case 'resize':
      if (action.columns === state.size.columns && action.rows === state.size.rows) return state;
      return { ...state, size: { columns: action.columns, rows: action.rows } };
    case 'select-next':
      return move(state, (i) => i + 1);
    case 'select-prev':
      return move(state, (i) => i - 1);
    case 'select-first':
      return move(state, () => 0);
    case 'select-last':
      return move(state, (_, n) => n - 1);
    case 'page-down':
      return move(state, (i) => i + pageSize(state));
    case 'page-up':
      return move(state, (i) => i - pageSize(state));
    case 'focus-pane': {
      const pane = action.pane === 'other' ? (state.focus === 'pairs' ? 'recommendations' : 'pairs') : action.pane;
      return pane === state.focus ? state : { ...state, focus: pane };
    }
    case 'open-evidence':
      return state.overlay === 'evidence' || paneKeys(state, state.focus).length === 0 ? state : { ...state, overlay: 'evidence', overlayOffset: 0 };
    case 'close-evidence':
      return state.overlay === 'evidence' ? { ...state, overlay: 'none', overlayOffset: 0 } : state;
    case 'toggle-help':
      return { ...state, overlay: state.overlay === 'help' ? 'none' : 'help', overlayOffset: 0 };
    case 'scroll-overlay':
      return scrollOverlay(state, action.by);
    case 'start-filter':
      return state.filterEditing ? state : { ...state, filterEditing: true, overlay: 'none', overlayOffset: 0 };
    case 'filter-append':
      return action.text === '' ? state : reanchor({ ...state, filter: state.filter + action.text });
    case 'filter-backspace':
      return state.filter === '' ? state : reanchor({ ...state, filter: [...state.filter].slice(0, -1).join('') });
    case 'set-filter':
      return action.text === state.filter ? state : reanchor({ ...state, filter: action.text });
    case 'finish-filter':
      return state.filterEditing ? { ...state, filterEditing: false } : state;
    case 'clear-filter':
      return state.filter === '' && !state.filterEditing ? state : reanchor({ ...state, filter: '', filterEditing: false });
    case 'cycle-sort':
      return reanchor({ ...state, sort: { column: nextSortColumn(state.sort.column), reversed: false } });
    case 'reverse-sort':
      return reanchor({ ...state, sort: { ...state.sort, reversed: !state.sort.reversed } });
    case 'diff-write-started':
      return { ...state, diff: { state: 'writing' } };
    case 'diff-write-succeeded':
      return { ...state, diff: { state: 'written', path: action.path } };
    case 'diff-write-failed':
      return { ...state, diff: { state: 'failed', message: action.message } };
    case 'diff-write-skipped':
      return { ...state, diff: { state: 'skipped', reason: action.reason } };
    default: {
      const never: never = action;
      return never;
    }
  }
}
