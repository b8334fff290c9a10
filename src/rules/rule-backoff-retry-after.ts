/**
 * `backoff-retry-after` per provider from its episodes (docs/methodology.md "Backoff"): how long the
 * provider typically accepts nothing inside an episode (median over all its throttled pairs' episodes
 * of the longest stretch without a delivery), rounded up, between 5 minutes and 2 hours. Retrying
 * sooner only collects deferrals; much later wastes what the provider would accept. Scoped to the
 * provider's domains for every virtual MTA (it describes the provider, not one IP). Only when it
 * differs from the current value by more than half.
 */
import { median } from 'simple-statistics';
import type { Recommendation } from '../domain/report.js';
import { confidence, evidenceFactor } from './confidence.js';
import { MIN_EPISODES, limitEpisodes, throttledByProvider } from './episode-rates.js';
import { formatInterval, roundUpMinutes } from './format-values.js';
import { intervalMinutes } from './interval-minutes.js';
import { recommendationId } from './recommendation-id.js';
import { providerScopes } from './provider-scopes.js';
import type { Rule, RuleContext } from './types.js';

export const backoffRetryAfterRule: Rule = {
  id: 'backoff-retry-after',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const [provider, pairs] of throttledByProvider(ctx.pairs)) {
      if (provider === 'other') continue;
      const eps = pairs.flatMap(limitEpisodes);
      if (eps.length < MIN_EPISODES) continue;
      const silence = median(eps.map((e) => e.longestSilenceMinutes));
      const minutes = Math.min(120, Math.max(5, roundUpMinutes(silence)));
      for (const domain of providerScopes(ctx, provider)) {
        const current = ctx.config.current('backoff-retry-after', domain, null);
        const now = current ? intervalMinutes(current.value) : null;
        if (now !== null && now >= minutes / 1.5 && now <= minutes * 1.5) continue;
        out.push({
          id: recommendationId('backoff-retry-after', domain, null),
          directive: 'backoff-retry-after',
          scope: { domain, virtualMta: null },
          current: current?.value ?? null,
          currentSource: current?.source ?? 'unknown',
          suggested: formatInterval(minutes),
          confidence: confidence(evidenceFactor(eps.length, 3), 0.85),
          reason: `inside ${eps.length} throttling episodes on ${pairs.length} IP${pairs.length === 1 ? '' : 's'}, ${provider} typically accepted nothing for ${Math.round(silence)} minutes at a stretch`,
          evidence: { isp: provider, episodes: eps.length, ips: pairs.map((p) => p.series.sourceIp), medianSilenceMinutes: Math.round(silence) },
          isp: provider,
          sourceIps: pairs.map((p) => p.series.sourceIp),
        });
      }
    }
    return out;
  },
};
