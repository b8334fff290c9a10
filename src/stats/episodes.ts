/**
 * Throttling episodes of a pair (docs/methodology.md "Episodes"): runs of minutes with throttle-class
 * signals, a gap longer than `episodeGapMinutes` ending a run; runs with fewer than
 * `minHourThrottleSignals` signals are noise and dropped.
 */
import { RESPONSE_CLASSES } from '../domain/response-class.js';
import type { ResponseClass } from '../domain/response-class.js';
import { EVIDENCE, MINUTE_MS } from './evidence.js';
import type { MinuteCounts } from './pair-series.js';
import { THROTTLE_INDEX, throttleSignals } from './signal-classes.js';

export interface Episode {
  /** First throttled minute (epoch ms). */
  readonly start: number;
  /** End of the last throttled minute (epoch ms). */
  readonly end: number;
  readonly minutes: number;
  /** The throttle class with the most signals in the episode. */
  readonly class: ResponseClass;
  readonly attempts: number;
  readonly delivered: number;
  /** Throttle-class signals in the episode. */
  readonly deferred: number;
  /** Delivered after the first throttled minute (what the provider let through while refusing;
   * the first minute also spends the allowance saved up before the episode). */
  readonly deliveredAfterFirst: number;
  /** Longest stretch inside the episode without a delivery, minutes. */
  readonly longestSilenceMinutes: number;
}

export function findEpisodes(minutes: readonly MinuteCounts[]): Episode[] {
  const out: Episode[] = [];
  let run: MinuteCounts[] = [];
  let lastThrottled: number | null = null;
  const flush = (): void => {
    if (run.length > 0) {
      const e = summarise(run);
      if (e.deferred >= EVIDENCE.minHourThrottleSignals) out.push(e);
    }
    run = [];
  };
  for (const m of minutes) {
    const throttled = throttleSignals(m.signals) > 0;
    if (throttled) {
      if (lastThrottled !== null && (m.minute - lastThrottled) / MINUTE_MS > EVIDENCE.episodeGapMinutes) flush();
      // include the quiet minutes between throttled ones that belong to the run
      lastThrottled = m.minute;
      run.push(m);
    } else if (run.length > 0 && lastThrottled !== null && (m.minute - lastThrottled) / MINUTE_MS <= EVIDENCE.episodeGapMinutes) {
      run.push(m);
    }
  }
  flush();
  return out;
}

function summarise(run: readonly MinuteCounts[]): Episode {
  // trailing quiet minutes after the last throttled one are not part of the episode
  let last = run.length - 1;
  while (last > 0 && throttleSignals(run[last]!.signals) === 0) last -= 1;
  const minutes = run.slice(0, last + 1);
  const start = minutes[0]!.minute;
  const end = minutes[minutes.length - 1]!.minute + MINUTE_MS;
  const byClass = new Array<number>(RESPONSE_CLASSES.length).fill(0);
  let attempts = 0;
  let delivered = 0;
  let deferred = 0;
  let longestSilence = 0;
  let lastDelivery = start;
  let deliveredAfterFirst = 0;
  for (const m of minutes) {
    attempts += m.attempts;
    delivered += m.delivered;
    if (m.minute > start) deliveredAfterFirst += m.delivered;
    for (const i of THROTTLE_INDEX) {
      byClass[i]! += m.signals[i] ?? 0;
      deferred += m.signals[i] ?? 0;
    }
    if (m.delivered > 0) {
      longestSilence = Math.max(longestSilence, (m.minute - lastDelivery) / MINUTE_MS);
      lastDelivery = m.minute + MINUTE_MS;
    }
  }
  longestSilence = Math.max(longestSilence, (end - lastDelivery) / MINUTE_MS);
  let cls = THROTTLE_INDEX[0]!;
  for (const i of THROTTLE_INDEX) if ((byClass[i] ?? 0) > (byClass[cls] ?? 0)) cls = i;
  return {
    start,
    end,
    minutes: (end - start) / MINUTE_MS,
    class: RESPONSE_CLASSES[cls]!,
    attempts,
    delivered,
    deferred,
    deliveredAfterFirst,
    longestSilenceMinutes: longestSilence,
  };
}
