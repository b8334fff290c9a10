/**
 * `backoff-to-normal-after` per provider from its episodes (docs/methodology.md "Backoff"): the median
 * episode length over its throttled pairs, rounded up (at least 15 minutes, at most 1 day). PowerMTA's
 * default `never` keeps a queue in backoff until someone intervenes; returning when the provider
 * typically lets go restores full speed. Scoped to the provider's domains for every virtual MTA.
 */
import { median } from 'simple-statistics';
import type { Recommendation } from '../domain/report.js';
import { confidence, evidenceFactor } from './confidence.js';
import { MIN_EPISODES, limitEpisodes, throttledByProvider } from './episode-rates.js';
import { formatInterval, roundUpMinutes } from './format-values.js';
import { intervalMinutes } from './interval-minutes.js';
import { providerScopes } from './provider-scopes.js';
import { recommendationId } from './recommendation-id.js';
import type { Rule, RuleContext } from './types.js';

export const backoffToNormalAfterRule: Rule = {
  id: 'backoff-to-normal-after',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const [provider, pairs] of throttledByProvider(ctx.pairs)) {
      if (provider === 'other') continue;
      const eps = pairs.flatMap(limitEpisodes);
      if (eps.length < MIN_EPISODES) continue;
      const typical = median(eps.map((e) => e.minutes));
      const minutes = Math.min(1440, Math.max(15, roundUpMinutes(typical)));
      for (const domain of providerScopes(ctx, provider)) {
        const current = ctx.config.current('backoff-to-normal-after', domain, null);
        const now = current ? intervalMinutes(current.value) : null;
        if (now !== null && Number.isFinite(now) && now >= minutes / 1.5 && now <= minutes * 1.5) continue;
        out.push({
          id: recommendationId('backoff-to-normal-after', domain, null),
          directive: 'backoff-to-normal-after',
          scope: { domain, virtualMta: null },
          current: current?.value ?? null,
          currentSource: current?.source ?? 'unknown',
          suggested: formatInterval(minutes),
          confidence: confidence(evidenceFactor(eps.length, 3), 0.85),
          reason: `${eps.length} throttling episodes of ${provider} on ${pairs.length} IP${pairs.length === 1 ? '' : 's'} lasted a median ${Math.round(typical)} minutes (longest ${Math.max(...eps.map((e) => e.minutes))})`,
          evidence: { isp: provider, episodes: eps.length, ips: pairs.map((p) => p.series.sourceIp), medianEpisodeMinutes: Math.round(typical), longestEpisodeMinutes: Math.max(...eps.map((e) => e.minutes)) },
          isp: provider,
          sourceIps: pairs.map((p) => p.series.sourceIp),
        });
      }
    }
    return out;
  },
};
