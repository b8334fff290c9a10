/**
 * The whole screen as plain values: state (+ time zone) → what every component draws. Components only
 * render this; everything here is a pure function and tested as one.
 */
import type { DashboardState } from '../state/dashboard-state.js';
import { selectAlertLine } from './alert-line.js';
import { pairEvidence, recommendationEvidence, scrollLines } from './evidence-view.js';
import type { EvidenceView } from './evidence-view.js';
import { selectFooter } from './footer-line.js';
import { selectHeader } from './header-line.js';
import type { HeaderView } from './header-line.js';
import { selectHelpLines } from './help-lines.js';
import { line } from './line-view.js';
import type { LineView } from './line-view.js';
import { selectPairRows } from './pair-rows.js';
import { selectRecommendationRows } from './recommendation-rows.js';
import { buildRecommendationsView } from './recommendations-view.js';
import type { RecommendationsView } from './recommendations-view.js';
import { bodyHeight, planScreen } from './screen-layout.js';
import { resolveCursor } from './selection.js';
import { buildTableView } from './table-view.js';
import type { TableView } from './table-view.js';
import { buildWarmupView } from './warmup-view.js';
import type { WarmupView } from './warmup-view.js';
import { selectWarmupRows } from './warmup-rows.js';

export type DashboardBody =
  | { readonly kind: 'starting'; readonly line: LineView }
  | {
      readonly kind: 'main';
      readonly table: TableView;
      readonly warmup: WarmupView | null;
      readonly recommendations: RecommendationsView | null;
      readonly alert: LineView | null;
    }
  | { readonly kind: 'evidence'; readonly evidence: EvidenceView }
  | { readonly kind: 'help'; readonly lines: readonly LineView[] };

export interface DashboardView {
  readonly header: HeaderView;
  readonly body: DashboardBody;
  readonly footer: LineView;
}

export interface ViewOptions {
  /** IANA time zone for clock times; undefined = the system's. */
  readonly timeZone?: string;
}

export interface OverlayContent {
  readonly title: LineView | null;
  readonly lines: readonly LineView[];
  /** Lines available for `lines` (the body, less the title). */
  readonly height: number;
  readonly hint: string;
}

/** The full help or evidence text for the current state (before scrolling), or null when neither is open. */
export function selectOverlay(state: DashboardState, options: ViewOptions = {}): OverlayContent | null {
  const height = bodyHeight(state.size.rows);
  if (state.overlay === 'help') return { title: null, lines: selectHelpLines(), height, hint: 'j/k PgDn/PgUp scroll' };
  const { snapshot } = state;
  if (state.overlay !== 'evidence' || snapshot === null) return null;
  const ctx = { now: snapshot.now, timeZone: options.timeZone };
  const width = state.size.columns;
  let evidence: EvidenceView | null = null;
  if (state.focus === 'pairs') {
    const pairs = selectPairRows(snapshot, state.filter, state.sort);
    const row = pairs[resolveCursor(pairs.map((p) => p.key), state.pairCursor)];
    evidence = row === undefined ? null : pairEvidence(row, width, ctx);
  } else {
    const recs = selectRecommendationRows(snapshot, state.filter);
    const row = recs[resolveCursor(recs.map((r) => r.id), state.recommendationCursor)];
    evidence = row === undefined ? null : recommendationEvidence(row.recommendation, width, ctx);
  }
  return evidence === null ? null : { title: evidence.title, lines: evidence.lines, height: height - 1, hint: 'PgDn/PgUp scroll · j/k next row' };
}

export function selectDashboardView(state: DashboardState, options: ViewOptions = {}): DashboardView {
  const { columns: width, rows } = state.size;
  const { snapshot } = state;
  const header = selectHeader(snapshot, width, options.timeZone);
  const pairs = selectPairRows(snapshot, state.filter, state.sort);
  const recs = selectRecommendationRows(snapshot, state.filter);
  const counts = { shownPairs: pairs.length, totalPairs: snapshot?.report.pairs.length ?? 0 };
  const overlay = selectOverlay(state, options);
  if (overlay !== null) {
    const { lines } = scrollLines(overlay.lines, overlay.height, state.overlayOffset, overlay.hint);
    const body: DashboardBody = overlay.title === null ? { kind: 'help', lines } : { kind: 'evidence', evidence: { title: overlay.title, lines } };
    return { header, footer: selectFooter(state, counts), body };
  }
  if (snapshot === null) return { header, footer: selectFooter(state, counts), body: { kind: 'starting', line: line('waiting for the first data from the watcher…', 'muted') } };

  const pairIndex = resolveCursor(pairs.map((p) => p.key), state.pairCursor);
  const recIndex = resolveCursor(recs.map((r) => r.id), state.recommendationCursor);
  const warmups = selectWarmupRows(snapshot, state.filter);
  const alert = selectAlertLine(snapshot, options.timeZone);
  const plan = planScreen({ rows, pairs: pairs.length, recommendations: recs.length, warmups: warmups.length, hasAlert: alert !== null });
  const table = buildTableView(pairs, {
    width,
    height: plan.tableRows,
    selected: pairIndex,
    focused: state.focus === 'pairs',
    now: snapshot.now,
    emptyText: state.filter === '' ? 'no provider × IP pairs yet' : `no pairs match "${state.filter}" (Esc clears the filter)`,
  });
  const recommendations = buildRecommendationsView(recs, { width, height: plan.recommendationRows, selected: recIndex, focused: state.focus === 'recommendations' });
  const warmup = plan.warmupRows > 0 ? buildWarmupView(warmups, width, plan.warmupRows) : null;
  const window = table.above + table.below > 0 ? { first: table.above + 1, last: table.total - table.below } : undefined;
  const footer = selectFooter(state, window === undefined ? counts : { ...counts, window });
  return { header, footer, body: { kind: 'main', table, warmup, recommendations: plan.showRecommendations ? recommendations : null, alert: plan.showAlert ? alert : null } };
}
