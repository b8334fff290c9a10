/**
 * Selector: the warm-up pane: per new IP and provider, today's accepted deliveries against today's
 * planned cap, `203.0.113.31  google  day 9  ██████░░░░  41,200 / 48,000  86%`.
 */
import { codePointLength } from '../format/clean-text.js';
import { fitText, ruleTitle } from '../format/fit-text.js';
import { formatCount } from '../format/format-number.js';
import { line } from './line-view.js';
import type { LineView } from './line-view.js';
import type { Tone } from './tone.js';
import { progressBar } from './warmup-rows.js';
import type { WarmupRow } from './warmup-rows.js';

export interface WarmupView {
  readonly title: LineView;
  readonly lines: readonly LineView[];
}

function tone(row: WarmupRow): Tone {
  if (row.fraction === null) return 'muted';
  if (row.fraction > 1) return 'danger';
  if (row.fraction >= 0.9) return 'warn';
  return 'plain';
}

export function buildWarmupView(rows: readonly WarmupRow[], width: number, height: number): WarmupView {
  const shown = Math.min(rows.length, Math.max(0, height));
  const more = rows.length > shown ? `, first ${shown} shown` : '';
  const title = line(ruleTitle(`warm-up today (${rows.length} IP × provider${more})`, width), 'muted');
  const ipWidth = Math.min(39, Math.max(0, ...rows.map((r) => codePointLength(r.sourceIp))));
  const ispWidth = Math.min(14, Math.max(0, ...rows.map((r) => codePointLength(r.isp))));
  const barWidth = width >= 120 ? 20 : width >= 90 ? 12 : 8;
  const acceptedWidth = Math.max(0, ...rows.map((r) => formatCount(r.accepted).length));
  const capWidth = Math.max(0, ...rows.map((r) => (r.cap === null ? 0 : formatCount(r.cap).length)));
  const lines = rows.slice(0, shown).map((r) => {
    const day = r.day === null ? '      ' : fitText(`day ${r.day}`, 6);
    const who = `  ${fitText(r.sourceIp, ipWidth)}  ${fitText(r.isp, ispWidth)}  ${day}`;
    if (r.fraction === null || r.cap === null) return line(`${who}  ${formatCount(r.accepted)} accepted, no plan for today`, 'muted');
    const over = r.fraction > 1 ? '  over plan' : '';
    const counts = `${fitText(formatCount(r.accepted), acceptedWidth, 'right')} / ${fitText(formatCount(r.cap), capWidth, 'right')}`;
    // Whole percent, over 100% when the plan is exceeded (formatPercent would stop at 100%).
    const percent = fitText(`${Math.round(r.fraction * 100)}%`, 4, 'right');
    return line(`${who}  ${progressBar(r.fraction, barWidth)}  ${counts}  ${percent}${over}`, tone(r));
  });
  return { title, lines };
}
