/**
 * Selector: the newest alert as one line, `─ 14:10 yahoo/203.0.113.14 started throttling: 421 4.7.0 …`.
 * The response is remote text and is sanitised here.
 */
import type { AlertKind, DashboardAlert, DashboardSnapshot } from '../dashboard-snapshot.js';
import { cleanText } from '../format/clean-text.js';
import { formatHourMinute } from '../format/format-clock.js';
import { line } from './line-view.js';
import type { LineView } from './line-view.js';

export function newestAlert(alerts: readonly DashboardAlert[]): DashboardAlert | null {
  let newest: DashboardAlert | null = null;
  for (const a of alerts) if (newest === null || a.time >= newest.time) newest = a;
  return newest;
}

function verb(kind: AlertKind): string {
  switch (kind) {
    case 'throttled':
      return 'started throttling';
    case 'blocked':
      return 'blocked';
    case 'recovered':
      return 'recovered';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

export function selectAlertLine(snapshot: DashboardSnapshot | null, timeZone?: string): LineView | null {
  const alert = snapshot === null ? null : newestAlert(snapshot.alerts);
  if (alert === null) return null;
  const who = `${cleanText(alert.isp, { maxLength: 40 })}/${cleanText(alert.sourceIp, { maxLength: 45 })}`;
  const text = cleanText(alert.text, { maxLength: 300 });
  return line(
    `─ ${formatHourMinute(alert.time, timeZone)} ${who} ${verb(alert.kind)}${text === '' ? '' : `: ${text}`}`,
    alert.kind === 'recovered' ? 'ok' : alert.kind === 'blocked' ? 'danger' : 'warn',
  );
}
