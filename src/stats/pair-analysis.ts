/**
 * Everything the estimators say about one (provider, sending IP): acceptance with its interval, the
 * hourly limit, the binding knob over the analysed period, episodes, warm-up trend and the per-connection
 * cap. Pure and O(cells): one grouping pass, then linear passes per pair.
 */
import type { Cell } from '../aggregate/types.js';
import type { BindingKnob, PairReport } from '../domain/report.js';
import { bindingKnob, statusOf } from './binding.js';
import type { WindowCounts } from './binding.js';
import { findEpisodes } from './episodes.js';
import type { Episode } from './episodes.js';
import { EVIDENCE } from './evidence.js';
import { toDays, toHours } from './hour-series.js';
import type { DayCounts, HourCounts } from './hour-series.js';
import { estimateHourlyLimit, measurementSamples } from './hourly-limit.js';
import type { LimitEstimate } from './hourly-limit.js';
import { groupPairs } from './pair-series.js';
import type { PairSeries } from './pair-series.js';
import { estimatePerConnectionCap } from './per-connection-cap.js';
import type { SessionCapEstimate } from './per-connection-cap.js';
import { NCLASS } from './signal-classes.js';
import { warmupTrend, YOUNG_MIN_R2 } from './warmup-trend.js';
import type { WarmupTrend } from './warmup-trend.js';
import { wilsonInterval } from './wilson.js';

export interface PairAnalysis {
  readonly series: PairSeries;
  readonly hours: readonly HourCounts[];
  readonly days: readonly DayCounts[];
  /** The vmta carrying most of the pair's traffic ('' when unknown). */
  readonly vmta: string;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly acceptanceRate: number | null;
  readonly acceptanceInterval: readonly [number, number];
  readonly limit: LimitEstimate;
  /** Counts over the analysed period, what binding and status are judged on (`--since` narrows it). */
  readonly recent: WindowCounts & { readonly from: number; readonly delivered: number };
  readonly binding: BindingKnob;
  readonly status: PairReport['status'];
  readonly episodes: readonly Episode[];
  readonly trend: WarmupTrend;
  readonly perConnectionCap: SessionCapEstimate | null;
}

export interface AnalysisWindow {
  /** Inclusive start / exclusive end of the analysed period, epoch ms (null = open). */
  readonly from: number | null;
  readonly to: number | null;
}

export function analysePairs(cells: readonly Cell[], window: AnalysisWindow = { from: null, to: null }): PairAnalysis[] {
  const ipFirstSeen = new Map<string, number>();
  let inputStart = Number.POSITIVE_INFINITY;
  let lastIp: string | null = null;
  let lastSeen = Number.POSITIVE_INFINITY;
  for (const c of cells) {
    if (c.minute < inputStart) inputStart = c.minute;
    if (c.sourceIp === lastIp && c.minute >= lastSeen) continue;
    const seen = ipFirstSeen.get(c.sourceIp);
    if (seen === undefined || c.minute < seen) ipFirstSeen.set(c.sourceIp, c.minute);
    lastIp = c.sourceIp;
    lastSeen = Math.min(seen ?? c.minute, c.minute);
  }
  const pairs = groupPairs(cells, window.from, window.to)
    .filter((s) => s.minutes.length > 0)
    .map((s) => analysePair(s, ipFirstSeen.get(s.sourceIp) ?? s.minutes[0]!.minute, inputStart));
  // Youth belongs to the IP: young with one provider, young with all; and an IP that most providers
  // throttle is cold (new, or its reputation is gone): it needs a warm-up either way.
  const youngIps = new Set(pairs.filter((p) => p.trend.young && p.series.provider !== 'other').map((p) => p.series.sourceIp));
  for (const ip of coldIps(pairs)) youngIps.add(ip);
  return pairs.map((p) => (p.trend.young || !youngIps.has(p.series.sourceIp) ? p : { ...p, trend: { ...p.trend, young: true } }));
}

export const COLD_MIN_PROVIDERS = 3;
export const COLD_MIN_SHARE = 0.6;

/** IPs throttled for rate or reputation by at least 3 providers and 60% of those with enough data. */
export function coldIps(pairs: readonly PairAnalysis[]): string[] {
  const byIp = new Map<string, { judged: number; throttled: number }>();
  for (const p of pairs) {
    if (p.series.provider === 'other' || p.series.sourceIp === '' || p.binding === 'insufficient-data') continue;
    const c = byIp.get(p.series.sourceIp) ?? { judged: 0, throttled: 0 };
    c.judged += 1;
    if (p.binding === 'rate' || p.binding === 'reputation') c.throttled += 1;
    byIp.set(p.series.sourceIp, c);
  }
  return [...byIp.entries()].filter(([, c]) => c.throttled >= COLD_MIN_PROVIDERS && c.throttled >= COLD_MIN_SHARE * c.judged).map(([ip]) => ip);
}

export function analysePair(series: PairSeries, ipFirstSeen: number, inputStart: number): PairAnalysis {
  const hours = toHours(series.minutes);
  const days = toDays(hours);
  const firstSeen = series.minutes[0]!.minute;
  const lastSeen = series.minutes[series.minutes.length - 1]!.minute;
  const samples = measurementSamples(hours);
  const trend = warmupTrend(days, samples, ipFirstSeen, inputStart, lastSeen);
  const growth =
    trend.young && trend.limitGrowth !== null && trend.limitGrowth.r2 >= YOUNG_MIN_R2 && trend.limitGrowth.factor > 1
      ? Math.min(trend.limitGrowth.factor, 2)
      : 1;
  const limit = estimateHourlyLimit(hours, { growth });
  const recent = recentCounts(series, Number.NEGATIVE_INFINITY);
  const binding = bindingKnob(recent);
  const t = series.totals;
  const acceptanceRate = t.ipAttempts >= EVIDENCE.minAttempts ? t.delivered / t.ipAttempts : null;
  return {
    series,
    hours,
    days,
    vmta: dominant(series.vmtas),
    firstSeen,
    lastSeen,
    acceptanceRate,
    acceptanceInterval: wilsonInterval(t.delivered, t.ipAttempts),
    limit,
    recent,
    binding,
    status: statusOf(binding),
    episodes: findEpisodes(series.minutes),
    trend,
    perConnectionCap: estimatePerConnectionCap(hours),
  };
}

function recentCounts(series: PairSeries, from: number): WindowCounts & { readonly from: number; readonly delivered: number } {
  let ipAttempts = 0;
  let queueFailures = 0;
  let delivered = 0;
  const signals = new Array<number>(NCLASS).fill(0);
  for (const m of series.minutes) {
    if (m.minute <= from) continue;
    ipAttempts += m.ipAttempts;
    queueFailures += m.queueFailures;
    delivered += m.delivered;
    for (let i = 0; i < NCLASS; i++) signals[i]! += m.signals[i] ?? 0;
  }
  return { from, ipAttempts, queueFailures, delivered, signals };
}

/** Key with the largest value; ties broken by name (deterministic). */
export function dominant(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let bestN = -1;
  for (const [k, n] of counts) {
    if (n > bestN || (n === bestN && k < best)) {
      best = k;
      bestN = n;
    }
  }
  return best;
}
