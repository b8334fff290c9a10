/** PowerMTA value syntax for suggestions: rates (`340/h`), time intervals (`1h30m`), rounding. */

/** Rounds down to two significant digits (347 → 340, 1234 → 1200, 57 → 57); at least 1. */
export function roundDown2(n: number): number {
  if (!Number.isFinite(n) || n <= 1) return 1;
  const digits = Math.floor(Math.log10(n)) + 1;
  const step = digits <= 2 ? 1 : 10 ** (digits - 2);
  return Math.max(1, Math.floor(n / step) * step);
}

/** Rounds to two significant digits (nearest). */
export function round2(n: number): number {
  if (!Number.isFinite(n) || n <= 1) return Math.max(0, Math.round(n));
  const digits = Math.floor(Math.log10(n)) + 1;
  const step = digits <= 2 ? 1 : 10 ** (digits - 2);
  return Math.round(n / step) * step;
}

export function formatRatePerHour(perHour: number): string {
  return `${Math.max(1, Math.floor(perHour))}/h`;
}

/** Minutes → PowerMTA TIME-INTERVAL (`45m`, `2h`, `1h30m`, `1d`). */
export function formatInterval(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const r = m % 60;
  return `${d > 0 ? `${d}d` : ''}${h > 0 ? `${h}h` : ''}${r > 0 ? `${r}m` : ''}`;
}

/** Rounds minutes up to a step that reads well: 5 minutes below 1 hour, 15 minutes below 4 hours, else hours. */
export function roundUpMinutes(minutes: number): number {
  const step = minutes <= 60 ? 5 : minutes <= 240 ? 15 : 60;
  return Math.max(step, Math.ceil(minutes / step) * step);
}

/** Messages per hour of a PowerMTA rate (`350/h`, `100/15m`, `unlimited`/`0` → Infinity); null when unreadable. */
export function ratePerHour(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === 'unlimited' || t === '0' || t === '') return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?)\/(\d*)(s|sec|m|min|h|hr|d|day)$/.exec(t);
  if (!m) return null;
  const unit = { s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600, d: 86400, day: 86400 }[m[3] as 's'] ?? 3600;
  const mult = m[2] === '' ? 1 : Number(m[2]);
  return (Number(m[1]) * 3600) / (mult * unit);
}

/** A whole number setting (`max-smtp-out 20`); null when unreadable. */
export function intValue(text: string | undefined): number | null {
  if (text === undefined) return null;
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}
