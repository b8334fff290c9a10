/**
 * The warm-up schedule as PowerMTA's cold-VMTA ramp (docs/methodology.md "Warm-up"):
 * `max-cold-virtual-mta-msg N1/day,N2/day,…` in the `<domain>` of the warm virtual MTA whose
 * `cold-virtual-mta` names the young IP's vmta (the global `<domain>` when the config does not say).
 * It routes the first N messages a day to the young IP: it raises that IP's share, it lowers nothing.
 */
import type { Recommendation } from '../domain/report.js';
import { confidence, evidenceFactor } from './confidence.js';
import { round2 } from './format-values.js';
import { pairNumbers } from './pair-evidence.js';
import { recommendationId } from './recommendation-id.js';
import { scopeDomains } from './scope.js';
import { actionablePairs } from './types.js';
import type { Rule, RuleContext } from './types.js';
import { warmupPlan } from './warmup-plan.js';

export const warmupRule: Rule = {
  id: 'max-cold-virtual-mta-msg',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    for (const p of actionablePairs(ctx)) {
      const plan = warmupPlan(p, ctx.lastTime);
      if (plan === null || plan.basis === undefined) continue;
      const warm = p.vmta === '' ? null : ctx.config.warmVmtaFor(p.vmta);
      const fullDays = p.days.filter((d) => d.activeHours > 0).length;
      for (const scope of scopeDomains(p.series.domains, ctx.config.macros)) {
        const value = plan.days.map((d) => `${Math.max(1, round2(d.maxMessages * scope.share))}/day`).join(',');
        const current = ctx.config.current('max-cold-virtual-mta-msg', scope.domain, warm);
        const b = plan.basis;
        out.push({
          id: recommendationId('max-cold-virtual-mta-msg', scope.domain, warm, p.series.sourceIp),
          directive: 'max-cold-virtual-mta-msg',
          scope: { domain: scope.domain, virtualMta: warm },
          current: current?.value ?? null,
          currentSource: current?.source ?? 'unknown',
          suggested: value,
          confidence: confidence(evidenceFactor(fullDays, 3), Math.max(0.3, b.acceptanceLow)),
          reason: `${p.series.sourceIp} (${p.vmta || 'vmta unknown'}) is warming up with ${p.series.provider}: ${b.delivered} accepted on ${b.date} (${b.decision}), then ×${b.growth.toFixed(2)}/day${warm === null ? '; put it in the <domain> of the warm VMTA whose cold-virtual-mta is this one' : ''}`,
          evidence: { ...pairNumbers(p), basis: b, days: plan.days.slice(0, 3) },
          isp: p.series.provider,
          sourceIps: [p.series.sourceIp],
        });
      }
    }
    return out;
  },
};
