/**
 * Assembles truth.json from the simulation's final state. A pair "has a problem" only when the sender
 * actually ran into it: the provider answered with that class at least PROBLEM_THRESHOLD times.
 */
import type { ProviderIp, Queue } from '../engine/engine-types.js';
import type { RecordCounts } from '../engine/sim-context.js';
import { bucketSize } from '../engine/provider-ip.js';
import type { ResolvedScenario } from '../scenario/resolve-scenario.js';
import type { QueueSettings } from '../scenario/directives.js';
import { TRUTH_SCHEMA } from './truth-types.js';
import type { SimTruth, TruthConfigured, TruthInvalidDomain, TruthPair, TruthProblem } from './truth-types.js';

/** A class counts as a problem from this many answers and this share of the pair's attempts. */
export const PROBLEM_THRESHOLD = { minCount: 5, minShare: 0.002 } as const;

export interface TruthInput {
  readonly rs: ResolvedScenario;
  readonly queues: Iterable<Queue>;
  readonly pairs: Iterable<ProviderIp>;
  readonly counts: RecordCounts;
  readonly messagesInjected: number;
  readonly complete: boolean;
  /** Simulated time reached (the end, or the moment a live run stopped). */
  readonly reached: number;
}

const iso = (s: number): string => new Date(Math.round(s) * 1000).toISOString().replace('.000Z', 'Z');
const cap = (n: number): number | null => (Number.isFinite(n) ? n : null);
const round = (n: number): number => Math.round(n * 100) / 100;

export function buildTruth(input: TruthInput): SimTruth {
  const { rs } = input;
  const queues = [...input.queues];
  const pairs: TruthPair[] = [];
  for (const pi of input.pairs) {
    if (pi.stats.messages === 0) continue;
    const mine = queues.filter((q) => q.pi === pi && q.domain.invalid === null);
    const configured: Record<string, TruthConfigured> = {};
    for (const q of mine.sort((a, b) => a.domain.name.localeCompare(b.domain.name))) configured[q.domain.name] = configuredOf(q.settings);
    const backoffSeconds = mine.reduce((s, q) => s + q.backoffSeconds + (q.backoff ? input.reached - q.backoffSince : 0), 0);
    pairs.push({
      provider: pi.providerId,
      sourceIp: pi.vmta.ip,
      vmta: pi.vmta.name,
      newIp: pi.vmta.new,
      hourlyLimitByDay: pi.days.map((d) => ({ ...d, hourlyLimit: round(d.hourlyLimit) })),
      finalHourlyLimit: round(pi.limitPerHour),
      burst: round(bucketSize(pi.limitPerHour, pi.behaviour)),
      connectionCap: cap(pi.connCap),
      perConnectionCap: cap(pi.perConnCap),
      throttleAt: pi.throttleAtGreeting ? 'greeting' : 'rcpt',
      configured,
      problems: problemsOf(pi),
      events: { ...pi.stats },
      backoff: { entries: mine.reduce((s, q) => s + q.backoffEntries, 0), queueSeconds: Math.round(backoffSeconds) },
      episodes: pi.episodes.filter((e) => e.from < input.reached).map((e) => ({ kind: e.kind, from: iso(e.from), to: iso(e.to) })),
    });
  }
  pairs.sort((a, b) => a.provider.localeCompare(b.provider) || a.vmta.localeCompare(b.vmta));
  const c = input.counts;
  return {
    schema: TRUTH_SCHEMA,
    scenario: rs.scenario.name,
    seed: rs.seed,
    start: iso(rs.start),
    end: iso(input.reached),
    days: rs.days,
    volume: rs.volume,
    scale: rs.scale,
    complete: input.complete,
    messagesInjected: input.messagesInjected,
    counts: { d: c.d, b: c.b, t: c.t, tq: c.tq, total: c.d + c.b + c.t + c.tq },
    problemThreshold: PROBLEM_THRESHOLD,
    pairs,
    invalidDomains: invalidDomainsOf(rs, queues),
    plantedConfigProblems: [...rs.scenario.plantedConfigProblems],
  };
}

function problemsOf(pi: ProviderIp): TruthProblem[] {
  const s = pi.stats;
  const floor = Math.max(PROBLEM_THRESHOLD.minCount, PROBLEM_THRESHOLD.minShare * (s.attempts + s.greetingRefusals));
  const counts: readonly [TruthProblem, number][] = [
    ['rate', s.rate],
    ['connections', s.connections],
    ['per-connection', s.perConnection],
    ['reputation', s.reputation],
    ['block', s.block],
  ];
  return counts.filter(([, n]) => n >= floor).map(([problem]) => problem);
}

function configuredOf(s: QueueSettings): TruthConfigured {
  const v = (k: string): string => s.values[k] ?? '';
  return {
    'max-smtp-out': s.maxSmtpOut,
    'backoff-max-smtp-out': s.backoffMaxSmtpOut,
    'max-msg-per-connection': s.maxMsgPerConnection,
    'max-msg-rate': v('max-msg-rate'),
    'backoff-max-msg-rate': v('backoff-max-msg-rate'),
    'retry-after': v('retry-after'),
    'backoff-retry-after': v('backoff-retry-after'),
    'backoff-to-normal-after': v('backoff-to-normal-after'),
    'bounce-after': v('bounce-after'),
    'smtp-pattern-list': s.patternList,
    'bounce-upon-no-mx': s.bounceUponNoMx,
  };
}

function invalidDomainsOf(rs: ResolvedScenario, queues: readonly Queue[]): TruthInvalidDomain[] {
  return rs.scenario.invalidDomains
    .map((spec) => {
      const mine = queues.filter((q) => q.domain.name === spec.domain);
      return {
        domain: spec.domain,
        kind: spec.kind,
        messages: mine.reduce((s, q) => s + q.messages, 0),
        queueFailures: mine.reduce((s, q) => s + q.noAnswerAttempts, 0),
        bounced: mine.reduce((s, q) => s + q.bounced, 0),
      };
    })
    .filter((d) => d.messages > 0);
}
