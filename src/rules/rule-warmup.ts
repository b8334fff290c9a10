/**
 * The warm-up schedules as PowerMTA's cold-VMTA ramp (docs/methodology.md "Warm-up"):
 * `max-cold-virtual-mta-msg N1/day,N2/day,…` in the `<domain>` of the warm virtual MTA whose
 * `cold-virtual-mta` names the young IP's vmta (the global `<domain>` when the config does not say).
 * PowerMTA sends the first N messages a day per domain to the cold VMTAs of that warm VMTA (round robin),
 * so young IPs behind the same scope add up. It raises the young IPs' share; it lowers nothing.
 */
import type { Recommendation, WarmupPlan } from '../domain/report.js';
import type { PairAnalysis } from '../stats/pair-analysis.js';
import { confidence, evidenceFactor } from './confidence.js';
import { round2 } from './format-values.js';
import { recommendationId } from './recommendation-id.js';
import { scopeDomains } from './scope.js';
import { actionablePairs } from './types.js';
import type { Rule, RuleContext } from './types.js';
import { warmupPlan } from './warmup-plan.js';

interface Part {
  readonly pair: PairAnalysis;
  readonly plan: WarmupPlan;
  readonly share: number;
}

export const warmupRule: Rule = {
  id: 'max-cold-virtual-mta-msg',
  evaluate(ctx: RuleContext): Recommendation[] {
    const groups = new Map<string, { domain: string; warm: string | null; isp: string; parts: Part[] }>();
    for (const p of actionablePairs(ctx)) {
      const plan = warmupPlan(p, ctx.lastTime);
      if (plan === null || plan.basis === undefined) continue;
      const warm = p.vmta === '' ? null : ctx.config.warmVmtaFor(p.vmta);
      for (const scope of scopeDomains(p.series.domains, ctx.config.macros)) {
        const key = `${scope.domain}\u0000${warm ?? ''}`;
        const g = groups.get(key) ?? { domain: scope.domain, warm, isp: p.series.provider, parts: [] };
        g.parts.push({ pair: p, plan, share: scope.share });
        groups.set(key, g);
      }
    }
    const out: Recommendation[] = [];
    for (const g of groups.values()) {
      const days = g.parts[0]!.plan.days.map((_, k) => g.parts.reduce((s, part) => s + part.plan.days[k]!.maxMessages * part.share, 0));
      const value = days.map((n) => `${Math.max(1, round2(n))}/day`).join(',');
      const current = ctx.config.current('max-cold-virtual-mta-msg', g.domain, g.warm);
      const fullDays = Math.min(...g.parts.map((part) => part.pair.days.filter((d) => d.activeHours > 0).length));
      const accLow = Math.min(...g.parts.map((part) => part.plan.basis!.acceptanceLow));
      const ips = g.parts.map((part) => part.pair.series.sourceIp);
      const describe = g.parts
        .map((part) => `${part.pair.series.sourceIp}: ${part.plan.basis!.delivered} accepted on ${part.plan.basis!.date} (${part.plan.basis!.decision}, ×${part.plan.basis!.growth.toFixed(2)}/day)`)
        .join('; ');
      out.push({
        id: recommendationId('max-cold-virtual-mta-msg', g.domain, g.warm),
        directive: 'max-cold-virtual-mta-msg',
        scope: { domain: g.domain, virtualMta: g.warm },
        current: current?.value ?? null,
        currentSource: current?.source ?? 'unknown',
        suggested: value,
        confidence: confidence(evidenceFactor(fullDays, 3), Math.max(0.3, accLow)),
        reason: `${ips.length === 1 ? `${ips[0]} is` : `${ips.length} IPs are`} warming up with ${g.isp}: ${describe}${g.warm === null ? '; goes in the <domain> of the warm VMTA whose cold-virtual-mta they are' : ''}`,
        evidence: { isp: g.isp, sourceIps: ips, plans: g.parts.map((part) => ({ sourceIp: part.pair.series.sourceIp, vmta: part.plan.vmta, share: part.share, basis: part.plan.basis, firstDays: part.plan.days.slice(0, 3) })) },
        isp: g.isp,
        sourceIps: ips,
      });
    }
    return out;
  },
};
