/**
 * Wall-clock formatting for the dashboard. The time zone is a parameter (undefined = the system's) so
 * the rendering stays a pure function of its inputs.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined, seconds: boolean): Intl.DateTimeFormat {
  const cacheKey = `${timeZone ?? ''}|${seconds ? 's' : 'm'}`;
  let f = formatters.get(cacheKey);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
      ...(timeZone === undefined ? {} : { timeZone }),
    });
    formatters.set(cacheKey, f);
  }
  return f;
}

/** `14:32:07`. */
export function formatClock(epochMs: number, timeZone?: string): string {
  return Number.isFinite(epochMs) ? formatter(timeZone, true).format(epochMs) : '--:--:--';
}

/** `14:32`. */
export function formatHourMinute(epochMs: number, timeZone?: string): string {
  return Number.isFinite(epochMs) ? formatter(timeZone, false).format(epochMs) : '--:--';
}

/** A duration as the largest sensible unit: `45s`, `22m`, `3h05m`, `2d4h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d${hours % 24}h`;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** `14:10` for times within a day of `now`, `2026-11-28 14:10` otherwise. */
export function formatStamp(epochMs: number, now: number, timeZone?: string): string {
  if (!Number.isFinite(epochMs)) return '–';
  if (Math.abs(now - epochMs) < 24 * 3600_000) return formatHourMinute(epochMs, timeZone);
  const cacheKey = timeZone ?? '';
  let f = dateFormatters.get(cacheKey);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone === undefined ? {} : { timeZone }) });
    dateFormatters.set(cacheKey, f);
  }
  return `${f.format(epochMs)} ${formatHourMinute(epochMs, timeZone)}`;
}

/** Epoch ms from an ISO-8601 string or a number; NaN when neither. */
export function toEpochMs(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return Date.parse(value);
  return Number.NaN;
}
