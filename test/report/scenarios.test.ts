/**
 * `report` against the simulator's ground truth, on every built-in scenario (several seeds): each
 * problem pair gets a recommendation on the right knob with a value that would fix it, measured limits
 * are within 25% of the truth with intervals that mostly cover it, healthy pairs are never lowered,
 * invalid domains are found with precision and recall ≥ 0.9.
 *
 * Judged pairs: the provider `other` (many small receivers pooled by the simulator) gets no
 * domain-scoped advice and is not judged. Limit accuracy is judged where the true final limit is at
 * least MIN_MEASURABLE messages an hour: at the small test volumes the simulator scales limits down, and
 * a limit of one or two messages an hour is below what hour-level counts can resolve.
 *
 * A pair whose rate problem comes with a reputation or block episode was throttled while the provider
 * had shrunk its limit after complaints (the simulator's finalHourlyLimit is the recovered value): its
 * max-msg-rate must not exceed the final limit, but may be lower than 0.6× of it, and it must also get a
 * pause or backoff line.
 */
import { describe, expect, it } from 'vitest';
import type { Recommendation, ReportJson } from '../../src/domain/report.js';
import { isLowering } from '../../src/rules/evaluate.js';
import type { SimTruth, TruthPair } from '../../src/sim/truth/truth-types.js';
import { runScenario } from './helpers/run-scenario.js';

const MIN_MEASURABLE = 30;

interface Case {
  readonly scenario: string;
  readonly seeds: readonly number[];
  readonly volume: number;
}

const CASES: readonly Case[] = [
  { scenario: 'steady', seeds: [1], volume: 50_000 },
  { scenario: 'backoff', seeds: [1, 2], volume: 40_000 },
  { scenario: 'connections', seeds: [1, 2], volume: 100_000 },
  { scenario: 'per-connection', seeds: [1, 2], volume: 50_000 },
  { scenario: 'invalid-domains', seeds: [1, 2], volume: 30_000 },
  { scenario: 'warmup', seeds: [1], volume: 60_000 },
  { scenario: 'mixed', seeds: [3], volume: 60_000 },
];

function recsFor(report: ReportJson, p: TruthPair, directive: string): Recommendation[] {
  return report.recommendations.filter((r) => r.directive === directive && r.isp === p.provider && (r.sourceIps ?? []).includes(p.sourceIp));
}

function perHour(v: string): number {
  const m = /^(\d+)\/h$/.exec(v);
  if (!m) throw new Error(`not an hourly rate: ${v}`);
  return Number(m[1]);
}

interface Judged {
  readonly limitErrors: number[];
  readonly covered: boolean[];
  /** Throttled pairs reported as 'insufficient data' instead of a limit. */
  readonly unmeasured: string[];
}

