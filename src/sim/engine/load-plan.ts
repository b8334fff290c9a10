/**
 * Campaign load over the run: each stream's daily volume (its share × day weight) split into a
 * background spread evenly over the day and campaign bursts injected over a few minutes. Every segment
 * carries its own job id and fractional carry, so injection is deterministic and exact in total.
 */
import type { ResolvedScenario } from '../scenario/resolve-scenario.js';
import { isoDate } from '../time-format.js';

export interface LoadSegment {
  readonly stream: number;
  readonly pool: string;
  readonly jobId: string;
  readonly from: number;
  readonly to: number;
  /** Messages per second. */
  readonly rate: number;
  carry: number;
}

export interface StreamPlan {
  readonly pool: string;
  readonly vmtas: readonly number[];
  /** Domain indexes and cumulative weights (for Prng.weighted). */
  readonly domains: readonly number[];
  readonly cumulative: readonly number[];
  rr: number;
}

export function planSegments(rs: ResolvedScenario): LoadSegment[] {
  const streams = rs.scenario.load;
  const totalShare = streams.reduce((s, x) => s + x.share, 0);
  const segments: LoadSegment[] = [];
  streams.forEach((stream, si) => {
    const weights = Array.from({ length: rs.days }, (_, d) => stream.dayWeights[Math.min(d, stream.dayWeights.length - 1)] ?? 1);
    const weightSum = weights.reduce((s, x) => s + x, 0) || 1;
    const campaignWeight = stream.campaigns.reduce((s, c) => s + c.weight, 0);
    for (let d = 0; d < rs.days; d += 1) {
      const dayStart = rs.start + d * 86400;
      const volume = (rs.volume * (stream.share / totalShare) * (weights[d] ?? 0)) / weightSum;
      if (volume <= 0) continue;
      const date = isoDate(dayStart).replace(/-/g, '');
      const background = campaignWeight > 0 ? stream.background : 1;
      if (background > 0) {
        segments.push({ stream: si, pool: stream.pool, jobId: `${stream.pool}-${date}-txn`, from: dayStart, to: dayStart + 86400, rate: (volume * background) / 86400, carry: 0 });
      }
      stream.campaigns.forEach((c, ci) => {
        if (campaignWeight <= 0 || c.weight <= 0) return;
        const from = dayStart + Math.round(c.hour * 3600);
        const n = (volume * (1 - background) * c.weight) / campaignWeight;
        segments.push({ stream: si, pool: stream.pool, jobId: `${stream.pool}-${date}-c${ci + 1}`, from, to: from + c.minutes * 60, rate: n / (c.minutes * 60), carry: 0 });
      });
    }
  });
  return segments.sort((a, b) => a.from - b.from || a.stream - b.stream);
}

/** Domains of a stream's audience with weights: provider share × domain weight within the provider. */
export function planStreams(rs: ResolvedScenario): StreamPlan[] {
  const vmtaIndex = new Map(rs.vmtas.map((v, i) => [v.name, i]));
  return rs.scenario.load.map((stream) => {
    const audience = rs.scenario.audiences[stream.audience] ?? {};
    const domains: number[] = [];
    const cumulative: number[] = [];
    let total = 0;
    const add = (index: number, weight: number): void => {
      if (weight <= 0) return;
      total += weight;
      domains.push(index);
      cumulative.push(total);
    };
    const invalidWeight = rs.scenario.invalidDomains.reduce((s, d) => s + d.weight, 0);
    rs.domains.forEach((d, i) => {
      if (d.invalid !== null) {
        const spec = rs.scenario.invalidDomains.find((x) => x.domain === d.name);
        add(i, ((audience['invalid'] ?? 0) * (spec?.weight ?? 0)) / (invalidWeight || 1));
        return;
      }
      const profile = rs.profiles[d.providerId];
      if (!profile) return;
      const within = Object.values(profile.domains).reduce((s, x) => s + x, 0);
      add(i, ((audience[d.providerId] ?? 0) * (profile.domains[d.name] ?? 0)) / (within || 1));
    });
    const members = rs.scenario.sender.pools[stream.pool] ?? [];
    return { pool: stream.pool, vmtas: members.map((m) => vmtaIndex.get(m) ?? 0), domains, cumulative, rr: 0 };
  });
}
