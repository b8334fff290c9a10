/** Everything the dashboard remembers between frames: the newest snapshot plus what the user did. */
import type { DashboardSnapshot } from '../dashboard-snapshot.js';
import { NO_CURSOR } from '../view-models/selection.js';
import type { Cursor } from '../view-models/selection.js';
import { DEFAULT_SORT } from '../view-models/sort-order.js';
import type { SortOrder } from '../view-models/sort-order.js';

export type Pane = 'pairs' | 'recommendations';

/** What covers the main screen: nothing, the key list, or the evidence for the selected row. */
export type Overlay = 'none' | 'help' | 'evidence';

export type DiffStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'writing' }
  | { readonly state: 'written'; readonly path: string }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'skipped'; readonly reason: string };

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

export interface DashboardState {
  readonly snapshot: DashboardSnapshot | null;
  readonly size: TerminalSize;
  readonly focus: Pane;
  readonly pairCursor: Cursor;
  readonly recommendationCursor: Cursor;
  readonly filter: string;
  readonly filterEditing: boolean;
  readonly sort: SortOrder;
  readonly overlay: Overlay;
  /** First line shown of the help or evidence when it is taller than the screen. */
  readonly overlayOffset: number;
  readonly diff: DiffStatus;
}

export const DEFAULT_SIZE: TerminalSize = { columns: 80, rows: 24 };

export function initialDashboardState(size: TerminalSize = DEFAULT_SIZE, snapshot: DashboardSnapshot | null = null): DashboardState {
  return {
    snapshot,
    size,
    focus: 'pairs',
    pairCursor: NO_CURSOR,
    recommendationCursor: NO_CURSOR,
    filter: '',
    filterEditing: false,
    sort: DEFAULT_SORT,
    overlay: 'none',
    overlayOffset: 0,
    diff: { state: 'idle' },
  };
}