function judge(truth: SimTruth, report: ReportJson): Judged {
  const limitErrors: number[] = [];
  const covered: boolean[] = [];
  const unmeasured: string[] = [];
  const label = (p: TruthPair): string => `${truth.scenario}/${truth.seed} ${p.provider} ${p.sourceIp} ${p.problems.join('+')}`;
  for (const p of truth.pairs.filter((x) => x.provider !== 'other')) {
    const pair = report.pairs.find((x) => x.isp === p.provider && x.sourceIp === p.sourceIp);
    if (p.problems.length === 0) {
      const lowered = report.recommendations.filter((r) => r.isp === p.provider && (r.sourceIps ?? []).includes(p.sourceIp) && isLowering(r));
      expect(lowered.map((r) => `${label(p)}: ${r.directive} ${r.current} → ${r.suggested}`)).toEqual([]);
      continue;
    }
    expect(pair, label(p)).toBeDefined();
    for (const problem of p.problems) {
      switch (problem) {
        case 'rate': {
          const recs = recsFor(report, p, 'max-msg-rate');
          expect(recs.length, `${label(p)}: max-msg-rate`).toBeGreaterThan(0);
          const total = recs.reduce((s, r) => s + perHour(r.suggested), 0);
          const afterComplaints = p.problems.includes('reputation') || p.problems.includes('block');
          if (p.finalHourlyLimit >= MIN_MEASURABLE) {
            if (!afterComplaints) expect(total / p.finalHourlyLimit, `${label(p)}: ${total}/h vs ${p.finalHourlyLimit}/h`).toBeGreaterThanOrEqual(0.6);
            expect(total / p.finalHourlyLimit, `${label(p)}: ${total}/h vs ${p.finalHourlyLimit}/h`).toBeLessThanOrEqual(1.05);
            const l = pair!.maxHourlyRate;
            if (afterComplaints) break;
            if (l.estimate === null) unmeasured.push(label(p));
            else {
              expect(l.censored, label(p)).toBe(false);
              limitErrors.push(Math.abs(l.estimate - p.finalHourlyLimit) / p.finalHourlyLimit);
              covered.push(l.low! <= p.finalHourlyLimit && p.finalHourlyLimit <= l.high!);
            }
          }
          break;
        }
        case 'connections': {
          const recs = recsFor(report, p, 'max-smtp-out');
          expect(recs.length, `${label(p)}: max-smtp-out`).toBeGreaterThan(0);
          const total = recs.reduce((s, r) => s + Number(r.suggested), 0);
          expect(total, `${label(p)}: max-smtp-out total ${total} vs cap ${p.connectionCap}`).toBeLessThanOrEqual(p.connectionCap ?? Number.POSITIVE_INFINITY);
          break;
        }
        case 'per-connection': {
          const recs = recsFor(report, p, 'max-msg-per-connection');
          expect(recs.length, `${label(p)}: max-msg-per-connection`).toBeGreaterThan(0);
          for (const r of recs) expect(Number(r.suggested), label(p)).toBeLessThanOrEqual(p.perConnectionCap ?? Number.POSITIVE_INFINITY);
          break;
        }
        case 'reputation':
        case 'block': {
          const pauses = report.recommendations.filter((r) => r.isp === p.provider && r.directive === 'smtp-pattern-list' && /disable-source-ip|mode=backoff/.test(r.actions ?? ''));
          const rates = recsFor(report, p, 'max-msg-rate');
          expect(pauses.length + rates.length, `${label(p)}: pause or rate`).toBeGreaterThan(0);
          break;
        }
        default: {
          const never: never = problem;
          throw new Error(String(never));
        }
      }
    }
  }
  const found = new Set(report.invalidDomains.map((d) => d.domain));
  const real = new Set(truth.invalidDomains.map((d) => d.domain));
  if (real.size > 0 || found.size > 0) {
    const hits = [...found].filter((d) => real.has(d)).length;
    expect(found.size === 0 ? 0 : hits / found.size, `${truth.scenario} invalid-domain precision: ${[...found].join(',')}`).toBeGreaterThanOrEqual(0.9);
    expect(real.size === 0 ? 1 : hits / real.size, `${truth.scenario} invalid-domain recall: ${[...real].join(',')}`).toBeGreaterThanOrEqual(0.9);
  }
  return { limitErrors, covered, unmeasured };
}

describe('report against simulator ground truth', () => {
  const errors: number[] = [];
  const coverage: boolean[] = [];
  const unmeasured: string[] = [];
  for (const c of CASES) {
    for (const seed of c.seeds) {
      it(`${c.scenario} seed ${seed}`, async () => {
        const { truth, report } = await runScenario(c.scenario, seed, { volume: c.volume });
        expect(truth.complete).toBe(true);
        const r = judge(truth, report);
        errors.push(...r.limitErrors);
        coverage.push(...r.covered);
        unmeasured.push(...r.unmeasured);
      });
    }
  }

  it('measured limits are within 25% and their intervals cover the truth in most cases', () => {
    expect(errors.length).toBeGreaterThan(5);
    // 'insufficient data' is an honest answer for a pair throttled only briefly, but not the usual one
    expect(unmeasured.length / (unmeasured.length + errors.length), unmeasured.join('\n')).toBeLessThan(0.35);
    for (const e of errors) expect(e).toBeLessThanOrEqual(0.25);
    expect(coverage.filter(Boolean).length / coverage.length).toBeGreaterThan(0.5);
  });
});
