/**
 * Timestamps as PowerMTA writes them with `iso-times yes`: `YYYY-MM-DD HH:MM:SS+0000` (UTC).
 * The day part is cached, so formatting a record's time costs a few string operations.
 */
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

let cachedDay = Number.NaN;
let cachedPrefix = '';

/** Epoch seconds (fractions dropped) → `2026-11-16 09:00:04+0000`. */
export function formatAcctTime(epochSeconds: number): string {
  const s = Math.floor(epochSeconds);
  const day = Math.floor(s / 86400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedPrefix = `${isoDate(day * 86400)} `;
  }
  const inDay = s - day * 86400;
  const h = Math.floor(inDay / 3600);
  const m = Math.floor((inDay % 3600) / 60);
  return `${cachedPrefix}${pad2(h)}:${pad2(m)}:${pad2(inDay % 60)}+0000`;
}

/** Epoch seconds → `YYYY-MM-DD` (UTC). */
export function isoDate(epochSeconds: number): string {
  const d = new Date(Math.floor(epochSeconds) * 1000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** `YYYY-MM-DD` → epoch seconds at 00:00 UTC, or null when not a valid date. */
export function parseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(ms) || isoDate(ms / 1000) !== text) return null;
  return ms / 1000;
}
