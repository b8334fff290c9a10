/** A PairAnalysis (src/stats) as the PairReport of the JSON contract, with its evidence. */
import type { ResponseStat } from '../aggregate/types.js';
import type { PairReport, PeriodStat, ResponseSample, ThrottleEpisode } from '../domain/report.js';
import { sanitizeText } from '../domain/sanitize-text.js';
import type { DayCounts, HourCounts } from '../stats/hour-series.js';
import type { PairAnalysis } from '../stats/pair-analysis.js';
import { classRecord, limitSignals } from '../stats/signal-classes.js';
import { wilsonInterval } from '../stats/wilson.js';

export interface PairReportOptions {
  /** Episodes listed per pair (the last ones); all are counted. */
  readonly maxEpisodes: number;
  /** Include the hourly series. */
  readonly hourly: boolean;
  readonly topResponses: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function period(b: HourCounts | DayCounts, start: number): PeriodStat {
  return {
    start: iso(start),
    attempts: b.attempts,
    ipAttempts: b.ipAttempts,
    delivered: b.delivered,
    acceptanceRate: b.ipAttempts > 0 ? b.delivered / b.ipAttempts : null,
    acceptanceInterval: wilsonInterval(b.delivered, b.ipAttempts),
    throttled: limitSignals(b.signals),
    queueFailures: b.queueFailures,
  };
}

export function pairResponses(responses: readonly ResponseStat[], provider: string, sourceIp: string, n: number): ResponseSample[] {
  const merged = new Map<string, { class: ResponseStat['class']; text: string; count: number; first: number; last: number }>();
  for (const r of responses) {
    if (r.provider !== provider || r.sourceIp !== sourceIp) continue;
    const key = `${r.class}\u0000${r.text}`;
    const m = merged.get(key);
    if (m) {
      m.count += r.count;
      m.first = Math.min(m.first, r.first);
      m.last = Math.max(m.last, r.last);
    } else merged.set(key, { class: r.class, text: r.text, count: r.count, first: r.first, last: r.last });
  }
  return [...merged.values()]
    .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .slice(0, n)
    .map((m) => ({ class: m.class, text: sanitizeText(m.text, { maxLength: 300 }), count: m.count, first: iso(m.first), last: iso(m.last) }));
}

export function toPairReport(p: PairAnalysis, responses: readonly ResponseStat[], o: PairReportOptions): PairReport {
  const s = p.series;
  const t = s.totals;
  const byVolume = (m: ReadonlyMap<string, number>): string[] =>
    [...m.entries()].filter(([k]) => k !== '').sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const episodes: ThrottleEpisode[] = p.episodes.slice(-o.maxEpisodes).map((e) => ({
    start: iso(e.start),
    end: iso(e.end),
    minutes: e.minutes,
    class: e.class,
    attempts: e.attempts,
    delivered: e.delivered,
    deferred: e.deferred,
  }));
  const l = p.limit;
  return {
    isp: s.provider,
    domains: byVolume(s.domains),
    sourceIp: s.sourceIp,
    vmta: p.vmta === '' ? null : p.vmta,
    attempts: t.attempts,
    delivered: t.delivered,
    deferred: t.deferred,
    bounced: t.bounced,
    acceptanceRate: t.ipAttempts > 0 ? t.delivered / t.ipAttempts : 0,
    acceptanceInterval: p.acceptanceInterval,
    deferralsByClass: classRecord(t.deferredByClass),
    maxHourlyRate: { estimate: l.estimate, low: l.low, high: l.high, censored: l.censored },
    binding: p.binding,
    status: p.status,
    firstSeen: iso(p.firstSeen),
    lastSeen: iso(p.lastSeen),
    episodes,
    topResponses: pairResponses(responses, s.provider, s.sourceIp, o.topResponses),
    vmtas: byVolume(s.vmtas),
    ipAttempts: t.ipAttempts,
    queueFailures: t.queueFailures,
    queueFailuresByClass: classRecord(t.queueFailuresByClass),
    limitDetail: {
      method: l.method,
      measurementHours: l.measurementHours,
      spanMinutes: l.spanMinutes,
      throttledHours: l.throttledHours,
      pausedHours: l.pausedHours,
      coverage: l.coverage,
      windowStart: l.windowStart === null ? null : iso(l.windowStart),
      windowEnd: l.windowEnd === null ? null : iso(l.windowEnd),
    },
    perConnectionCap: p.perConnectionCap === null ? null : { estimate: p.perConnectionCap.estimate, low: p.perConnectionCap.low, high: p.perConnectionCap.high, refusals: p.perConnectionCap.refusals },
    trend: {
      young: p.trend.young,
      ipFirstSeen: iso(p.trend.firstSeen),
      deliveredGrowth: p.trend.deliveredGrowth?.factor ?? null,
      deliveredGrowthR2: p.trend.deliveredGrowth?.r2 ?? null,
      limitGrowth: p.trend.limitGrowth?.factor ?? null,
      limitGrowthR2: p.trend.limitGrowth?.r2 ?? null,
    },
    episodeCount: p.episodes.length,
    daily: p.days.map((d) => period(d, d.day)),
    ...(o.hourly ? { hourly: p.hours.map((h) => period(h, h.hour)) } : {}),
  };
}
