/**
 * Hourly and daily buckets of one pair's minute series, with the saturated-time measurement the hourly
 * limit estimator uses (docs/methodology.md "Hourly limit"):
 *
 * A minute is saturated when it carries a rate- or reputation-class signal: the provider refused
 * because the IP's allowance was used up at that moment. Between two saturated minutes s1 < s2 no more
 * than `maxSaturationGapMinutes` apart, everything the provider accepted in (s1, s2] is what it let
 * through while refusing: the refill of its allowance. Each such segment is credited to the hour of
 * s2: `spanMinutes` += s2 - s1, `spanDelivered` += delivered in (s1, s2].
 */
import { DAY_MS, EVIDENCE, HOUR_MS, MINUTE_MS } from './evidence.js';
import type { MinuteCounts } from './pair-series.js';
import { NCLASS, REPUTATION, limitSignals, throttleSignals } from './signal-classes.js';

export interface HourCounts {
  /** Start of the hour, epoch ms. */
  readonly hour: number;
  attempts: number;
  ipAttempts: number;
  delivered: number;
  queueFailures: number;
  readonly signals: number[];
  activeMinutes: number;
  saturatedMinutes: number;
  spanMinutes: number;
  spanDelivered: number;
}

export interface DayCounts {
  /** Start of the UTC day, epoch ms. */
  readonly day: number;
  attempts: number;
  ipAttempts: number;
  delivered: number;
  queueFailures: number;
  readonly signals: number[];
  activeHours: number;
  throttledHours: number;
}

export function hourIsThrottled(h: HourCounts): boolean {
  return limitSignals(h.signals) >= EVIDENCE.minHourThrottleSignals;
}

/** A throttled hour where reputation refusals dominate and almost nothing got through: a pause. */
export function hourIsPaused(h: HourCounts): boolean {
  const rep = h.signals[REPUTATION] ?? 0;
  return hourIsThrottled(h) && rep * 2 >= limitSignals(h.signals) && h.delivered < 0.1 * Math.max(h.ipAttempts, 1);
}

export function toHours(minutes: readonly MinuteCounts[]): HourCounts[] {
  const hours: HourCounts[] = [];
  let current: HourCounts | undefined;
  let lastSaturated: number | null = null;
  let deliveredSince = 0;
  for (const m of minutes) {
    const hour = Math.floor(m.minute / HOUR_MS) * HOUR_MS;
    if (current === undefined || current.hour !== hour) {
      current = {
        hour,
        attempts: 0,
        ipAttempts: 0,
        delivered: 0,
        queueFailures: 0,
        signals: new Array<number>(NCLASS).fill(0),
        activeMinutes: 0,
        saturatedMinutes: 0,
        spanMinutes: 0,
        spanDelivered: 0,
      };
      hours.push(current);
    }
    current.attempts += m.attempts;
    current.ipAttempts += m.ipAttempts;
    current.delivered += m.delivered;
    current.queueFailures += m.queueFailures;
    for (let i = 0; i < NCLASS; i++) current.signals[i]! += m.signals[i] ?? 0;
    current.activeMinutes += 1;
    deliveredSince += m.delivered;
    if (limitSignals(m.signals) > 0) {
      current.saturatedMinutes += 1;
      if (lastSaturated !== null) {
        const gap = (m.minute - lastSaturated) / MINUTE_MS;
        if (gap <= EVIDENCE.maxSaturationGapMinutes) {
          current.spanMinutes += gap;
          current.spanDelivered += deliveredSince;
        }
      }
      lastSaturated = m.minute;
      deliveredSince = 0;
    }
  }
  return hours;
}

export function toDays(hours: readonly HourCounts[]): DayCounts[] {
  const days: DayCounts[] = [];
  let current: DayCounts | undefined;
  for (const h of hours) {
    const day = Math.floor(h.hour / DAY_MS) * DAY_MS;
    if (current === undefined || current.day !== day) {
      current = { day, attempts: 0, ipAttempts: 0, delivered: 0, queueFailures: 0, signals: new Array<number>(NCLASS).fill(0), activeHours: 0, throttledHours: 0 };
      days.push(current);
    }
    current.attempts += h.attempts;
    current.ipAttempts += h.ipAttempts;
    current.delivered += h.delivered;
    current.queueFailures += h.queueFailures;
    for (let i = 0; i < NCLASS; i++) current.signals[i]! += h.signals[i] ?? 0;
    if (h.attempts + h.queueFailures > 0) current.activeHours += 1;
    if (hourIsThrottled(h)) current.throttledHours += 1;
  }
  return days;
}

/** Throttle signals (any throttle class) of a bucket. */
export function bucketThrottleSignals(b: { readonly signals: readonly number[] }): number {
  return throttleSignals(b.signals);
}
