/**
 * `backoff-max-msg-rate` from throttling episodes (docs/methodology.md "Backoff"): while PowerMTA is in
 * backoff the provider is refusing, so send at what it accepted during the episodes: 90% of the pooled
 * rate 60 × Σ delivered / Σ minutes over the pair's rate/reputation episodes after their first minute
 * (which spends the allowance saved up before), never above the pair's safe max-msg-rate, at least 1/h. Only for pairs with at least 2 such episodes; only when lower than
 * the current backoff rate.
 */
import type { Recommendation } from '../domain/report.js';
import { confidence, evidenceFactor } from './confidence.js';
import { MIN_EPISODES, limitEpisodes, pooledEpisodeRate } from './episode-rates.js';
import { formatRatePerHour, ratePerHour, roundDown2 } from './format-values.js';
import { pairNumbers, topResponses } from './pair-evidence.js';
import { recommendationId } from './recommendation-id.js';
import { rateOf } from './rule-max-msg-rate.js';
import { scopeDomains } from './scope.js';
import { actionablePairs } from './types.js';
import type { Rule, RuleContext } from './types.js';

export const BACKOFF_MARGIN = 0.9;

export const backoffMaxMsgRateRule: Rule = {
  id: 'backoff-max-msg-rate',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const p of actionablePairs(ctx)) {
      if (p.status === 'ok' || p.status === 'insufficient-data') continue;
      const eps = limitEpisodes(p);
      if (eps.length < MIN_EPISODES) continue;
      const accepted = pooledEpisodeRate(eps);
      if (accepted === null) continue;
      const safe = rateOf(p);
      const capped = safe !== null && safe < BACKOFF_MARGIN * accepted;
      const perIp = Math.max(1, capped ? safe : BACKOFF_MARGIN * accepted);
      const vmta = p.vmta === '' ? null : p.vmta;
      for (const scope of scopeDomains(p.series.domains, ctx.config.macros)) {
        const v = roundDown2(Math.max(1, perIp * scope.share));
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
          confidence: confidence(evidenceFactor(eps.length, 3), 0.9),
          reason: `during ${eps.length} throttling episodes (${eps.reduce((s, e) => s + e.minutes, 0)} minutes) ${p.series.provider} accepted ${Math.round(accepted)}/h from ${p.series.sourceIp}${
            capped ? `, more than the safe max-msg-rate ${formatRatePerHour(safe)}: backoff stays at that` : '; more than that in backoff only collects deferrals'
          }`,
          evidence: {
            ...pairNumbers(p),
            episodes: eps.length,
            episodeMinutes: eps.reduce((s, e) => s + e.minutes, 0),
            acceptedPerHourInEpisodes: Math.round(accepted),
            share: scope.share,
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
