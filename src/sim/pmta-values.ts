/**
 * PowerMTA value syntax used by the sender model: TIME-INTERVAL (`4d12h`, `10m`, `300s`, a bare number is
 * seconds), TIME-INTERVAL-LIST (`10m,20m,1h`), `never`, and rates (`350/h`, `100/15m`, `unlimited`).
 */
const UNIT_SECONDS: Readonly<Record<string, number>> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/** Seconds, or null when the text is not a PowerMTA time interval. */
export function parseTimeInterval(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (!/^(\d+(\.\d+)?[wdhms])+$/.test(t)) return null;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)([wdhms])/g)) total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 1);
  return total;
}

/** A comma list of intervals (the last one repeats), or null when any item is invalid. */
export function parseTimeIntervalList(text: string): number[] | null {
  const items = text.split(',').map((s) => parseTimeInterval(s));
  if (items.length === 0 || items.some((x) => x === null || x <= 0)) return null;
  return items as number[];
}

/** `never` → Infinity; otherwise a time interval. */
export function parseIntervalOrNever(text: string): number | null {
  return text.trim().toLowerCase() === 'never' ? Number.POSITIVE_INFINITY : parseTimeInterval(text);
}

export interface Rate {
  /** Messages (attempts) allowed per `seconds`; Infinity when unlimited. */
  readonly count: number;
  readonly seconds: number;
}

export const UNLIMITED: Rate = { count: Number.POSITIVE_INFINITY, seconds: 1 };

const RATE_UNITS: Readonly<Record<string, number>> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600, d: 86400, day: 86400 };

/** `350/h`, `100/15m`, `83/10min`, `unlimited`, `0` (= unlimited in PowerMTA) → Rate, or null. */
export function parseRate(text: string): Rate | null {
  const t = text.trim().toLowerCase();
  if (t === 'unlimited' || t === '0') return UNLIMITED;
  const m = /^(\d+)\/(\d*)(s|sec|m|min|h|hr|d|day)$/.exec(t);
  if (!m) return null;
  const count = Number(m[1]);
  const mult = m[2] === '' || m[2] === undefined ? 1 : Number(m[2]);
  const unit = RATE_UNITS[m[3] ?? 'h'] ?? 3600;
  if (count <= 0 || mult <= 0) return null;
  return { count, seconds: mult * unit };
}

/** Messages per hour of a rate (Infinity when unlimited). */
export function ratePerHour(rate: Rate): number {
  return (rate.count * 3600) / rate.seconds;
}
