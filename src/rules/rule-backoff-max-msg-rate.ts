/**
 * `backoff-max-msg-rate` from throttling episodes (docs/methodology.md "Backoff"): while PowerMTA is in
 * backoff the provider is refusing, so send at what it accepted during the episodes: the median over
 * rate/reputation episodes of 60 × delivered / minutes, 90% of it, at least 1/h. Only for pairs with at
 * least 2 such episodes; only when lower than the current backoff rate.
 */
import { median } from 'simple-statistics';
import type { Recommendation } from '../domain/report.js';
import type { Episode } from '../stats/episodes.js';
import type { PairAnalysis } from '../stats/pair-analysis.js';
import { confidence, evidenceFactor } from './confidence.js';
import { formatRatePerHour, ratePerHour, roundDown2 } from './format-values.js';
import { pairNumbers, topResponses } from './pair-evidence.js';
import { recommendationId } from './recommendation-id.js';
import { scopeDomains } from './scope.js';
import { actionablePairs } from './types.js';
import type { Rule, RuleContext } from './types.js';

export const MIN_EPISODES = 2;
export const BACKOFF_MARGIN = 0.9;

export function limitEpisodes(p: PairAnalysis): Episode[] {
  return p.episodes.filter((e) => e.class === 'rate' || e.class === 'reputation');
}

export const backoffMaxMsgRateRule: Rule = {
  id: 'backoff-max-msg-rate',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const p of actionablePairs(ctx)) {
      if (p.status === 'ok' || p.status === 'insufficient-data') continue;
      const eps = limitEpisodes(p);
      if (eps.length < MIN_EPISODES) continue;
      const accepted = median(eps.map((e) => (60 * e.delivered) / Math.max(e.minutes, 1)));
      const value = roundDown2(Math.max(1, BACKOFF_MARGIN * accepted));
      const vmta = p.vmta === '' ? null : p.vmta;
      for (const scope of scopeDomains(p.series.domains, ctx.config.macros)) {
        const v = roundDown2(Math.max(1, value * scope.share));
        const current = ctx.config.current('backoff-max-msg-rate', scope.domain, vmta);
        const now = current ? ratePerHour(current.value) : null;
        if (now !== null && now <= v) continue;
        out.push({
          id: recommendationId('backoff-max-msg-rate', scope.domain, vmta),
          directive: 'backoff-max-msg-rate',
          scope: { domain: scope.domain, virtualMta: vmta },
          current: current?.value ?? null,
          currentSource: current?.source ?? 'unknown',
          suggested: formatRatePerHour(v),
          confidence: confidence(evidenceFactor(eps.length, 3)),
          reason: `during ${eps.length} throttling episodes ${p.series.provider} accepted a median ${Math.round(accepted)}/h from ${p.series.sourceIp}; more than that in backoff only collects deferrals`,
          evidence: {
            ...pairNumbers(p),
            episodes: eps.length,
            acceptedPerHourInEpisodes: Math.round(accepted),
            topResponses: topResponses(ctx.responses, p.series.provider, p.series.sourceIp, ['rate', 'reputation']),
          },
          isp: p.series.provider,
          sourceIps: [p.series.sourceIp],
        });
      }
    }
    return out;
  },
};
