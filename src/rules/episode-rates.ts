/** Episode summaries shared by the backoff rules: limit episodes of a pair or a provider, pooled. */
import type { Episode } from '../stats/episodes.js';
import type { PairAnalysis } from '../stats/pair-analysis.js';

export const MIN_EPISODES = 2;

export function limitEpisodes(p: PairAnalysis): Episode[] {
  return p.episodes.filter((e) => e.class === 'rate' || e.class === 'reputation');
}

/**
 * Messages per hour accepted inside the episodes after their first minute, pooled:
 * 60 × Σ deliveredAfterFirst / Σ (minutes − 1); null when the episodes last a minute each.
 */
export function pooledEpisodeRate(eps: readonly Episode[]): number | null {
  const minutes = eps.reduce((s, e) => s + e.minutes - 1, 0);
  return minutes > 0 ? (60 * eps.reduce((s, e) => s + e.deliveredAfterFirst, 0)) / minutes : null;
}

/** Throttled pairs of each provider (not ok, not insufficient), with at least one limit episode. */
export function throttledByProvider(pairs: readonly PairAnalysis[]): Map<string, PairAnalysis[]> {
  const out = new Map<string, PairAnalysis[]>();
  for (const p of pairs) {
    if (p.status === 'ok' || p.status === 'insufficient-data' || limitEpisodes(p).length === 0) continue;
    out.set(p.series.provider, [...(out.get(p.series.provider) ?? []), p]);
  }
  return out;
}
