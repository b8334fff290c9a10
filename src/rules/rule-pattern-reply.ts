/**
 * `smtp-pattern-list` lines `reply /…/ mode=backoff` for throttling responses seen at least
 * `minPatternCount` times that the config's list for the provider's domain does not match
 * (docs/methodology.md "Pattern lines"). Block responses and reputation responses that paused a pair
 * are left to the pause rule, which adds `disable-source-ip`.
 */
import type { Recommendation } from '../domain/report.js';
import { EVIDENCE } from '../stats/evidence.js';
import { confidence, evidenceFactor } from './confidence.js';
import { patternCandidates } from './pattern-candidates.js';
import { domainsByProvider, patternRecommendation, pausesProvider } from './pattern-recommendation.js';
import type { Rule, RuleContext } from './types.js';

export const patternReplyRule: Rule = {
  id: 'smtp-pattern-list',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const c of patternCandidates(ctx.responses, domainsByProvider(ctx), ctx.config)) {
      if (c.count < EVIDENCE.minPatternCount || c.matchedBy !== null) continue;
      if (c.class === 'block' || (c.class === 'reputation' && pausesProvider(ctx, c))) continue;
      out.push(
        patternRecommendation(
          c,
          'mode=backoff',
          confidence(evidenceFactor(c.count, 5), 0.95),
          `${c.count}× "${c.literal}" from ${c.provider} (${c.class}) ${c.list === null ? 'and no smtp-pattern-list applies' : `and no reply in <smtp-pattern-list ${c.list}> matches it`}: PowerMTA never backs off on it`,
          {},
        ),
      );
    }
    return out;
  },
};
