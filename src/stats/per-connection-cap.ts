/**
 * Messages a provider accepts in one session (docs/methodology.md "Per-connection cap"). When a
 * session reaches the cap the next message is refused and the session dropped, so each refusal closes
 * a session of `cap` deliveries: cap ≈ delivered / refusals. Sessions that end earlier (the queue ran
 * dry) add deliveries without refusals, so the ratio over-states the cap; it is taken over the busiest
 * third of the hours with refusals (the lowest ratios, where most sessions ran into the cap), and the
 * reported `low` is the Wilson bound of the refusal share over those hours. The result is an upper
 * bound on the cap: the rule combines it with the provider's published figure.
 */
import { EVIDENCE } from './evidence.js';
import type { HourCounts } from './hour-series.js';
import { PER_CONNECTION } from './signal-classes.js';
import { wilsonInterval } from './wilson.js';

export interface SessionCapEstimate {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  /** Refusals over the whole period. */
  readonly refusals: number;
  readonly delivered: number;
  /** Hours with refusals, and how many of them the estimate uses. */
  readonly hours: number;
  readonly hoursUsed: number;
}

export function estimatePerConnectionCap(hours: readonly HourCounts[]): SessionCapEstimate | null {
  const withRefusals = hours
    .filter((h) => (h.signals[PER_CONNECTION] ?? 0) > 0)
    .map((h) => ({ r: h.signals[PER_CONNECTION] ?? 0, d: h.delivered }))
    .sort((a, b) => a.d / a.r - b.d / b.r);
  const refusals = withRefusals.reduce((s, h) => s + h.r, 0);
  if (refusals < EVIDENCE.minClassSignals) return null;
  const delivered = withRefusals.reduce((s, h) => s + h.d, 0);
  const used = withRefusals.slice(0, Math.max(1, Math.ceil(withRefusals.length / 3)));
  const r = used.reduce((s, h) => s + h.r, 0);
  const d = used.reduce((s, h) => s + h.d, 0);
  const [pLow, pHigh] = wilsonInterval(r, r + d);
  const estimate = Math.max(1, Math.floor(d / r));
  return {
    estimate,
    low: Math.max(1, Math.min(estimate, Math.floor(1 / pHigh - 1))),
    high: pLow > 0 ? Math.max(estimate, Math.ceil(1 / pLow - 1)) : estimate,
    refusals,
    delivered,
    hours: withRefusals.length,
    hoursUsed: used.length,
  };
}
