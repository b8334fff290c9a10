/** Evidence shared by the rules: the numbers behind a pair and its top responses of given classes. */
import type { ResponseStat } from '../aggregate/types.js';
import type { ResponseClass } from '../domain/response-class.js';
import { sanitizeText } from '../domain/sanitize-text.js';
import type { PairAnalysis } from '../stats/pair-analysis.js';
import { classRecord } from '../stats/signal-classes.js';

export interface ResponseEvidence {
  readonly class: ResponseClass;
  readonly text: string;
  readonly count: number;
}

/** Most frequent responses of the pair (provider + IP) in the given classes, merged over vmtas. */
export function topResponses(responses: readonly ResponseStat[], provider: string, sourceIp: string | null, classes: readonly ResponseClass[], n = 3): ResponseEvidence[] {
  const merged = new Map<string, { class: ResponseClass; text: string; count: number }>();
  for (const r of responses) {
    if (r.provider !== provider || (sourceIp !== null && r.sourceIp !== sourceIp) || !classes.includes(r.class)) continue;
    const key = `${r.class}\u0000${r.text}`;
    const m = merged.get(key);
    if (m) m.count += r.count;
    else merged.set(key, { class: r.class, text: sanitizeText(r.text, { maxLength: 200 }), count: r.count });
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1)).slice(0, n);
}

/** The counts every pair-based recommendation shows. */
export function pairNumbers(p: PairAnalysis): Record<string, unknown> {
  const t = p.series.totals;
  return {
    isp: p.series.provider,
    sourceIp: p.series.sourceIp,
    vmta: p.vmta === '' ? null : p.vmta,
    attempts: t.attempts,
    ipAttempts: t.ipAttempts,
    delivered: t.delivered,
    acceptanceRate: p.acceptanceRate,
    acceptanceInterval: p.acceptanceInterval,
    refusedConnections: t.queueFailures,
    signalsByClass: classRecord(t.signals),
  };
}
