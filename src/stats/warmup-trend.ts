/**
 * Warm-up trend of a pair (docs/methodology.md "Warm-up trend"): log-linear fits of the daily accepted
 * volume and of the daily median measured limit over the days, and whether the IP is young.
 *
 * Young: the IP's first record comes more than an hour after the input starts (we saw it begin) and it
 * is at most 30 days old, or the provider's measured limit for it grows by at least 10% a day with
 * r² ≥ 0.6 over at least `minTrendDays` days (a growing allowance is what warm-up is; growing volume
 * alone may be the sender's own schedule). Youth belongs to the IP (see pair-analysis.ts). Days with fewer than 75% of the median active hours (the cut first
 * and last day of an input) are left out of the fits.
 */
import { median } from 'simple-statistics';
import { DAY_MS, EVIDENCE, HOUR_MS } from './evidence.js';
import type { DayCounts } from './hour-series.js';
import type { Sample } from './hourly-limit.js';
import { fitGrowth } from './log-linear-fit.js';
import type { GrowthFit } from './log-linear-fit.js';

export interface WarmupTrend {
  /** First record of the IP (any provider), epoch ms. */
  readonly firstSeen: number;
  readonly young: boolean;
  readonly deliveredGrowth: GrowthFit | null;
  readonly limitGrowth: GrowthFit | null;
}

export const YOUNG_MAX_AGE_DAYS = 30;
export const YOUNG_MIN_GROWTH = 1.1;
export const YOUNG_MIN_R2 = 0.6;

export function warmupTrend(
  days: readonly DayCounts[],
  samples: readonly Sample[],
  ipFirstSeen: number,
  inputStart: number,
  lastSeen: number,
): WarmupTrend {
  const full = fullDays(days);
  const t0 = full[0]?.day ?? 0;
  const deliveredGrowth =
    full.length >= EVIDENCE.minTrendDays ? fitGrowth(full.map((d) => ({ t: (d.day - t0) / DAY_MS, y: d.delivered }))) : null;
  const byDay = new Map<number, number[]>();
  for (const s of samples) {
    const day = Math.floor(s.hour / DAY_MS) * DAY_MS;
    const list = byDay.get(day) ?? [];
    list.push(s.value);
    byDay.set(day, list);
  }
  const limitPoints = [...byDay.entries()]
    .filter(([, v]) => v.length >= 2)
    .sort((a, b) => a[0] - b[0])
    .map(([day, v]) => ({ t: (day - t0) / DAY_MS, y: median(v) }));
  const limitGrowth = limitPoints.length >= EVIDENCE.minTrendDays ? fitGrowth(limitPoints) : null;
  const ageDays = (lastSeen - ipFirstSeen) / DAY_MS;
  const startedInInput = ipFirstSeen > inputStart + HOUR_MS;
  const growing = limitGrowth !== null && limitGrowth.factor >= YOUNG_MIN_GROWTH && limitGrowth.r2 >= YOUNG_MIN_R2;
  const young = ageDays <= YOUNG_MAX_AGE_DAYS && (startedInInput || growing);
  return { firstSeen: ipFirstSeen, young, deliveredGrowth, limitGrowth };
}

function fullDays(days: readonly DayCounts[]): DayCounts[] {
  const active = days.filter((d) => d.activeHours > 0);
  if (active.length === 0) return [];
  const typical = median(active.map((d) => d.activeHours));
  return active.filter((d) => d.activeHours >= 0.75 * typical);
}
