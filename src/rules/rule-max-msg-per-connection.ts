/**
 * `max-msg-per-connection` from per-connection refusals (docs/methodology.md "max-msg-per-connection"):
 * the lower end of the measured session cap (Wilson bound on the refusal share), for each pair whose
 * per-connection refusals clear the floor over the period. Skipped when the configured value is
 * already at or below it.
 */
import type { Recommendation } from '../domain/report.js';
import { classQualifies } from '../stats/binding.js';
import { PER_CONNECTION } from '../stats/signal-classes.js';
import { confidence, evidenceFactor, precisionFactor } from './confidence.js';
import { intValue } from './format-values.js';
import { pairNumbers, topResponses } from './pair-evidence.js';
import { recommendationId } from './recommendation-id.js';
import { scopeDomains } from './scope.js';
import { actionablePairs } from './types.js';
import type { Rule, RuleContext } from './types.js';

export const maxMsgPerConnectionRule: Rule = {
  id: 'max-msg-per-connection',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const p of actionablePairs(ctx)) {
      const cap = p.perConnectionCap;
      if (cap === null || !classQualifies(p.recent, PER_CONNECTION)) continue;
      const vmta = p.vmta === '' ? null : p.vmta;
      const published = ctx.providers.get(p.series.provider)?.limits.perConnection ?? null;
      const usePublished = published !== null && published < cap.low;
      const value = usePublished ? published : cap.low;
      for (const scope of scopeDomains(p.series.domains, ctx.config.macros)) {
        const current = ctx.config.current('max-msg-per-connection', scope.domain, vmta);
        const now = intValue(current?.value);
        if (now !== null && now > 0 && now <= value) continue;
        out.push({
          id: recommendationId('max-msg-per-connection', scope.domain, vmta),
          directive: 'max-msg-per-connection',
          scope: { domain: scope.domain, virtualMta: vmta },
          current: current?.value ?? null,
          currentSource: current?.source ?? 'unknown',
          suggested: String(value),
          confidence: confidence(evidenceFactor(cap.refusals, 20), usePublished ? 0.9 : precisionFactor(cap.estimate, cap.low, cap.high)),
          reason: `${cap.refusals} messages from ${p.series.sourceIp} refused as one too many in a session; in the busiest hours 1 in ${cap.estimate + 1}, so ${p.series.provider} takes at most ~${cap.estimate} per session${usePublished ? `, and publishes ${published}` : ''}`,
          evidence: {
            ...pairNumbers(p),
            sessionCap: cap,
            publishedCap: published,
            topResponses: topResponses(ctx.responses, p.series.provider, p.series.sourceIp, ['per-connection']),
          },
          isp: p.series.provider,
          sourceIps: [p.series.sourceIp],
        });
      }
    }
    return out;
  },
};
