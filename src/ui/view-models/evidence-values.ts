/**
 * A recommendation's `evidence` is an open record written by the rules: render whatever is there,
 * truthfully and safely. Numbers get separators, ISO times become clock times, [low, high] pairs become
 * ranges, proportions under keys such as `acceptanceRate` or `share` become percentages, arrays of `{text, count}` become response lines, and every string is sanitised.
 */
import { cleanText } from '../format/clean-text.js';
import { formatStamp, toEpochMs } from '../format/format-clock.js';
import { formatCount } from '../format/format-number.js';

export interface EvidenceContext {
  readonly now: number;
  readonly timeZone: string | undefined;
}

export interface ResponseLike {
  readonly text: string;
  readonly count: number;
  readonly class?: unknown;
  readonly first?: unknown;
  readonly last?: unknown;
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isResponseLike(value: unknown): value is ResponseLike {
  return isRecord(value) && typeof value['text'] === 'string' && typeof value['count'] === 'number';
}

/** `hoursObserved` → `hours observed`, `top_responses` → `top responses`. */
export function humanizeKey(key: string): string {
  return cleanText(key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase(), { maxLength: 40 });
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Number.isInteger(n) ? formatCount(n) : String(Number(n.toFixed(3)));
}

/** Keys whose values in [0, 1] are proportions (the rules' `acceptanceRate`, `share`, `coverage`, …). */
const PROPORTION_KEY = /(rate|share|interval|coverage|acceptance|acceptancelow|acceptancehigh)$/i;

function isProportion(key: string, value: unknown): boolean {
  const numbers = Array.isArray(value) ? value : [value];
  return PROPORTION_KEY.test(key) && numbers.length > 0 && numbers.every((n) => typeof n === 'number' && n >= 0 && n <= 1);
}

const percent = (n: number, round: (x: number) => number = Math.round): string => `${round(n * 1000) / 10}%`;

/** One value on one line, or null when it needs more than a line (objects, arrays of objects). */
export function formatScalar(value: unknown, ctx: EvidenceContext, key = ''): string | null {
  if (value === null || value === undefined) return '–';
  if (isProportion(key, value)) {
    // An interval is rounded outwards, so the range shown always contains the one computed.
    if (Array.isArray(value)) return value.length === 2 ? `${percent(value[0] as number, Math.floor)}–${percent(value[1] as number, Math.ceil)}` : (value as number[]).map((n) => percent(n)).join(', ');
    return percent(value as number);
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    const t = toEpochMs(value);
    return Number.isFinite(t) ? formatStamp(t, ctx.now, ctx.timeZone) : cleanText(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 2 && value.every((v) => typeof v === 'number')) return `${formatNumber(value[0] as number)}–${formatNumber(value[1] as number)}`;
    if (value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
      return value.map((v) => formatScalar(v, ctx) ?? '').join(', ');
    }
  }
  return null;
}

/** `×8,412  rate  14:10–14:32  421 4.7.0 [TSS04] …` (the text is sanitised). */
export function formatResponse(r: ResponseLike, ctx: EvidenceContext): string {
  const cls = typeof r.class === 'string' ? `${cleanText(r.class, { maxLength: 20 })}  ` : '';
  const first = toEpochMs(r.first);
  const last = toEpochMs(r.last);
  const when = Number.isFinite(first)
    ? `${formatStamp(first, ctx.now, ctx.timeZone)}${Number.isFinite(last) && last !== first ? `–${formatStamp(last, ctx.now, ctx.timeZone)}` : ''}  `
    : '';
  return `×${formatCount(r.count)}  ${cls}${when}${cleanText(r.text)}`;
}

/** Flattened `label: value` lines for an object, nested objects as `a · b` labels, two levels deep. */
export function flattenEvidence(
  evidence: Readonly<Record<string, unknown>>,
  ctx: EvidenceContext,
  prefix = '',
  depth = 0,
): { readonly label: string; readonly value: string; readonly responses?: readonly ResponseLike[] }[] {
  const out: { label: string; value: string; responses?: readonly ResponseLike[] }[] = [];
  for (const [key, value] of Object.entries(evidence)) {
    const label = `${prefix}${humanizeKey(key)}`;
    const scalar = formatScalar(value, ctx, key);
    if (scalar !== null) {
      out.push({ label, value: scalar });
    } else if (Array.isArray(value) && value.every(isResponseLike)) {
      out.push({ label, value: `${value.length}`, responses: value });
    } else if (isRecord(value) && depth < 2) {
      out.push(...flattenEvidence(value, ctx, `${label} · `, depth + 1));
    } else if (Array.isArray(value)) {
      out.push({
        label,
        value: value.map((v) => (isRecord(v) ? Object.entries(v).map(([k, x]) => `${humanizeKey(k)} ${formatScalar(x, ctx) ?? '…'}`).join(', ') : formatScalar(v, ctx) ?? '…')).join(' | '),
      });
    } else {
      out.push({ label, value: '…' });
    }
  }
  return out;
}
