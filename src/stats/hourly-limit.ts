/**
 * The provider's effective hourly limit for one IP (docs/methodology.md "Hourly limit").
 *
 * Measurement hours are throttled hours (rate/reputation refusals) that are not pauses and carry
 * saturated segments (see hour-series.ts); hour h gives x_h = 60 × D_h / M_h, the messages accepted
 * per hour while the provider was refusing. The current window is the last day with measurement hours,
 * extended a day at a time into the past until its segments add up to `targetSpanMinutes` (older days
 * projected forward by the daily growth factor of a warming IP). Hours below half the window's upper
 * quartile are dropped (a pause not labelled as one, an allowance that overflowed). The estimate is the
 * pooled rate 60 × ΣD / ΣM; the interval is the union of the distribution-free interval of the median
 * of the x_h and the Poisson interval of the pooled count. Floor: `minSaturatedHours` hours whose
 * segments add up to `minSaturatedSpanMinutes` with `minSaturatedDelivered` messages accepted in them. Without any throttled hour the limit is censored: the
 * provider accepted at least the most it was given in one hour.
 */
import { quantileSorted } from 'simple-statistics';
import type { HourlyLimitEstimate } from '../domain/report.js';
import { DAY_MS, EVIDENCE } from './evidence.js';
import { hourIsPaused, hourIsThrottled } from './hour-series.js';
import type { HourCounts } from './hour-series.js';
import { medianInterval } from './median-interval.js';
import { limitSignals } from './signal-classes.js';

export type LimitMethod = 'saturated' | 'censored' | 'insufficient';

export interface LimitEstimate extends HourlyLimitEstimate {
  readonly method: LimitMethod;
  /** Measurement hours behind the estimate (after trimming). */
  readonly measurementHours: number;
  /** Minutes of saturated segments behind the estimate. */
  readonly spanMinutes: number;
  /** Hours with attempts. */
  readonly activeHours: number;
  readonly throttledHours: number;
  readonly pausedHours: number;
  /** Coverage of the order-statistic part of [low, high] (null when not saturated). */
  readonly coverage: number | null;
  /** First and last hour of the window the estimate comes from (epoch ms). */
  readonly windowStart: number | null;
  readonly windowEnd: number | null;
  /** Largest number delivered in one hour within the last 7 days. */
  readonly maxHourDelivered: number;
  /** Largest number delivered in one hour without a rate/reputation refusal (last 7 days). */
  readonly maxUnthrottledHour: number;
  /** Mean delivered per throttled hour (last 7 days): what got through while the provider refused. */
  readonly meanThrottledHour: number;
}

export interface LimitOptions {
  /** Daily growth factor of the limit for a warming IP (1 = none). */
  readonly growth?: number;
}

export interface Sample {
  readonly hour: number;
  /** Accepted while saturated, and the saturated minutes (projected by growth when older). */
  readonly delivered: number;
  readonly minutes: number;
  /** Messages per hour accepted while saturated: 60 × delivered / minutes. */
  readonly value: number;
}

/** One sample per measurement hour: throttled, not a pause, with saturated segments. */
export function measurementSamples(hours: readonly HourCounts[]): Sample[] {
  return hours
    .filter((h) => h.spanMinutes > 0 && hourIsThrottled(h) && !hourIsPaused(h))
    .map((h) => ({ hour: h.hour, delivered: h.spanDelivered, minutes: h.spanMinutes, value: (60 * h.spanDelivered) / h.spanMinutes }));
}

