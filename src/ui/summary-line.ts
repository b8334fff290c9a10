/**
 * The dashboard for a pipe or a log file: one compact line per interval, the same numbers as the
 * screen. `14:32:07 pairs=12 throttled=2 blocked=0 att/h=12,430 acc=97.1% recs=4 top: yahoo/203.0.113.14 THROTTLED rate`
 */
import type { DashboardSnapshot } from './dashboard-snapshot.js';
import { cleanText } from './format/clean-text.js';
import { formatClock } from './format/format-clock.js';
import { formatCount, formatPercent } from './format/format-number.js';
import { bindingTexts } from './view-models/table-columns.js';
import { STATUS_RANK, statusLabels } from './view-models/pair-status.js';

export interface SummaryLineOptions {
  /** IANA time zone for the clock. @default the system's */
  readonly timeZone?: string;
}

export function formatSummaryLine(snapshot: DashboardSnapshot, options: SummaryLineOptions = {}): string {
  const { pairs, recommendations } = snapshot.report;
  const count = (status: string): number => pairs.filter((p) => p.status === status).length;
  const attemptsPerHour = Object.values(snapshot.hourly).reduce((sum, live) => sum + live.attemptsPerHour, 0);
  // Like the table's acceptance: over the attempts that count against the IPs.
  const attempts = pairs.reduce((sum, p) => sum + (p.ipAttempts ?? p.attempts), 0);
  const delivered = pairs.reduce((sum, p) => sum + p.delivered, 0);
  const fields = [formatClock(snapshot.now, options.timeZone)];
  if (snapshot.source.state === 'waiting-for-path') fields.push(`waiting-for=${cleanText(snapshot.source.paths[0] ?? '', { maxLength: 200, maxToken: 200 })}`);
  else if (snapshot.source.state === 'idle') fields.push('idle');
  fields.push(
    `pairs=${pairs.length}`,
    `throttled=${count('throttled')}`,
    `blocked=${count('blocked')}`,
    `att/h=${formatCount(attemptsPerHour)}`,
    `acc=${attempts > 0 ? formatPercent(delivered / attempts) : '–'}`,
    `recs=${recommendations.length}`,
  );
  if (snapshot.source.malformed > 0) fields.push(`malformed=${formatCount(snapshot.source.malformed)}`);
  const top = [...pairs]
    .filter((p) => p.status === 'blocked' || p.status === 'throttled' || p.status === 'paused')
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.attempts - a.attempts)[0];
  if (top !== undefined) {
    const labels = statusLabels(top.status, null, snapshot.now);
    const binding = bindingTexts(top.binding)[0] ?? '–';
    const who = `${cleanText(top.isp, { maxLength: 40 })}/${cleanText(top.sourceIp, { maxLength: 45 })}`;
    fields.push(`top: ${who} ${labels[labels.length - 1] ?? top.status}${binding === '–' ? '' : ` ${binding}`}`);
  }
  return fields.join(' ');
}
