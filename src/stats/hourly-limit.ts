/**
 * The provider's effective hourly limit for one IP (docs/methodology.md "Hourly limit").
 *
 * Measurement hours are throttled hours (rate/reputation refusals) that are not pauses and whose
 * saturated segments span at least `minSaturatedSpanMinutes`; each gives x = 60 × accepted in its
 * segments / their minutes. The current window is the last day with measurement hours, extended a day
 * at a time into the past until it holds `minSaturatedHours` of them (older ones projected forward by
 * the daily growth factor when the IP is warming up). Hours accepting less than half the window's
 * upper quartile are dropped (a pause that was not labelled as one, a segment cut short). The estimate
 * is their median with a distribution-free interval. Without any throttled hour the limit is censored:
 * the provider accepted at least the most it was given in one hour.
 */
import { quantileSorted } from 'simple-statistics';
import type { HourlyLimitEstimate } from '../domain/report.js';
import { DAY_MS, EVIDENCE } from './evidence.js';
import { hourIsPaused, hourIsThrottled } from './hour-series.js';
import type { HourCounts } from './hour-series.js';
import { medianInterval } from './median-interval.js';

export type LimitMethod = 'saturated' | 'censored' | 'insufficient';

export interface LimitEstimate extends HourlyLimitEstimate {
  readonly method: LimitMethod;
  /** Measurement hours behind the estimate (after trimming). */
  readonly measurementHours: number;
  readonly throttledHours: number;
  readonly pausedHours: number;
  /** Coverage of [low, high] for the median (order statistics), null when not saturated. */
  readonly coverage: number | null;
  /** First and last hour of the window the estimate comes from (epoch ms). */
  readonly windowStart: number | null;
  readonly windowEnd: number | null;
  /** Largest number delivered in one hour within the last 7 days. */
  readonly maxHourDelivered: number;
}

export interface LimitOptions {
  /** Daily growth factor of the limit for a warming IP (1 = none). */
  readonly growth?: number;
}

export interface Sample {
  readonly hour: number;
  /** Messages per hour accepted while saturated. */
  readonly value: number;
}

/** One sample per measurement hour: throttled, not a pause, saturated segments ≥ the minimum span. */
export function measurementSamples(hours: readonly HourCounts[]): Sample[] {
  return hours
    .filter((h) => hourIsThrottled(h) && !hourIsPaused(h) && h.spanMinutes >= EVIDENCE.minSaturatedSpanMinutes)
    .map((h) => ({ hour: h.hour, value: (60 * h.spanDelivered) / h.spanMinutes }));
}

export function estimateHourlyLimit(hours: readonly HourCounts[], options: LimitOptions = {}): LimitEstimate {
  const active = hours.filter((h) => h.attempts > 0);
  const throttled = hours.filter(hourIsThrottled);
  const paused = throttled.filter(hourIsPaused);
  const lastHour = hours.length > 0 ? hours[hours.length - 1]!.hour : null;
  const recent = lastHour === null ? [] : hours.filter((h) => h.hour > lastHour - 7 * DAY_MS);
  const maxHourDelivered = recent.reduce((m, h) => Math.max(m, h.delivered), 0);
  const base = { throttledHours: throttled.length, pausedHours: paused.length, maxHourDelivered };
  if (active.length < EVIDENCE.minActiveHours) {
    return { ...base, estimate: null, low: null, high: null, censored: false, method: 'insufficient', measurementHours: 0, coverage: null, windowStart: null, windowEnd: null };
  }
  const candidates = measurementSamples(hours);
  if (throttled.length === 0) {
    return {
      ...base,
      estimate: maxHourDelivered,
      low: maxHourDelivered,
      high: null,
      censored: true,
      method: 'censored',
      measurementHours: 0,
      coverage: null,
      windowStart: recent[0]?.hour ?? null,
      windowEnd: lastHour,
    };
  }
  const window = currentWindow(candidates, options.growth ?? 1);
  const trimmed = trim(window.samples);
  if (trimmed.length < EVIDENCE.minSaturatedHours) {
    // Throttled, but not enough clean measurements: only a lower bound is known.
    return { ...base, estimate: null, low: maxHourDelivered, high: null, censored: false, method: 'insufficient', measurementHours: trimmed.length, coverage: null, windowStart: window.start, windowEnd: window.end };
  }
  const mi = medianInterval(trimmed.map((s) => s.value))!;
  return {
    ...base,
    estimate: Math.round(mi.median),
    low: Math.floor(mi.low),
    high: Math.ceil(mi.high),
    censored: false,
    method: 'saturated',
    measurementHours: trimmed.length,
    coverage: mi.coverage,
    windowStart: window.start,
    windowEnd: window.end,
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
  for (const day of days) {
    const ageDays = (lastDay - day) / DAY_MS;
    const factor = growth > 1 ? growth ** ageDays : 1;
    for (const s of byDay.get(day)!) samples.push({ hour: s.hour, value: s.value * factor });
    if (samples.length >= EVIDENCE.minSaturatedHours) break;
  }
  const hoursInWindow = samples.map((s) => s.hour);
  return { samples, start: Math.min(...hoursInWindow), end: Math.max(...hoursInWindow) };
}

function trim(samples: readonly Sample[]): Sample[] {
  if (samples.length === 0) return [];
  const sorted = samples.map((s) => s.value).sort((a, b) => a - b);
  const q75 = quantileSorted(sorted, 0.75);
  return samples.filter((s) => s.value >= 0.5 * q75);
}
