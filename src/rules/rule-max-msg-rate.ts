/**
 * `max-msg-rate` per virtual MTA and domain (docs/methodology.md "max-msg-rate"):
 * - lower it for a pair the provider throttled in the period (rate or reputation class) with a
 *   measured hourly limit: 85% of the estimate, but not above the interval's lower end, and never
 *   below 70% of the estimate; a vmta sending from k IPs (round robin) gets k × the smallest;
 * - raise it when the config's own rate is what binds: over the period the IP was not throttled,
 *   at least 3 hours reached 90% of the configured rate, and acceptance stayed ≥ 98% (Wilson lower
 *   bound): to 85% of a measured limit above it, else by 25% (a probe, rerun after a day).
 * Values are split across the pair's `<domain>` scopes by traffic share.
 */
import type { Recommendation } from '../domain/report.js';
import { EVIDENCE, HOUR_MS } from '../stats/evidence.js';
import { classQualifies } from '../stats/binding.js';
import type { PairAnalysis } from '../stats/pair-analysis.js';
import { RATE, REPUTATION } from '../stats/signal-classes.js';
import { wilsonInterval } from '../stats/wilson.js';
import { confidence, evidenceFactor, precisionFactor } from './confidence.js';
import { formatRatePerHour, ratePerHour, roundDown2 } from './format-values.js';
import { pairNumbers, topResponses } from './pair-evidence.js';
import { recommendationId } from './recommendation-id.js';
import { scopeDomains } from './scope.js';
import { actionablePairs } from './types.js';
import type { Rule, RuleContext } from './types.js';

export const RATE_MARGIN = 0.85;
export const RATE_FLOOR = 0.7;
export const RAISE_STEP = 1.25;

/** Safe hourly rate for one IP from its measured limit, or null when there is none. */
export function safeRate(p: PairAnalysis): number | null {
  const l = p.limit;
  if (l.method !== 'saturated' || l.estimate === null || l.low === null) return null;
  return Math.min(RATE_MARGIN * l.estimate, Math.max(l.low, RATE_FLOOR * l.estimate));
}

/**
 * Fallback when the refusals cleared the floor but the saturated time is too short to measure the
 * limit: the busiest hour the provider accepted without refusing anything (a lower bound of what it
 * accepts, so no further margin), else, when every hour was throttled, the mean accepted per throttled
 * hour (at least 1/h); at lower confidence.
 */
export function peakRate(p: PairAnalysis): number | null {
  const l = p.limit;
  if (l.method !== 'insufficient' || l.throttledHours === 0 || l.activeHours < EVIDENCE.minActiveHours) return null;
  if (l.maxUnthrottledHour >= 1) return l.maxUnthrottledHour;
  return Math.max(1, l.meanThrottledHour);
}

export function rateOf(p: PairAnalysis): number | null {
  return safeRate(p) ?? peakRate(p);
}

function throttledByLimit(p: PairAnalysis): boolean {
  return classQualifies(p.recent, RATE) || classQualifies(p.recent, REPUTATION);
}

