/**
 * `max-smtp-out` from connection-class refusals (docs/methodology.md "max-smtp-out"). Accounting files
 * do not record how many connections were open, so the cap cannot be measured, only shown to be
 * exceeded. The suggestion is the provider's published per-IP cap when the provider model has one
 * below the current value; otherwise half the current value (a multiplicative decrease: rerun after a
 * day and it halves again while refusals continue). Always split by domain and traffic share (never a
 * domain macro): PowerMTA limits each domain's queue, the provider counts connections per IP, so the
 * per-domain values must add up to the cap.
 */
import type { Recommendation } from '../domain/report.js';
import { classQualifies } from '../stats/binding.js';
import { CONNECTIONS } from '../stats/signal-classes.js';
import { confidence, evidenceFactor } from './confidence.js';
import { intValue } from './format-values.js';
import { pairNumbers, topResponses } from './pair-evidence.js';
import { recommendationId } from './recommendation-id.js';
import { scopeDomains } from './scope.js';
import { actionablePairs } from './types.js';
import type { Rule, RuleContext } from './types.js';

export const maxSmtpOutRule: Rule = {
  id: 'max-smtp-out',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const p of actionablePairs(ctx)) {
      if (!classQualifies(p.recent, CONNECTIONS)) continue;
      const published = ctx.providers.get(p.series.provider)?.limits.connections ?? null;
      const vmta = p.vmta === '' ? null : p.vmta;
      const refusals = p.recent.signals[CONNECTIONS] ?? 0;
      for (const scope of scopeDomains(p.series.domains, ctx.config.macros, { perQueue: true })) {
        const current = ctx.config.current('max-smtp-out', scope.domain, vmta);
        const now = intValue(current?.value) ?? 20;
        const usePublished = published !== null && published < now;
        const base = usePublished ? published : Math.floor(now / 2);
        const value = Math.max(1, Math.floor(base * scope.share));
        if (value >= now) continue;
        out.push({
          id: recommendationId('max-smtp-out', scope.domain, vmta),
          directive: 'max-smtp-out',
          scope: { domain: scope.domain, virtualMta: vmta },
          current: current?.value ?? null,
          currentSource: current?.source ?? 'unknown',
          suggested: String(value),
          confidence: confidence(evidenceFactor(refusals, 20), usePublished ? 0.9 : 0.7),
          reason: `${refusals} connections from ${p.series.sourceIp} refused by ${p.series.provider} as too many: ${
            usePublished ? `its published cap is ${published} per IP` : `halve ${now} (the logs cannot show the cap; rerun tomorrow)`
          }${scope.share < 1 ? `, ${Math.round(scope.share * 100)}% of it for ${scope.domain}` : ''}`,
          evidence: {
            ...pairNumbers(p),
            refusedConnections: refusals,
            publishedCap: published,
            share: scope.share,
            topResponses: topResponses(ctx.responses, p.series.provider, p.series.sourceIp, ['connections']),
          },
          isp: p.series.provider,
          sourceIps: [p.series.sourceIp],
        });
      }
    }
    return out;
  },
};
