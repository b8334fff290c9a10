/**
 * The warm-up schedule of a young IP for one provider, next 14 days (docs/methodology.md "Warm-up"):
 * - day 1 starts from what the provider accepted on the last full day: grows by the daily factor when
 *   that day's acceptance cleared the bar (Wilson lower bound ≥ 95%) without throttled hours; holds
 *   when it was throttled but acceptance stayed ≥ 80%; steps back 25% below that; held or stepped-back
 *   values never exceed 85% of the measured hourly limit × sending hours;
 * - the growth factor is the fitted daily growth of the measured limit, else of the accepted volume
 *   (each only with r² ≥ 0.6), else 1.3 (the published ramps grow 1.3–1.4×/day), kept within 1.1–1.5;
 * - following days grow by that factor (rerun daily: a throttled day resets the plan);
 * - the per-hour rate spreads a day's cap over the IP's usual sending hours.
 */
import { median } from 'simple-statistics';
import type { WarmupPlan } from '../domain/report.js';
import { DAY_MS, EVIDENCE } from '../stats/evidence.js';
import type { PairAnalysis } from '../stats/pair-analysis.js';
import { wilsonInterval } from '../stats/wilson.js';
import { YOUNG_MIN_R2 } from '../stats/warmup-trend.js';
import { round2 } from './format-values.js';

export const PLAN_DAYS = 14;
export const GROW_BAR = 0.95;
export const HOLD_BAR = 0.8;
export const STEP_BACK = 0.75;
export const PRIOR_GROWTH = 1.3;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function growthFactor(p: PairAnalysis): number {
  const { limitGrowth, deliveredGrowth } = p.trend;
  const fit = limitGrowth !== null && limitGrowth.r2 >= YOUNG_MIN_R2 ? limitGrowth : deliveredGrowth !== null && deliveredGrowth.r2 >= YOUNG_MIN_R2 ? deliveredGrowth : null;
  const g = fit?.factor ?? PRIOR_GROWTH;
  return Math.min(1.5, Math.max(1.1, g));
}

export function warmupPlan(p: PairAnalysis, lastTime: number): WarmupPlan | null {
  if (!p.trend.young) return null;
  const active = p.days.filter((d) => d.activeHours > 0);
  if (active.length === 0) return null;
  const typicalHours = median(active.map((d) => d.activeHours));
  const full = active.filter((d) => d.activeHours >= 0.75 * typicalHours);
  const base = full[full.length - 1] ?? active[active.length - 1]!;
  if (base.ipAttempts < EVIDENCE.minAttempts) return null;
  const sendingHours = Math.max(1, Math.round(median(full.length > 0 ? full.map((d) => d.activeHours) : [typicalHours])));
  const [accLow] = wilsonInterval(base.delivered, base.ipAttempts);
  const throttled = base.throttledHours > 0;
  const growth = growthFactor(p);
  const decision = accLow >= GROW_BAR && !throttled ? 'grow' : accLow >= HOLD_BAR ? 'hold' : 'step-back';
  let day1 = decision === 'grow' ? base.delivered * growth : decision === 'hold' ? base.delivered : base.delivered * STEP_BACK;
  const est = p.limit.method === 'saturated' ? p.limit.estimate : null;
  if (decision !== 'grow' && est !== null) day1 = Math.min(day1, 0.85 * est * sendingHours);
  day1 = Math.max(1, day1);
  const firstDay = Math.floor(p.trend.firstSeen / DAY_MS) * DAY_MS;
  const startDay = Math.floor(lastTime / DAY_MS) * DAY_MS + DAY_MS;
  const days = Array.from({ length: PLAN_DAYS }, (_, k) => {
    const maxMessages = Math.max(1, round2(day1 * growth ** k));
    const date = startDay + k * DAY_MS;
    return { day: Math.round((date - firstDay) / DAY_MS) + 1, date: isoDay(date), maxMessages, perHour: Math.ceil(maxMessages / sendingHours) };
  });
  return {
    sourceIp: p.series.sourceIp,
    vmta: p.vmta === '' ? null : p.vmta,
    isp: p.series.provider,
    firstSeen: new Date(p.trend.firstSeen).toISOString(),
    days,
    basis: {
      decision,
      date: isoDay(base.day),
      delivered: base.delivered,
      acceptanceRate: base.ipAttempts > 0 ? base.delivered / base.ipAttempts : null,
      acceptanceLow: accLow,
      throttledHours: base.throttledHours,
      growth,
      sendingHours,
    },
    coldVirtualMtaMsg: days.map((d) => `${d.maxMessages}/day`).join(','),
  };
}