export const maxMsgRateRule: Rule = {
  id: 'max-msg-rate',
  evaluate(ctx: RuleContext): Recommendation[] {
    const out: Recommendation[] = [];
    const groups = new Map<string, PairAnalysis[]>();
    for (const p of actionablePairs(ctx)) {
      const key = `${p.series.provider}\u0000${p.vmta}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const group of groups.values()) {
      const lowered = lowerRecs(ctx, group);
      out.push(...(lowered.length > 0 ? lowered : group.flatMap((p) => raiseRecs(ctx, p))));
    }
    return out;
  },
};

function lowerRecs(ctx: RuleContext, group: readonly PairAnalysis[]): Recommendation[] {
  const throttled = group.filter((p) => throttledByLimit(p) && rateOf(p) !== null);
  if (throttled.length === 0) return [];
  const lead = throttled.reduce((a, b) => (rateOf(a)! <= rateOf(b)! ? a : b));
  const perIp = rateOf(lead)!;
  const measured = safeRate(lead) !== null;
  const ips = group.length;
  const vmtaRate = perIp * ips;
  const vmta = lead.vmta === '' ? null : lead.vmta;
  const l = lead.limit;
  const out: Recommendation[] = [];
  for (const scope of scopeDomains(lead.series.domains, ctx.config.macros)) {
    const value = roundDown2(vmtaRate * scope.share);
    const current = ctx.config.current('max-msg-rate', scope.domain, vmta);
    const currentPerHour = current ? ratePerHour(current.value) : null;
    if (currentPerHour !== null && currentPerHour <= value) continue;
    out.push({
      id: recommendationId('max-msg-rate', scope.domain, vmta),
      directive: 'max-msg-rate',
      scope: { domain: scope.domain, virtualMta: vmta },
      current: current?.value ?? null,
      currentSource: current?.source ?? 'unknown',
      suggested: formatRatePerHour(value),
      confidence: measured
        ? confidence(evidenceFactor(l.measurementHours, 2), precisionFactor(l.estimate!, l.low!, l.high!))
        : confidence(evidenceFactor(l.throttledHours, 3), 0.5),
      reason: `${
        measured
          ? `${lead.series.provider} accepted ~${l.estimate}/h (${l.low}–${l.high}) from ${lead.series.sourceIp} while throttling it`
          : l.maxUnthrottledHour >= 1
            ? `${lead.series.provider} throttled ${lead.series.sourceIp} in ${l.throttledHours} hours (too briefly to measure its limit) and accepted at most ${l.maxUnthrottledHour} in an hour without refusing`
            : `${lead.series.provider} throttled ${lead.series.sourceIp} in every hour and let through ${l.meanThrottledHour.toFixed(1)} an hour on average`
      }; ${formatRatePerHour(value)} keeps ${ips > 1 ? `each of ${ips} IPs` : 'the IP'} below that${scope.share < 1 ? ` (${Math.round(scope.share * 100)}% of the traffic goes to ${scope.domain})` : ''}`,
      evidence: {
        ...pairNumbers(lead),
        hourlyLimit: { estimate: l.estimate, low: l.low, high: l.high, method: l.method, measurementHours: l.measurementHours, spanMinutes: l.spanMinutes, coverage: l.coverage },
        busiestUnthrottledHour: l.maxUnthrottledHour,
        meanThrottledHour: Math.round(l.meanThrottledHour * 10) / 10,
        throttledHours: l.throttledHours,
        ipsInVmta: ips,
        share: scope.share,
        topResponses: topResponses(ctx.responses, lead.series.provider, lead.series.sourceIp, ['rate', 'reputation']),
      },
      isp: lead.series.provider,
      sourceIps: group.map((p) => p.series.sourceIp),
    });
  }
  return out;
}

function raiseRecs(ctx: RuleContext, p: PairAnalysis): Recommendation[] {
  if (!ctx.config.fromConfig || p.status !== 'ok') return [];
  const scopes = scopeDomains(p.series.domains, ctx.config.macros);
  if (scopes.length !== 1) return [];
  const scope = scopes[0]!;
  const vmta = p.vmta === '' ? null : p.vmta;
  const current = ctx.config.current('max-msg-rate', scope.domain, vmta);
  if (!current || current.source !== 'config') return [];
  const configured = ratePerHour(current.value);
  if (configured === null || !Number.isFinite(configured)) return [];
  const recentHours = p.hours.filter((h) => h.hour > p.recent.from - HOUR_MS);
  const atCap = recentHours.filter((h) => h.attempts >= 0.9 * configured).length;
  const [accLow] = wilsonInterval(p.recent.delivered, p.recent.ipAttempts);
  if (atCap < 3 || accLow < 0.98) return [];
  const measured = safeRate(p);
  const target = measured !== null && measured > configured ? measured : configured * RAISE_STEP;
  const value = roundDown2(target);
  if (value <= configured) return [];
  return [
    {
      id: recommendationId('max-msg-rate', scope.domain, vmta),
      directive: 'max-msg-rate',
      scope: { domain: scope.domain, virtualMta: vmta },
      current: current.value,
      currentSource: current.source,
      suggested: formatRatePerHour(value),
      confidence: confidence(evidenceFactor(atCap, 3), measured !== null ? 0.9 : 0.7),
      reason:
        measured !== null
          ? `your own ${current.value} binds: ${p.series.provider} has accepted ~${p.limit.estimate}/h from ${p.series.sourceIp}`
          : `your own ${current.value} binds (${atCap} hours at it) and ${p.series.provider} accepted ${(accLow * 100).toFixed(1)}%+ without pushing back: probe 25% higher`,
      evidence: { ...pairNumbers(p), hoursAtConfiguredRate: atCap, recentAcceptanceLow: accLow, hourlyLimit: { estimate: p.limit.estimate, low: p.limit.low, high: p.limit.high, censored: p.limit.censored } },
      isp: p.series.provider,
      sourceIps: [p.series.sourceIp],
    },
  ];
}
