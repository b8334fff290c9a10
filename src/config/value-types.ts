/**
 * PowerMTA value syntaxes [UG5 §3.2, §3.3.10.33]: what each accepts, and a normal form so that
 * `yes`/`true`, `1h`/`60m`/`3600s` and `100/h`/`100/1hr` compare equal.
 */
export const VALUE_TYPES = [
  'int', // N
  'int-or-unlimited', // N | unlimited
  'percent', // 0..100
  'bool', // yes | no | true | false
  'time', // TIME-INTERVAL: 1w2d12h, 300s (a bare number counts as seconds)
  'time-or-never',
  'time-list', // TIME-INTERVAL,TIME-INTERVAL,...
  'rate', // unlimited | 0 | N/[M]{d|day|h|hr|m|min|s|sec}
  'data-rate', // unlimited | 0 | N[b|k|m|g|t]/[M]{unit}
  'size', // N[b|k|m|g|t]
  'cold-rate-list', // N/day[,N/day...]
  'cidr-int', // CIDR N
  'cidr-rate', // CIDR rate
  'cidr-data-rate', // CIDR data-rate
  'bool-or-time', // true | false | TIME | never (bounce-upon-no-mx)
  'enum', // one of enumValues
  'records', // d,b,t,tq,r,f,rb,rs (or their long names)
  'regex', // /PCRE/
  'name', // a single token
  'string', // anything, may be quoted
  'any', // not checked
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

const UNIT_SECONDS: Readonly<Record<string, number>> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
const RATE_UNIT_SECONDS: Readonly<Record<string, number>> = { d: 86400, day: 86400, h: 3600, hr: 3600, m: 60, min: 60, s: 1, sec: 1 };
const SIZE_FACTOR: Readonly<Record<string, number>> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
export const RECORD_NAMES: Readonly<Record<string, string>> = {
  d: 'd', delivery: 'd', b: 'b', bounce: 'b', t: 't', transient: 't', tq: 'tq', 'transient-queue': 'tq',
  r: 'r', receipt: 'r', f: 'f', 'feedback-loop': 'f', rb: 'rb', 'remote-bounce': 'rb', rs: 'rs', 'remote-status': 'rs',
};

/** Seconds in a TIME-INTERVAL (`1w2d12h`, `300s`, bare seconds), or null when it is not one. */
export function parseTimeInterval(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^(?:\d+[wdhms])+$/.test(t)) return null;
  let total = 0;
  for (const m of t.matchAll(/(\d+)([wdhms])/g)) total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 1);
  return total;
}

/** A message/connection rate as events per second: unlimited → Infinity, `0` → 0; null when invalid. */
export function parseRate(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === 'unlimited') return Number.POSITIVE_INFINITY;
  if (t === '0') return 0;
  const m = /^(\d+)\/(\d*)(day|d|hr|h|min|m|sec|s)$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  const mult = m[2] === '' ? 1 : Number(m[2]);
  if (n === 0 || mult === 0) return null;
  return n / (mult * (RATE_UNIT_SECONDS[m[3] ?? 's'] ?? 1));
}

/** Bytes per second for a data-volume rate (`10g/2h`), Infinity for unlimited; null when invalid. */
export function parseDataRate(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === 'unlimited') return Number.POSITIVE_INFINITY;
  if (t === '0') return 0;
  const m = /^(\d+)\s*([bkmgt]?)\s*\/(\d*)(day|d|hr|h|min|m|sec|s)$/.exec(t);
  if (!m) return null;
  const bytes = Number(m[1]) * (SIZE_FACTOR[m[2] || 'b'] ?? 1);
  const mult = m[3] === '' ? 1 : Number(m[3]);
  if (mult === 0) return null;
  return bytes / (mult * (RATE_UNIT_SECONDS[m[4] ?? 's'] ?? 1));
}

export function parseSize(text: string): number | null {
  const m = /^(\d+)\s*([bkmgt]?)$/i.exec(text.trim());
  return m ? Number(m[1]) * (SIZE_FACTOR[(m[2] ?? '').toLowerCase() || 'b'] ?? 1) : null;
}

export function parseBool(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === 'yes' || t === 'true') return true;
  if (t === 'no' || t === 'false') return false;
  return null;
}

const CIDR = /^(?:\d{1,3}(?:\.\d{1,3}){0,3}(?:\/\d{1,2})?|[0-9a-f:]*:[0-9a-f:.]*(?:\/\d{1,3})?)$/i;

