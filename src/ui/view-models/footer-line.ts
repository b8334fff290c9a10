/**
 * Selector: the bottom line. While typing a filter it is the input; after `d` it says where the diff
 * went (or why not); otherwise sort, filter and the most useful keys.
 */
import { cleanText } from '../format/clean-text.js';
import type { DashboardState } from '../state/dashboard-state.js';
import { line } from './line-view.js';
import type { LineView } from './line-view.js';
import { SORT_LABELS } from './sort-order.js';

export interface FooterCounts {
  /** Pairs that pass the filter. */
  readonly shownPairs: number;
  readonly totalPairs: number;
  /** The rows of the table on screen (1-based, inclusive) when they are not all of them. */
  readonly window?: { readonly first: number; readonly last: number };
}

function diffMessage(state: DashboardState): LineView | null {
  const { diff } = state;
  switch (diff.state) {
    case 'idle':
      return null;
    case 'writing':
      return line('writing the config diff…', 'muted');
    case 'written':
      return line(`diff written to ${cleanText(diff.path, { maxLength: 200, maxToken: 200 })}`, 'ok');
    case 'failed':
      return line(`could not write the diff: ${cleanText(diff.message, { maxLength: 200 })}`, 'danger');
    case 'skipped':
      return line(cleanText(diff.reason, { maxLength: 200 }), 'warn');
    default: {
      const never: never = diff;
      return never;
    }
  }
}

export function selectFooter(state: DashboardState, counts: FooterCounts): LineView {
  if (state.filterEditing) {
    return line(`filter: ${state.filter}▏  ${counts.shownPairs} of ${counts.totalPairs} pairs · Enter keep · Esc clear`, 'accent');
  }
  const sort = `sort: ${SORT_LABELS[state.sort.column]}${state.sort.reversed ? ' (reversed)' : ''}`;
  const onScreen = counts.window === undefined ? '' : ` (${counts.window.first}–${counts.window.last} shown)`;
  const filter = state.filter === '' ? `${counts.totalPairs} pairs${onScreen}` : `filter "${state.filter}": ${counts.shownPairs} of ${counts.totalPairs} pairs${onScreen}`;
  const summary = `${sort} · ${filter}`;
  const message = diffMessage(state);
  if (message !== null) return line(`${message.text} · ${summary}`, message.tone);
  return line(`${summary} · Tab pane · Enter evidence · / filter · s sort · d diff · q quit`, 'muted');
}
