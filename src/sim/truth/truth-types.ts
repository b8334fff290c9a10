/**
 * truth.json: what the simulated providers really did, for judging an advisor that only sees the
 * accounting files. Documented in docs/simulator.md.
 */
import type { PairDay, PairStats } from '../engine/engine-types.js';
import type { InvalidDomainKind } from '../scenario/scenario-types.js';

export const TRUTH_SCHEMA = 'pmta-advisor/sim-truth@1';

export type TruthProblem = 'rate' | 'connections' | 'per-connection' | 'reputation' | 'block';

/** Effective `<domain>` settings of one queue (PowerMTA defaults filled in). */
export interface TruthConfigured {
  readonly 'max-smtp-out': number;
  readonly 'backoff-max-smtp-out': number;
  readonly 'max-msg-per-connection': number;
  readonly 'max-msg-rate': string;
  readonly 'backoff-max-msg-rate': string;
  readonly 'retry-after': string;
  readonly 'backoff-retry-after': string;
  readonly 'backoff-to-normal-after': string;
  readonly 'bounce-after': string;
  readonly 'smtp-pattern-list': string | null;
  readonly 'bounce-upon-no-mx': boolean;
}

export interface TruthPair {
  readonly provider: string;
  readonly sourceIp: string;
  readonly vmta: string;
  readonly newIp: boolean;
  readonly hourlyLimitByDay: readonly PairDay[];
  readonly finalHourlyLimit: number;
  readonly burst: number;
  readonly connectionCap: number | null;
  readonly perConnectionCap: number | null;
  readonly throttleAt: 'rcpt' | 'greeting';
  /** Recipient domain → effective settings of its queue on this virtual MTA. */
  readonly configured: Readonly<Record<string, TruthConfigured>>;
  readonly problems: readonly TruthProblem[];
  readonly events: PairStats;
  /** Times the pair's queues entered backoff mode, and seconds in backoff summed over its queues. */
  readonly backoff: { readonly entries: number; readonly queueSeconds: number };
  readonly episodes: readonly { readonly kind: 'block' | 'reputation'; readonly from: string; readonly to: string }[];
}

export interface TruthInvalidDomain {
  readonly domain: string;
  readonly kind: InvalidDomainKind;
  readonly messages: number;
  /** `tq` records (no answer from host). */
  readonly queueFailures: number;
  readonly bounced: number;
}

export interface SimTruth {
  readonly schema: typeof TRUTH_SCHEMA;
  readonly scenario: string;
  readonly seed: number;
  readonly start: string;
  readonly end: string;
  readonly days: number;
  readonly volume: number;
  readonly scale: number;
  readonly complete: boolean;
  readonly messagesInjected: number;
  readonly counts: { readonly d: number; readonly b: number; readonly t: number; readonly tq: number; readonly total: number };
  /** A pair has a problem when the provider answered with that class at least minCount times and in at least minShare of the pair's attempts. */
  readonly problemThreshold: { readonly minCount: number; readonly minShare: number };
  readonly pairs: readonly TruthPair[];
  readonly invalidDomains: readonly TruthInvalidDomain[];
  readonly plantedConfigProblems: readonly string[];
}