/** Why `value` is not a valid `type`, or null when it is fine. */
export function checkValue(type: ValueType, value: string, enumValues: readonly string[] = []): string | null {
  const v = value.trim();
  if (type === 'any' || type === 'string') return null;
  if (v === '') return 'a value is required';
  switch (type) {
    case 'int':
      return /^\d+$/.test(v) ? null : 'expects a whole number';
    case 'int-or-unlimited':
      return /^(?:\d+|unlimited)$/i.test(v) ? null : "expects a whole number or 'unlimited'";
    case 'percent':
      return /^\d+$/.test(v) && Number(v) <= 100 ? null : 'expects a number from 0 to 100';
    case 'bool':
      return parseBool(v) === null ? 'expects yes, no, true or false' : null;
    case 'time':
      return parseTimeInterval(v) === null ? 'expects a time interval such as 10m, 1h or 4d12h (units w, d, h, m, s)' : null;
    case 'time-or-never':
      return v.toLowerCase() === 'never' || parseTimeInterval(v) !== null ? null : "expects a time interval such as 30m or 'never'";
    case 'time-list':
      return v.split(',').every((p) => parseTimeInterval(p) !== null) ? null : 'expects time intervals separated by commas, such as 10m,20m,1h';
    case 'rate':
      return parseRate(v) === null ? "expects a rate such as 350/h, 100/15m or 'unlimited' (units d, h, m, s)" : null;
    case 'data-rate':
      return parseDataRate(v) === null ? "expects a volume rate such as 10g/2h or 'unlimited'" : null;
    case 'size':
      return parseSize(v) === null ? 'expects a size such as 250M (units b, k, m, g, t)' : null;
    case 'cold-rate-list':
      return v.split(',').every((p) => /^\s*\d+\/(?:d|day)\s*$/i.test(p)) ? null : 'expects daily limits such as 1000/day or 100/day,200/day';
    case 'cidr-int':
    case 'cidr-rate':
    case 'cidr-data-rate': {
      const [cidr, rest, extra] = v.split(/\s+/);
      if (cidr === undefined || !CIDR.test(cidr) || rest === undefined || extra !== undefined) return `expects an IP or CIDR followed by a ${type === 'cidr-int' ? 'number' : 'rate'}`;
      if (type === 'cidr-int') return /^(?:\d+|unlimited)$/i.test(rest) ? null : 'expects a whole number after the CIDR';
      return (type === 'cidr-rate' ? parseRate(rest) : parseDataRate(rest)) === null ? 'expects a rate such as 600/h after the CIDR' : null;
    }
    case 'bool-or-time':
      return parseBool(v) !== null || v.toLowerCase() === 'never' || parseTimeInterval(v) !== null ? null : "expects yes, no, a time interval or 'never'";
    case 'enum':
      return enumValues.includes(v.toLowerCase()) ? null : `expects one of ${enumValues.join(', ')}`;
    case 'records': {
      const bad = v.split(',').map((p) => p.trim().toLowerCase()).filter((p) => RECORD_NAMES[p] === undefined);
      return bad.length === 0 ? null : `unknown record type ${bad.join(', ')} (known: d, b, t, tq, r, f, rb, rs)`;
    }
    case 'regex':
      return /^\/.*\/$/s.test(v) ? null : 'expects a /regular expression/';
    case 'name':
      return /\s/.test(v) ? 'expects a single name' : null;
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** A canonical text for comparing two values of the same type (`yes` = `true`, `60m` = `1h`). */
export function normalizeValue(type: ValueType, value: string): string {
  const v = value.trim();
  const n = (x: number | null): string => (x === null ? v.toLowerCase() : String(x));
  switch (type) {
    case 'bool':
      return n(parseBool(v) === null ? null : Number(parseBool(v)));
    case 'time':
      return n(parseTimeInterval(v));
    case 'time-or-never':
      return v.toLowerCase() === 'never' ? 'never' : n(parseTimeInterval(v));
    case 'time-list':
      return v.split(',').map((p) => n(parseTimeInterval(p))).join(',');
    case 'rate':
      return n(parseRate(v));
    case 'data-rate':
      return n(parseDataRate(v));
    case 'size':
      return n(parseSize(v));
    case 'int-or-unlimited':
      return v.toLowerCase() === 'unlimited' ? 'unlimited' : n(/^\d+$/.test(v) ? Number(v) : null);
    case 'bool-or-time': {
      const b = parseBool(v);
      if (b !== null) return String(Number(b));
      return v.toLowerCase() === 'never' ? 'never' : n(parseTimeInterval(v));
    }
    case 'records':
      return v.split(',').map((p) => RECORD_NAMES[p.trim().toLowerCase()] ?? p.trim()).sort().join(',');
    default:
      return v.toLowerCase().replace(/\s+/g, ' ');
  }
}
