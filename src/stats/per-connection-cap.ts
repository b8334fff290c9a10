/**
 * Messages a provider accepts in one session (docs/methodology.md "Per-connection cap"). When a
 * session reaches the cap, the next message is refused and the session dropped, so in hours where the
 * refusal shows up each refusal closes a session of `cap` deliveries: cap ≈ delivered / refusals in
 * those hours. Sessions that ended before the cap only raise the ratio, so the reported `low` (from the
 * Wilson upper bound of the refusal share) is the value to configure.
 */
import { EVIDENCE } from './evidence.js';
import type { HourCounts } from './hour-series.js';
import { PER_CONNECTION } from './signal-classes.js';
import { wilsonInterval } from './wilson.js';

export interface SessionCapEstimate {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly refusals: number;
  readonly delivered: number;
  readonly hours: number;
}

export function estimatePerConnectionCap(hours: readonly HourCounts[]): SessionCapEstimate | null {
  let refusals = 0;
  let delivered = 0;
  let n = 0;
  for (const h of hours) {
    const r = h.signals[PER_CONNECTION] ?? 0;
    if (r === 0) continue;
    refusals += r;
    delivered += h.delivered;
    n += 1;
  }
  if (refusals < EVIDENCE.minClassSignals) return null;
  const [pLow, pHigh] = wilsonInterval(refusals, refusals + delivered);
  const estimate = Math.max(1, Math.floor(delivered / refusals));
  return {
    estimate,
    low: Math.max(1, Math.floor(1 / pHigh - 1)),
    high: pLow > 0 ? Math.max(1, Math.ceil(1 / pLow - 1)) : estimate,
    refusals,
    delivered,
    hours: n,
  };
}
