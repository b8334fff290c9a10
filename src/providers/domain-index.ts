/**
 * Which provider a recipient domain belongs to: the exact domain, else its nearest listed parent
 * (`nyc.rr.com` -> `rr.com`), else `other`. PowerMTA rollup queue names (`yahoo.rollup`, from
 * `<mx-rollup-list>`) are recognised too: `X.rollup` is the provider with id X, else the provider of
 * `X.com`. Results are cached per distinct input.
 */
import { BoundedCache } from './bounded-cache.js';

export const OTHER_PROVIDER = 'other';

export type DomainLookup = (domain: string) => string;

export function normalizeDomain(domain: string): string {
  let d = domain.trim().toLowerCase();
  const at = d.lastIndexOf('@');
  if (at >= 0) d = d.slice(at + 1);
  while (d.endsWith('.')) d = d.slice(0, -1);
  return d;
}

export function createDomainIndex(
  owners: ReadonlyMap<string, string>,
  providerIds: readonly string[],
  cacheSize = 50_000,
): DomainLookup {
  const ids = new Set(providerIds);
  const lookup = (d: string): string => {
    const hit = owners.get(d);
    if (hit !== undefined) return hit;
    if (d.endsWith('.rollup')) {
      const stem = d.slice(0, -'.rollup'.length);
      if (ids.has(stem)) return stem;
      return owners.get(`${stem}.com`) ?? OTHER_PROVIDER;
    }
    for (let dot = d.indexOf('.'); dot >= 0; dot = d.indexOf('.', dot + 1)) {
      const owner = owners.get(d.slice(dot + 1));
      if (owner !== undefined) return owner;
    }
    return OTHER_PROVIDER;
  };
  const cache = new BoundedCache<string, string>(cacheSize);
  return (domain: string) => {
    const cached = cache.get(domain);
    if (cached !== undefined) return cached;
    const result = lookup(normalizeDomain(domain));
    cache.set(domain, result);
    return result;
  };
}
