/**
 * `backoff-to-normal-after` from episodes (docs/methodology.md "Backoff"): the median episode length,
 * rounded up (at least 15 minutes, at most 1 day). PowerMTA's default `never` keeps a queue in backoff
 * until someone intervenes; returning when the provider typically lets go restores full speed.
 */
import { median } from 'simple-statistics';
import type { Recommendation } from '../domain/report.js';
import { confidence, evidenceFactor } from './confidence.js';
import { formatInterval, roundUpMinutes } from './format-values.js';
import { intervalMinutes } from './interval-minutes.js';
import { pairNumbers } from './pair-evidence.js';
import { recommendationId } from './recommendation-id.js';
import { MIN_EPISODES, limitEpisodes } from './rule-backoff-max-msg-rate.js';
import { scopeDomains } from './scope.js';
import { actionablePairs } from './types.js';
import type { Rule, RuleContext } from './types.js';

export const backoffToNormalAfterRule: Rule = {
  id: 'backoff-to-normal-after',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const p of actionablePairs(ctx)) {
      if (p.status === 'ok' || p.status === 'insufficient-data') continue;
      const eps = limitEpisodes(p);
      if (eps.length < MIN_EPISODES) continue;
      const typical = median(eps.map((e) => e.minutes));
      const minutes = Math.min(1440, Math.max(15, roundUpMinutes(typical)));
      const vmta = p.vmta === '' ? null : p.vmta;
      for (const scope of scopeDomains(p.series.domains, ctx.config.macros)) {
        const current = ctx.config.current('backoff-to-normal-after', scope.domain, vmta);
        const now = current ? intervalMinutes(current.value) : null;
        if (now !== null && Number.isFinite(now) && now >= minutes / 1.5 && now <= minutes * 1.5) continue;
        out.push({
          id: recommendationId('backoff-to-normal-after', scope.domain, vmta),
          directive: 'backoff-to-normal-after',
          scope: { domain: scope.domain, virtualMta: vmta },
          current: current?.value ?? null,
          currentSource: current?.source ?? 'unknown',
          suggested: formatInterval(minutes),
          confidence: confidence(evidenceFactor(eps.length, 3), 0.85),
          reason: `${eps.length} throttling episodes of ${p.series.provider} on ${p.series.sourceIp} lasted a median ${Math.round(typical)} minutes`,
          evidence: { ...pairNumbers(p), episodes: eps.length, medianEpisodeMinutes: Math.round(typical), longestEpisodeMinutes: Math.max(...eps.map((e) => e.minutes)) },
          isp: p.series.provider,
          sourceIps: [p.series.sourceIp],
        });
      }
    }
    return out;
  },
};
