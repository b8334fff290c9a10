/**
 * Throttling responses seen in the logs grouped by the pattern line that would match them, per
 * provider, with whether the config's smtp-pattern-list already matches them (shared by the pattern
 * and pause rules).
 */
import type { ResponseStat } from '../aggregate/types.js';
import type { ResponseClass } from '../domain/response-class.js';
import type { ConfigView } from './config-view.js';
import { escapePowerMtaRegex } from './pcre-escape.js';
import { responseLiteral } from './response-regex.js';
import { scopeDomains } from './scope.js';

export interface PatternCandidate {
  readonly provider: string;
  readonly regex: string;
  readonly literal: string;
  readonly class: ResponseClass;
  readonly count: number;
  readonly sourceIps: readonly string[];
  readonly samples: readonly { readonly text: string; readonly count: number }[];
  readonly first: number;
  readonly last: number;
  /** `<domain>` the line's list applies to. */
  readonly domain: string;
  /** The list applied to that domain, or null. */
  readonly list: string | null;
  /** The existing reply that matches the samples, or null when none does. */
  readonly matchedBy: string | null;
}

const CANDIDATE_CLASSES: readonly ResponseClass[] = ['connections', 'per-connection', 'rate', 'reputation', 'block'];

export function patternCandidates(responses: readonly ResponseStat[], domainsByProvider: ReadonlyMap<string, ReadonlyMap<string, number>>, config: ConfigView): PatternCandidate[] {
  const groups = new Map<string, { provider: string; literal: string; classes: Map<ResponseClass, number>; count: number; ips: Set<string>; samples: Map<string, number>; first: number; last: number }>();
  for (const r of responses) {
    if (r.provider === 'other' || !CANDIDATE_CLASSES.includes(r.class)) continue;
    const lit = responseLiteral(r.text);
    if (lit === null) continue;
    const key = `${r.provider}\u0000${lit.literal}`;
    let g = groups.get(key);
    if (!g) {
      g = { provider: r.provider, literal: lit.literal, classes: new Map(), count: 0, ips: new Set(), samples: new Map(), first: r.first, last: r.last };
      groups.set(key, g);
    }
    g.count += r.count;
    g.classes.set(r.class, (g.classes.get(r.class) ?? 0) + r.count);
    if (r.sourceIp !== '') g.ips.add(r.sourceIp);
    g.samples.set(r.text, (g.samples.get(r.text) ?? 0) + r.count);
    g.first = Math.min(g.first, r.first);
    g.last = Math.max(g.last, r.last);
  }
  const out: PatternCandidate[] = [];
  for (const g of groups.values()) {
    const domains = domainsByProvider.get(g.provider) ?? new Map<string, number>();
    const scope = scopeDomains(domains, config.macros)[0]?.domain ?? '*';
    const applied = config.patternList(scope, null);
    const samples = [...g.samples.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([text, count]) => ({ text, count }));
    const matchedBy = applied ? (samples.map((s) => applied.matching(s.text)).find((m) => m !== null) ?? null) : null;
    const cls = [...g.classes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    out.push({
      provider: g.provider,
      regex: escapePowerMtaRegex(g.literal),
      literal: g.literal,
      class: cls,
      count: g.count,
      sourceIps: [...g.ips].sort(),
      samples: samples.slice(0, 3),
      first: g.first,
      last: g.last,
      domain: scope,
      list: applied?.name ?? null,
      matchedBy,
    });
  }
  return out.sort((a, b) => b.count - a.count || (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : a.regex < b.regex ? -1 : 1));
}
