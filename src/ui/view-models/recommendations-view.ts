/**
 * Selector: the recommendations pane as lines, `▶ vmta-14 / $yahoo  max-msg-rate  unlimited → 350/h  0.91`,
 * the confidence always visible (the scope and the change are cut first on a narrow screen).
 */
import { codePointLength } from '../format/clean-text.js';
import { fitText, ruleTitle } from '../format/fit-text.js';
import { line } from './line-view.js';
import type { LineView } from './line-view.js';
import type { RecommendationRow } from './recommendation-rows.js';
import { visibleWindow } from './selection.js';
import { SELECTION_GUTTER } from './table-layout.js';

export interface RecommendationsView {
  readonly title: LineView;
  readonly lines: readonly LineView[];
}

/** What the selected line can do, longest form that fits. */
const HINTS = ['   [enter] evidence  [d] write diff', '  [enter] evidence  [d] diff', '  [enter] evidence'];

export interface RecommendationsViewOptions {
  readonly width: number;
  readonly height: number;
  readonly selected: number;
  readonly focused: boolean;
}

export function buildRecommendationsView(rows: readonly RecommendationRow[], o: RecommendationsViewOptions): RecommendationsView {
  const window = visibleWindow(rows.length, o.selected, o.height);
  const shown = rows.length > window.end - window.start ? `, ${window.start + 1}–${window.end} shown` : '';
  const title = line(ruleTitle(`recommendations (${rows.length}${shown})${o.focused ? ' · Tab: back to pairs' : ''}`, o.width), o.focused ? 'accent' : 'muted', {
    bold: o.focused,
  });
  if (rows.length === 0) return { title, lines: o.height > 0 ? [line('  none yet: every pair looks fine or there is not enough evidence', 'muted')] : [] };
  const widest = (pick: (r: RecommendationRow) => string, max: number): number => Math.min(max, Math.max(...rows.map((r) => codePointLength(pick(r)))));
  const confidence = 4;
  const gaps = 2 + 1 + 2;
  let directive = widest((r) => r.directive, 24);
  let change = widest((r) => r.change, 30);
  let scope = widest((r) => r.scope, 30);
  const room = o.width - SELECTION_GUTTER - confidence - gaps;
  // Shrink the least telling parts first: the scope down to 12, then the change, then the directive.
  const over = (): number => scope + directive + change - room;
  if (over() > 0) scope = Math.max(12, scope - over());
  if (over() > 0) change = Math.max(12, change - over());
  if (over() > 0) directive = Math.max(8, directive - over());
  if (over() > 0) scope = Math.max(4, scope - over());
  const lines = rows.slice(window.start, window.end).map((r, i) => {
    const selected = o.focused && window.start + i === o.selected;
    const text = `${fitText(r.scope, scope)}  ${fitText(r.directive, directive)} ${fitText(r.change, change)}  ${fitText(r.confidence, confidence, 'right')}`;
    const hint = selected ? (HINTS.find((h) => codePointLength(text) + SELECTION_GUTTER + codePointLength(h) <= o.width) ?? '') : '';
    return line(text + hint, 'plain', { selected });
  });
  return { title, lines };
}
