/**
 * A pause for block-listing and heavy reputation responses (docs/methodology.md "Pause"): a reply line
 * `mode=backoff,disable-source-ip,reenable-after=D` so PowerMTA stops using the IP for that provider
 * for D instead of collecting refusals. D is the median length of the provider's block/reputation
 * episodes, rounded up, between 1 hour and 1 day; without a measured episode, 2 hours (KumoMTA's
 * shipped suspension for Yahoo TSS04). Heavy reputation: a pair of the provider had paused hours
 * (reputation refusals dominating and under 10% accepted).
 */
import { median } from 'simple-statistics';
import type { Recommendation } from '../domain/report.js';
import { EVIDENCE } from '../stats/evidence.js';
import { confidence, evidenceFactor } from './confidence.js';
import { formatInterval, roundUpMinutes } from './format-values.js';
import { patternCandidates } from './pattern-candidates.js';
import type { PatternCandidate } from './pattern-candidates.js';
import { domainsByProvider, patternRecommendation, pausesProvider } from './pattern-recommendation.js';
import type { Rule, RuleContext } from './types.js';

export const DEFAULT_PAUSE_MINUTES = 120;

function pauseMinutes(ctx: RuleContext, c: PatternCandidate): { minutes: number; episodes: number } {
  const eps = ctx.pairs
    .filter((p) => p.series.provider === c.provider)
    .flatMap((p) => p.episodes)
    .filter((e) => e.class === c.class);
  if (eps.length === 0) return { minutes: DEFAULT_PAUSE_MINUTES, episodes: 0 };
  const typical = median(eps.map((e) => e.minutes));
  return { minutes: Math.min(1440, Math.max(60, roundUpMinutes(typical))), episodes: eps.length };
}

export const pauseRule: Rule = {
  id: 'pause',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const c of patternCandidates(ctx.responses, domainsByProvider(ctx), ctx.config)) {
      if (c.matchedBy !== null && /disable-source-ip/.test(c.matchedBy)) continue;
      const isBlock = c.class === 'block' && c.count >= EVIDENCE.minBlockSignals;
      const isHeavy = c.class === 'reputation' && c.count >= EVIDENCE.minClassSignals && pausesProvider(ctx, c);
      if (!isBlock && !isHeavy) continue;
      const { minutes, episodes } = pauseMinutes(ctx, c);
      const d = formatInterval(minutes);
      out.push(
        patternRecommendation(
          c,
          `mode=backoff,disable-source-ip,reenable-after=${d}`,
          confidence(evidenceFactor(c.count, isBlock ? 3 : 10), episodes > 0 ? 0.95 : 0.8),
          `${c.count}× "${c.literal}" from ${c.provider} (${isBlock ? 'block-listed' : 'reputation pause'}): stop the IP for ${d}${episodes > 0 ? ` (median of ${episodes} episodes)` : ' (no episode measured; 2h is KumoMTA\u2019s shipped suspension)'} instead of collecting refusals${c.matchedBy !== null ? `; the existing ${c.matchedBy} only backs off` : ''}`,
          { pauseMinutes: minutes, episodes },
        ),
      );
    }
    return out;
  },
};
