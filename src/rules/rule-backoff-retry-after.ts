/**
 * `backoff-retry-after` from episodes (docs/methodology.md "Backoff"): how long the provider typically
 * accepts nothing inside an episode (median of each episode's longest stretch without a delivery),
 * rounded up, between 5 minutes and 2 hours. Retrying sooner only collects deferrals; much later
 * wastes what the provider would accept. Only when it differs from the current value by ≥ 50%.
 */
import { median } from 'simple-statistics';
import type { Recommendation } from '../domain/report.js';
import { confidence, evidenceFactor } from './confidence.js';
import { formatInterval, roundUpMinutes } from './format-values.js';
import { pairNumbers } from './pair-evidence.js';
import { recommendationId } from './recommendation-id.js';
import { scopeDomains } from './scope.js';
import { MIN_EPISODES, limitEpisodes } from './rule-backoff-max-msg-rate.js';
import { actionablePairs } from './types.js';
import type { Rule, RuleContext } from './types.js';
import { intervalMinutes } from './interval-minutes.js';

export const backoffRetryAfterRule: Rule = {
  id: 'backoff-retry-after',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const p of actionablePairs(ctx)) {
      if (p.status === 'ok' || p.status === 'insufficient-data') continue;
      const eps = limitEpisodes(p);
      if (eps.length < MIN_EPISODES) continue;
      const silence = median(eps.map((e) => e.longestSilenceMinutes));
      const minutes = Math.min(120, Math.max(5, roundUpMinutes(silence)));
      const vmta = p.vmta === '' ? null : p.vmta;
      for (const scope of scopeDomains(p.series.domains, ctx.config.macros)) {
        const current = ctx.config.current('backoff-retry-after', scope.domain, vmta);
        const now = current ? intervalMinutes(current.value) : null;
        if (now !== null && now >= minutes / 1.5 && now <= minutes * 1.5) continue;
        out.push({
          id: recommendationId('backoff-retry-after', scope.domain, vmta),
          directive: 'backoff-retry-after',
          scope: { domain: scope.domain, virtualMta: vmta },
          current: current?.value ?? null,
          currentSource: current?.source ?? 'unknown',
          suggested: formatInterval(minutes),
          confidence: confidence(evidenceFactor(eps.length, 3), 0.85),
          reason: `inside ${eps.length} episodes ${p.series.provider} typically accepted nothing from ${p.series.sourceIp} for ${Math.round(silence)} minutes at a stretch`,
          evidence: { ...pairNumbers(p), episodes: eps.length, medianSilenceMinutes: Math.round(silence) },
          isp: p.series.provider,
          sourceIps: [p.series.sourceIp],
        });
      }
    }
    return out;
  },
};