export function estimateHourlyLimit(hours: readonly HourCounts[], options: LimitOptions = {}): LimitEstimate {
  let activeHours = 0;
  let throttledHours = 0;
  let pausedHours = 0;
  for (const h of hours) {
    if (h.attempts > 0) activeHours += 1;
    if (hourIsThrottled(h)) {
      throttledHours += 1;
      if (hourIsPaused(h)) pausedHours += 1;
    }
  }
  const lastHour = hours.length > 0 ? hours[hours.length - 1]!.hour : null;
  let maxHourDelivered = 0;
  let maxUnthrottledHour = 0;
  let throttledDelivered = 0;
  let recentThrottled = 0;
  let recentStart: number | null = null;
  for (const h of hours) {
    if (lastHour === null || h.hour <= lastHour - 7 * DAY_MS) continue;
    recentStart ??= h.hour;
    if (h.delivered > maxHourDelivered) maxHourDelivered = h.delivered;
    if (h.delivered > maxUnthrottledHour && limitSignals(h.signals) === 0) maxUnthrottledHour = h.delivered;
    if (hourIsThrottled(h)) {
      throttledDelivered += h.delivered;
      recentThrottled += 1;
    }
  }
  const meanThrottledHour = recentThrottled > 0 ? throttledDelivered / recentThrottled : 0;
  const base = { activeHours, throttledHours, pausedHours, maxHourDelivered, maxUnthrottledHour, meanThrottledHour };
  const none = { measurementHours: 0, spanMinutes: 0, coverage: null };
  if (activeHours < EVIDENCE.minActiveHours) {
    return { ...base, ...none, estimate: null, low: null, high: null, censored: false, method: 'insufficient', windowStart: null, windowEnd: null };
  }
  if (throttledHours === 0) {
    return { ...base, ...none, estimate: maxHourDelivered, low: maxHourDelivered, high: null, censored: true, method: 'censored', windowStart: recentStart, windowEnd: lastHour };
  }
  const window = currentWindow(measurementSamples(hours), options.growth ?? 1);
  const used = trim(window.samples);
  const delivered = used.reduce((s, x) => s + x.delivered, 0);
  const minutes = used.reduce((s, x) => s + x.minutes, 0);
  const w = { measurementHours: used.length, spanMinutes: Math.round(minutes), windowStart: window.start, windowEnd: window.end };
  if (used.length < EVIDENCE.minSaturatedHours || minutes < EVIDENCE.minSaturatedSpanMinutes || delivered < EVIDENCE.minSaturatedDelivered) {
    // Throttled, but not enough clean measurement: only a lower bound is known.
    return { ...base, ...w, coverage: null, estimate: null, low: maxHourDelivered, high: null, censored: false, method: 'insufficient' };
  }
  const pooled = (60 * delivered) / minutes;
  const z = EVIDENCE.z95;
  let low = (60 * Math.max(0, delivered - z * Math.sqrt(delivered))) / minutes;
  let high = (60 * (delivered + z * Math.sqrt(Math.max(delivered, 1)))) / minutes;
  const mi = medianInterval(used.map((s) => s.value));
  if (mi !== null && used.length >= 3) {
    low = Math.min(low, mi.low);
    high = Math.max(high, mi.high);
  }
  return {
    ...base,
    ...w,
    coverage: mi !== null && used.length >= 3 ? mi.coverage : null,
    estimate: Math.round(pooled),
    low: Math.floor(Math.min(low, pooled)),
    high: Math.ceil(Math.max(high, pooled)),
    censored: false,
    method: 'saturated',
  };
}

function currentWindow(candidates: readonly Sample[], growth: number): { samples: Sample[]; start: number | null; end: number | null } {
  if (candidates.length === 0) return { samples: [], start: null, end: null };
  const byDay = new Map<number, Sample[]>();
  for (const s of candidates) {
    const day = Math.floor(s.hour / DAY_MS) * DAY_MS;
    const list = byDay.get(day) ?? [];
    list.push(s);
    byDay.set(day, list);
  }
  const days = [...byDay.keys()].sort((a, b) => b - a);
  const lastDay = days[0]!;
  const samples: Sample[] = [];
  let minutes = 0;
  for (const day of days) {
    const ageDays = (lastDay - day) / DAY_MS;
    if (ageDays >= 7) break;
    const factor = growth > 1 ? growth ** ageDays : 1;
    for (const s of byDay.get(day)!) {
      samples.push({ hour: s.hour, delivered: s.delivered * factor, minutes: s.minutes, value: s.value * factor });
      minutes += s.minutes;
    }
    if (minutes >= EVIDENCE.targetSpanMinutes && samples.length >= EVIDENCE.minSaturatedHours) break;
  }
  const hoursInWindow = samples.map((s) => s.hour);
  return { samples, start: Math.min(...hoursInWindow), end: Math.max(...hoursInWindow) };
}

function trim(samples: readonly Sample[]): Sample[] {
  if (samples.length < 4) return [...samples];
  const sorted = samples.map((s) => s.value).sort((a, b) => a - b);
  const q75 = quantileSorted(sorted, 0.75);
  return samples.filter((s) => s.value >= 0.5 * q75);
}
