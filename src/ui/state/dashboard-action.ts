/** Everything that can change the dashboard's state: keys (through key-bindings.ts), data and the terminal. */
import type { DashboardSnapshot } from '../dashboard-snapshot.js';
import type { Pane } from './dashboard-state.js';

export type DashboardAction =
  | { readonly type: 'snapshot-received'; readonly snapshot: DashboardSnapshot }
  | { readonly type: 'resize'; readonly columns: number; readonly rows: number }
  | { readonly type: 'select-next' }
  | { readonly type: 'select-prev' }
  | { readonly type: 'select-first' }
  | { readonly type: 'select-last' }
  | { readonly type: 'page-down' }
  | { readonly type: 'page-up' }
  | { readonly type: 'focus-pane'; readonly pane: Pane | 'other' }
  | { readonly type: 'open-evidence' }
  | { readonly type: 'close-evidence' }
  | { readonly type: 'toggle-help' }
  | { readonly type: 'scroll-overlay'; readonly by: 'line-down' | 'line-up' | 'page-down' | 'page-up' }
  | { readonly type: 'start-filter' }
  | { readonly type: 'filter-append'; readonly text: string }
  | { readonly type: 'filter-backspace' }
  | { readonly type: 'set-filter'; readonly text: string }
  | { readonly type: 'finish-filter' }
  | { readonly type: 'clear-filter' }
  | { readonly type: 'cycle-sort' }
  | { readonly type: 'reverse-sort' }
  | { readonly type: 'diff-write-started' }
  | { readonly type: 'diff-write-succeeded'; readonly path: string }
  | { readonly type: 'diff-write-failed'; readonly message: string }
  | { readonly type: 'diff-write-skipped'; readonly reason: string };
