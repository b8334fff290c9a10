/**
 * Which provider runs an MX host. Globs come from the providers' `mxPatterns`:
 * - `mx.example.com` (no `*`) matches that host only;
 * - `*.google.com` matches any host below google.com (not google.com itself);
 * - any other glob (`mx*.qq.com`, `cxr.mx.*.cloudfilter.net`): `*` matches any run of characters.
 * Order: exact host, then the longest matching `*.suffix` (so `*.mail.protection.outlook.com` beats a
 * broader `*.protection.outlook.com`), then the other globs in model order. Results are cached per
 * distinct dsnMta string.
 */
import { BoundedCache } from './bounded-cache.js';
import { mxHostOf } from './mx-host.js';

export interface MxRule {
  readonly glob: string;
  readonly providerId: string;
}

export type MxLookup = (dsnMta: string) => string | null;

export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

export function createMxIndex(rules: readonly MxRule[], cacheSize = 10_000): MxLookup {
  const exact = new Map<string, string>();
  const suffix = new Map<string, string>();
  const general: { readonly regex: RegExp; readonly providerId: string }[] = [];
  for (const rule of rules) {
    const star = rule.glob.indexOf('*');
    if (star < 0) exact.set(rule.glob, rule.providerId);
    else if (rule.glob.startsWith('*.') && rule.glob.indexOf('*', 1) < 0) suffix.set(rule.glob.slice(2), rule.providerId);
    else general.push({ regex: globToRegExp(rule.glob), providerId: rule.providerId });
  }

  const hostLookup = (host: string): string | null => {
    const hit = exact.get(host);
    if (hit !== undefined) return hit;
    for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      const owner = suffix.get(host.slice(dot + 1));
      if (owner !== undefined) return owner;
    }
    for (const g of general) if (g.regex.test(host)) return g.providerId;
    return null;
  };

  const cache = new BoundedCache<string, string | null>(cacheSize);
  return (dsnMta: string) => {
    const cached = cache.get(dsnMta);
    if (cached !== undefined) return cached;
    const host = mxHostOf(dsnMta);
    const result = host === null ? null : hostLookup(host);
    cache.set(dsnMta, result);
    return result;
  };
}
