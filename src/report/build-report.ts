/**
 * The whole report as plain data (the ReportJson contract), pure: the same source and options give the
 * same report. Cost is linear in the cells (grouping, per-pair passes); the live dashboard may call it
 * on every refresh.
 */
import type { ReportJson } from '../domain/report.js';
import { defaultsView } from '../rules/config-view.js';
import type { ConfigView } from '../rules/config-view.js';
import { evaluateRules } from '../rules/evaluate.js';
import { warmupPlan } from '../rules/warmup-plan.js';
import { invalidDomainsOf } from '../stats/invalid-domains.js';
import { analysePairs } from '../stats/pair-analysis.js';
import type { PairAnalysis } from '../stats/pair-analysis.js';
import { toPairReport } from './pair-report.js';
import type { ReportSource } from './report-source.js';

export interface BuildOptions {
  /** Clock for generatedAt (epoch ms). */
  readonly now: number;
  /** Analysed period, epoch ms (null = from the first / to the last record). */
  readonly since?: number | null;
  readonly until?: number | null;
  readonly config?: ConfigView;
  /** Shown in the report header when a config was read. */
  readonly configPath?: string | null;
  readonly maxEpisodes?: number;
  readonly hourly?: boolean;
  readonly topResponses?: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

const STATUS_ORDER: Readonly<Record<string, number>> = { blocked: 0, paused: 1, throttled: 2, ok: 3, 'insufficient-data': 4 };

export function buildReport(source: ReportSource, options: BuildOptions): ReportJson {
  const since = options.since ?? null;
  const until = options.until ?? null;
  const config = options.config ?? defaultsView();
  const responses =
    since === null && until === null ? source.responses : source.responses.filter((r) => (since === null || r.last >= since) && (until === null || r.first < until));
  const pairs = analysePairs(source.cells, { from: since, to: until });
  const knownDomains = source.providers.flatMap((p) => p.domains);
  const invalid = invalidDomainsOf(pairs.map((p) => p.series), knownDomains, responses);
  const { from, to } = span(source, pairs, since, until);
  const lastTime = to ?? options.now;
  const recommendations = evaluateRules({
    pairs,
    responses,
    invalidDomains: invalid,
    config,
    providers: new Map(source.providers.map((p) => [p.id, p])),
    lastTime,
  });
  const pairOpts = { maxEpisodes: options.maxEpisodes ?? 10, hourly: options.hourly ?? true, topResponses: options.topResponses ?? 5 };
  const sorted = [...pairs].sort(comparePairs);
  return {
    generatedAt: iso(options.now),
    input: {
      files: source.summary.files.length,
      records: Object.values(source.summary.recordsByType).reduce((s, n) => s + (n ?? 0), 0),
      malformed: Object.values(source.summary.malformed.byReason).reduce((s, n) => s + (n ?? 0), 0),
      from: from === null ? null : iso(from),
      to: to === null ? null : iso(to),
    },
    window: { since: since === null ? null : iso(since), until: until === null ? null : iso(until), config: options.configPath ?? null },
    pairs: sorted.map((p) => toPairReport(p, responses, pairOpts)),
    recommendations,
    warmup: sorted.flatMap((p) => {
      if (p.series.provider === 'other' || p.series.sourceIp === '') return [];
      const plan = warmupPlan(p, lastTime);
      return plan === null ? [] : [plan];
    }),
    invalidDomains: invalid.map((d) => ({ domain: d.domain, attempts: d.attempts, reason: d.reason, kind: d.kind, typoOf: d.typoOf })),
  };
}

function span(source: ReportSource, pairs: readonly PairAnalysis[], since: number | null, until: number | null): { from: number | null; to: number | null } {
  if (since === null && until === null) return { from: source.summary.firstTime, to: source.summary.lastTime };
  if (pairs.length === 0) return { from: since, to: until };
  const lo = Math.min(...pairs.map((p) => p.firstSeen));
  const hi = Math.max(...pairs.map((p) => p.lastSeen)) + 59_999;
  const first = source.summary.firstTime ?? lo;
  const last = source.summary.lastTime ?? hi;
  return { from: Math.max(lo, since ?? first, first), to: Math.min(hi, until ?? last, last) };
}

/** Needs attention first (blocked, paused, throttled), then by provider and IP. */
export function comparePairs(a: PairAnalysis, b: PairAnalysis): number {
  return (
    (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
    (a.series.provider < b.series.provider ? -1 : a.series.provider > b.series.provider ? 1 : 0) ||
    (a.series.sourceIp < b.series.sourceIp ? -1 : a.series.sourceIp > b.series.sourceIp ? 1 : 0)
  );
}
