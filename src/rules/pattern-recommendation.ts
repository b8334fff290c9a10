/** Shared by the pattern and pause rules: provider domains, the recommendation shape, heavy reputation. */
import type { Recommendation } from '../domain/report.js';
import type { PatternCandidate } from './pattern-candidates.js';
import { recommendationId } from './recommendation-id.js';
import type { RuleContext } from './types.js';

export function domainsByProvider(ctx: RuleContext): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const p of ctx.pairs) {
    const m = out.get(p.series.provider) ?? new Map<string, number>();
    for (const [d, n] of p.series.domains) m.set(d, (m.get(d) ?? 0) + n);
    out.set(p.series.provider, m);
  }
  return out;
}

export function patternRecommendation(c: PatternCandidate, actions: string, conf: number, reason: string, extra: Record<string, unknown>): Recommendation {
  return {
    id: recommendationId('smtp-pattern-list', c.domain, null, c.regex),
    directive: 'smtp-pattern-list',
    scope: { domain: c.domain, virtualMta: null },
    current: c.matchedBy,
    currentSource: c.list === null ? 'unknown' : 'config',
    suggested: `reply /${c.regex}/ ${actions}`,
    confidence: conf,
    reason,
    evidence: {
      isp: c.provider,
      class: c.class,
      count: c.count,
      first: new Date(c.first).toISOString(),
      last: new Date(c.last).toISOString(),
      sourceIps: c.sourceIps,
      topResponses: c.samples,
      list: c.list,
      ...extra,
    },
    isp: c.provider,
    sourceIps: c.sourceIps,
    patternList: c.list,
    regex: c.regex,
    actions,
  };
}

export function pausesProvider(ctx: RuleContext, c: PatternCandidate): boolean {
  return ctx.pairs.some((p) => p.series.provider === c.provider && c.sourceIps.includes(p.series.sourceIp) && p.limit.pausedHours > 0);
}

