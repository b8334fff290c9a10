/**
 * PowerMTA timestamps to epoch milliseconds, straight from the bytes (no Date, no string in the hot path).
 *
 * Accepted (surrounding double quotes and spaces are ignored):
 * - `YYYY-MM-DD HH:MM:SS±hhmm` (PowerMTA v5 `iso-times yes`, the default)
 * - ISO 8601: `T` or space separator, optional fraction (`.123`, milliseconds kept), zone `Z`, `±hh:mm`,
 *   `±hhmm`, `±hh`, optionally after one space; no zone means UTC
 * - `MM/DD/YYYY HH:MM:SS±hhmm` (the form the v5 manual's encoding section describes), same zone rules
 * - epoch seconds (`1178807903`, optional fraction), as PowerMTA v4 wrote them
 *
 * Anything else, or an impossible date (month 13, 31 April, hour 24), gives NaN.
 */

const SPACE = 0x20;
const QUOTE = 0x22;

/** Two ASCII digits at i as a number, or -1. */
function digits2(b: Uint8Array, i: number): number {
  const a = (b[i] ?? 0) - 48;
  const c = (b[i + 1] ?? 0) - 48;
  if (a < 0 || a > 9 || c < 0 || c > 9) return -1;
  return a * 10 + c;
}

function digits4(b: Uint8Array, i: number): number {
  const hi = digits2(b, i);
  const lo = digits2(b, i + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The last valid date converted (records come in time order: nearly every record hits it). */
let lastDate = -1;
let lastDays = 0;

function utcMs(year: number, month: number, day: number, h: number, mi: number, s: number): number {
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return NaN;
  const date = (year * 100 + month) * 100 + day;
  if (date !== lastDate) {
    if (year < 1000 || month < 1 || month > 12 || day < 1) return NaN;
    const dim = month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
    if (day > dim) return NaN;
    lastDays = daysFromCivil(year, month, day);
    lastDate = date;
  }
  return ((lastDays * 24 + h) * 60 + mi) * 60_000 + s * 1000;
}

/**
 * `HH:MM:SS[.fff][ ][zone]` from i to e, added to the date; NaN when malformed.
 * Returns the UTC epoch ms.
 */
function timeOfDay(b: Uint8Array, i: number, e: number, year: number, month: number, day: number): number {
  if (e - i < 8 || b[i + 2] !== 0x3a || b[i + 5] !== 0x3a) return NaN;
  const base = utcMs(year, month, day, digits2(b, i), digits2(b, i + 3), digits2(b, i + 6));
  if (Number.isNaN(base)) return NaN;
  let p = i + 8;
  let ms = 0;
  if (p < e && (b[p] === 0x2e || b[p] === 0x2c)) {
    p++;
    const start = p;
    let scale = 100;
    while (p < e) {
      const d = (b[p] ?? 0) - 48;
      if (d < 0 || d > 9) break;
      ms += d * scale;
      scale /= 10;
      p++;
    }
    if (p === start) return NaN;
    ms = Math.floor(ms);
  }
  if (p < e && b[p] === SPACE) p++;
  const offset = zoneOffsetMs(b, p, e);
  return Number.isNaN(offset) ? NaN : base + ms - offset;
}

/** Zone at [p, e): '' (UTC), `Z`, `±hh`, `±hhmm`, `±hh:mm`, as ms east of UTC; NaN when malformed. */
function zoneOffsetMs(b: Uint8Array, p: number, e: number): number {
  const len = e - p;
  if (len === 0) return 0;
  const c = b[p];
  if (len === 1 && (c === 0x5a || c === 0x7a)) return 0;
  if (c !== 0x2b && c !== 0x2d) return NaN;
  const sign = c === 0x2d ? -1 : 1;
  const hh = digits2(b, p + 1);
  let mm = 0;
  if (len === 5) mm = digits2(b, p + 3);
  else if (len === 6 && b[p + 3] === 0x3a) mm = digits2(b, p + 4);
  else if (len !== 3) return NaN;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return NaN;
  return sign * (hh * 60 + mm) * 60_000;
}

function epochSeconds(b: Uint8Array, s: number, e: number): number {
  let secs = 0;
  let p = s;
  while (p < e) {
    const d = (b[p] ?? 0) - 48;
    if (d < 0 || d > 9) break;
    secs = secs * 10 + d;
    p++;
  }
  const intDigits = p - s;
  if (intDigits === 0 || intDigits > 11) return NaN;
  let ms = 0;
  if (p < e && b[p] === 0x2e) {
    p++;
    let scale = 100;
    const start = p;
    while (p < e) {
      const d = (b[p] ?? 0) - 48;
      if (d < 0 || d > 9) break;
      ms += d * scale;
      scale /= 10;
      p++;
    }
    if (p === start) return NaN;
  }
  return p === e ? secs * 1000 + Math.floor(ms) : NaN;
}

/** Epoch ms of the timestamp in bytes [start, end), NaN when it is not one of the accepted forms. */
export function parseTimeBytes(b: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && (b[s] === SPACE || b[s] === QUOTE)) s++;
  while (e > s && (b[e - 1] === SPACE || b[e - 1] === QUOTE)) e--;
  if (e - s >= 19) {
    if (b[s + 4] === 0x2d && b[s + 7] === 0x2d) {
      const sep = b[s + 10];
      if (sep !== SPACE && sep !== 0x54 && sep !== 0x74) return NaN;
      return timeOfDay(b, s + 11, e, digits4(b, s), digits2(b, s + 5), digits2(b, s + 8));
    }
    if (b[s + 2] === 0x2f && b[s + 5] === 0x2f) {
      if (b[s + 10] !== SPACE) return NaN;
      return timeOfDay(b, s + 11, e, digits4(b, s + 6), digits2(b, s), digits2(b, s + 3));
    }
  }
  return epochSeconds(b, s, e);
}

/** Epoch ms of a timestamp string (any accepted form), NaN when unparseable. Not for hot loops. */
export function parseTime(text: string): number {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return NaN;
    bytes[i] = c;
  }
  return parseTimeBytes(bytes, 0, bytes.length);
}
