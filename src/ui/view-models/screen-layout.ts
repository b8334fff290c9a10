/**
 * How many lines each part of the main screen gets. The frame always stays one line shorter than the
 * terminal: Ink clears the whole screen on every frame that fills it, which is the flicker we avoid.
 * Every pane first gets a little, then the pair table grows to fit its rows, then the others.
 */
export interface ScreenCounts {
  readonly rows: number;
  readonly pairs: number;
  readonly recommendations: number;
  readonly warmups: number;
  readonly hasAlert: boolean;
}

export interface ScreenPlan {
  readonly tableRows: number;
  /** false only on a terminal too short for the recommendations title. */
  readonly showRecommendations: boolean;
  readonly recommendationRows: number;
  /** 0 hides the warm-up pane (and its title). */
  readonly warmupRows: number;
  readonly showAlert: boolean;
}

/** Header and footer lines, around every body. */
export const CHROME_LINES = 2;

export function bodyHeight(rows: number): number {
  return Math.max(1, rows - 1 - CHROME_LINES);
}

export function planScreen(c: ScreenCounts): ScreenPlan {
  let budget = bodyHeight(c.rows);
  const take = (wanted: number): number => {
    const n = Math.max(0, Math.min(wanted, budget));
    budget -= n;
    return n;
  };
  // Fixed lines: the table header, the recommendations title (always: it says "none yet" too).
  take(1);
  const showRecommendations = take(1) === 1;
  const showAlert = c.hasAlert && take(1) === 1;
  let table = take(Math.max(1, Math.min(c.pairs, 3)));
  let recs = take(Math.max(1, Math.min(c.recommendations, 2)));
  let warmTitle = c.warmups > 0 ? take(1) : 0;
  let warm = warmTitle > 0 ? take(Math.min(c.warmups, 2)) : 0;
  if (warmTitle > 0 && warm === 0) {
    budget += warmTitle;
    warmTitle = 0;
  }
  recs += take(Math.min(c.recommendations, 4) - recs);
  warm += warmTitle > 0 ? take(Math.min(c.warmups, 4) - warm) : 0;
  table += take(c.pairs - table);
  recs += take(c.recommendations - recs);
  warm += warmTitle > 0 ? take(c.warmups - warm) : 0;
  return { tableRows: table, showRecommendations, recommendationRows: recs, warmupRows: warm, showAlert };
}
