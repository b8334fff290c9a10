/**
 * Which PowerMTA `<domain>` names a pair's recommendation goes under (docs/methodology.md "Scope"):
 * - a domain macro of the config covering every domain of the pair with at least 1% of its traffic
 *   (the smallest such macro), written `$name`;
 * - else the pair's main recipient domain when it carries at least 90% of the traffic;
 * - else each domain with at least 5% of the traffic, with its share among those domains (rates and
 *   connection counts are split by share, since PowerMTA limits each domain's queue separately;
 *   domains under 5% keep their settings).
 */
export interface ScopeShare {
  readonly domain: string;
  /** Share of the pair's traffic the domain (or macro) carries, in (0, 1]. */
  readonly share: number;
}

export const MACRO_MIN_SHARE = 0.01;
export const MAIN_DOMAIN_SHARE = 0.9;
export const SPLIT_MIN_SHARE = 0.05;

/**
 * `perQueue`: the value limits each domain's queue separately while the provider counts per IP
 * (connections), so a macro would multiply it: split by domain instead.
 */
export function scopeDomains(domains: ReadonlyMap<string, number>, macros: ReadonlyMap<string, readonly string[]>, options: { readonly perQueue?: boolean } = {}): ScopeShare[] {
  const entries = [...domains.entries()].filter(([d]) => d !== '').sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (entries.length === 0 || total <= 0) return [];
  const significant = entries.filter(([, n]) => n / total >= MACRO_MIN_SHARE).map(([d]) => d);
  if (significant.length > 1 && options.perQueue !== true) {
    let best: { name: string; size: number } | null = null;
    for (const [name, list] of macros) {
      const set = new Set(list);
      if (!significant.every((d) => set.has(d))) continue;
      if (best === null || list.length < best.size || (list.length === best.size && name < best.name)) best = { name, size: list.length };
    }
    if (best !== null) return [{ domain: `$${best.name}`, share: 1 }];
  }
  const [topDomain, topCount] = entries[0]!;
  if (topCount / total >= MAIN_DOMAIN_SHARE) return [{ domain: topDomain, share: 1 }];
  const kept = entries.filter(([, n]) => n / total >= SPLIT_MIN_SHARE);
  const keptTotal = kept.reduce((s, [, n]) => s + n, 0);
  return kept.map(([domain, n]) => ({ domain, share: n / keptTotal }));
}
