/**
 * Invalid recipient domains (docs/methodology.md "Invalid domains"):
 * - `bounce-upon-no-mx yes` in `<domain *>` when domains without MX or DNS took at least 10 tries and
 *   the config does not already bounce them;
 * - `max-smtp-out 1` for each invalid domain whose connections failed (tq rows) at least 10 times, so
 *   it holds one connection slot instead of twenty while it waits to expire.
 * The list itself goes into the report's invalidDomains.
 */
import type { Recommendation } from '../domain/report.js';
import { EVIDENCE } from '../stats/evidence.js';
import { confidence, evidenceFactor } from './confidence.js';
import { intValue } from './format-values.js';
import { recommendationId } from './recommendation-id.js';
import type { Rule, RuleContext } from './types.js';

export const MIN_INVALID_TRIES = 10;

export const bounceUponNoMxRule: Rule = {
  id: 'bounce-upon-no-mx',
  evaluate(ctx: RuleContext): Recommendation[] {
    const dns = ctx.invalidDomains.filter((d) => d.kind !== 'typo' && d.invalidSignals > 0);
    const tries = dns.reduce((s, d) => s + d.attempts, 0);
    if (dns.length === 0 || tries < MIN_INVALID_TRIES) return [];
    const current = ctx.config.current('bounce-upon-no-mx', '*', null);
    if (current && /^(yes|true|\d)/i.test(current.value.trim())) return [];
    return [
      {
        id: recommendationId('bounce-upon-no-mx', '*', null),
        directive: 'bounce-upon-no-mx',
        scope: { domain: '*', virtualMta: null },
        current: current?.value ?? null,
        currentSource: current?.source ?? 'unknown',
        suggested: 'yes',
        confidence: confidence(evidenceFactor(tries, 20), 0.9),
        reason: `${dns.length} recipient domain${dns.length === 1 ? '' : 's'} without MX or DNS took ${tries} tries and never delivered; bounce them at once instead of retrying until bounce-after`,
        evidence: { domains: dns.slice(0, 10).map((d) => ({ domain: d.domain, attempts: d.attempts, reason: d.reason })), totalTries: tries },
      },
    ];
  },
};

export const invalidDomainConnectionsRule: Rule = {
  id: 'invalid-domain-max-smtp-out',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const d of ctx.invalidDomains) {
      if (d.queueFailures < Math.max(MIN_INVALID_TRIES, EVIDENCE.minClassSignals)) continue;
      const current = ctx.config.current('max-smtp-out', d.domain, null);
      const now = intValue(current?.value) ?? 20;
      if (now <= 1) continue;
      out.push({
        id: recommendationId('max-smtp-out', d.domain, null),
        directive: 'max-smtp-out',
        scope: { domain: d.domain, virtualMta: null },
        current: current?.value ?? null,
        currentSource: current?.source ?? 'unknown',
        suggested: '1',
        confidence: confidence(evidenceFactor(d.queueFailures, 20), 0.9),
        reason: `${d.domain}: ${d.queueFailures} failed connections and no delivery (${d.reason}); one connection is enough to find out`,
        evidence: { domain: d.domain, attempts: d.attempts, queueFailures: d.queueFailures, kind: d.kind, typoOf: d.typoOf },
      });
    }
    return out;
  },
};
