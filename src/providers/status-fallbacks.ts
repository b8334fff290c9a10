/**
 * The last resort of classification, used when no text pattern matched: the enhanced status code
 * (RFC 3463, `4.2.2`) and then PowerMTA's bounce category (`quota-issues`), from
 * models/providers/status-codes.json. Status rules may use `*` for any part (`*.2.2`, `5.1.*`); the
 * most literal rule wins: exact, then `*.s.d`, `c.s.*`, `*.s.*`, `c.*.d`, `*.*.d`, `c.*.*`. A rule may
 * be scoped to one provider id (or `other`); scoped rules for the record's provider are tried before
 * the unscoped ones.
 */
import type { Classification } from './types.js';
import { BoundedCache } from './bounded-cache.js';

export interface FallbackRule {
  /** A status rule (`4.2.2`, `*.2.2`) or a lower-case bounce category. */
  readonly key: string;
  /** Provider id this rule is limited to, or null for every provider. */
  readonly provider: string | null;
  readonly result: Classification;
  /** Entry in the file, e.g. `statusCodes[3]`. */
  readonly entry: string;
}

export interface StatusFallbacks {
  readonly status: readonly FallbackRule[];
  readonly bounceCat: readonly FallbackRule[];
}

export const EMPTY_FALLBACKS: StatusFallbacks = { status: [], bounceCat: [] };

export const STATUS_RULE = /^([245]|\*)\.(\d{1,3}|\*)\.(\d{1,3}|\*)$/;
const LEADING_STATUS = /^\s*([245])\.(\d{1,3})\.(\d{1,3})/;

/** The rule keys to try for a status, most literal first; [] when the status is not `c.s.d`. */
export function statusKeys(status: string): string[] {
  const m = LEADING_STATUS.exec(status);
  if (m === null) return [];
  const [, c, s, d] = m as unknown as [string, string, string, string];
  return [`${c}.${s}.${d}`, `*.${s}.${d}`, `${c}.${s}.*`, `*.${s}.*`, `${c}.*.${d}`, `*.*.${d}`, `${c}.*.*`];
}

/** patternId of a fallback rule: `status:4.2.2`, `status:other/4.4.1`, `bounce-cat:quota-issues`. */
export function fallbackPatternId(kind: 'status' | 'bounce-cat', key: string, provider: string | null): string {
  return provider === null ? `${kind}:${key}` : `${kind}:${provider}/${key}`;
}

export type FallbackLookup = (providerId: string, status: string, bounceCat: string) => Classification | null;

function index(rules: readonly FallbackRule[]): Map<string, Classification> {
  const map = new Map<string, Classification>();
  for (const r of rules) {
    const k = r.provider === null ? `\u0000${r.key}` : `${r.provider}\u0000${r.key}`;
    if (!map.has(k)) map.set(k, r.result);
  }
  return map;
}

export function createFallbackLookup(fallbacks: StatusFallbacks): FallbackLookup {
  const byStatus = index(fallbacks.status);
  const byBounceCat = index(fallbacks.bounceCat);
  const cache = new BoundedCache<string, Classification | null>(5_000);

  const find = (map: Map<string, Classification>, providerId: string, keys: readonly string[]): Classification | null => {
    for (const k of keys) {
      const hit = map.get(`${providerId}\u0000${k}`);
      if (hit !== undefined) return hit;
    }
    for (const k of keys) {
      const hit = map.get(`\u0000${k}`);
      if (hit !== undefined) return hit;
    }
    return null;
  };

  return (providerId, status, bounceCat) => {
    const cacheKey = `${providerId}\u0000${status}\u0000${bounceCat}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const result =
      (status === '' ? null : find(byStatus, providerId, statusKeys(status))) ??
      (bounceCat === '' ? null : find(byBounceCat, providerId, [bounceCat.trim().toLowerCase()]));
    cache.set(cacheKey, result);
    return result;
  };
}
