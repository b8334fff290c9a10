/**
 * Groups aggregate cells by (provider, sending IP) into one time series per pair, in one pass over the
 * cells: per minute (all vmtas and recipient domains summed), with the pair's vmtas and domains.
 *
 * IP-relevant attempts: attempts minus t rows of classes that are not the IP's doing (recipient,
 * auth, invalid-domain), minus such b rows up to the number of b rows that counted as attempts.
 */
import type { Cell } from '../aggregate/types.js';
import { INVALID_DOMAIN, NCLASS, NOT_IP_INDEX } from './signal-classes.js';
import { MINUTE_MS } from './evidence.js';

export interface MinuteCounts {
  /** Start of the minute, epoch ms. */
  readonly minute: number;
  attempts: number;
  ipAttempts: number;
  delivered: number;
  deferred: number;
  bounced: number;
  queueFailures: number;
  /** t + tq + b rows by class (a shared all-zero array until the minute has a signal). */
  signals: readonly number[];
}

/** Per recipient domain of a pair: what the invalid-domain detection needs. */
export interface DomainCounts {
  /** Rows of any kind (d, t, b, tq). */
  rows: number;
  delivered: number;
  /** Rows of the invalid-domain class. */
  invalid: number;
  queueFailures: number;
}

export interface PairTotals {
  attempts: number;
  ipAttempts: number;
  delivered: number;
  deferred: number;
  bounced: number;
  queueFailures: number;
  readonly deferredByClass: number[];
  readonly queueFailuresByClass: number[];
  readonly bouncedByClass: number[];
  readonly signals: number[];
}

export interface PairSeries {
  readonly provider: string;
  readonly sourceIp: string;
  /** vmta → attempts + refused connections carried (every vmta seen, also with 0). */
  readonly vmtas: ReadonlyMap<string, number>;
  /** recipient domain → attempts + refused connections. */
  readonly domains: ReadonlyMap<string, number>;
  /** recipient domain → rows, deliveries and invalid-domain signals. */
  readonly domainCounts: ReadonlyMap<string, DomainCounts>;
  /** Minutes with any row, in time order. */
  readonly minutes: readonly MinuteCounts[];
  readonly totals: PairTotals;
}

export function pairKey(provider: string, sourceIp: string): string {
  return `${provider}\u0000${sourceIp}`;
}

/** IP-relevant attempts of one cell. */
export function cellIpAttempts(c: Cell): number {
  let notIpDeferred = 0;
  let notIpBounced = 0;
  for (const i of NOT_IP_INDEX) {
    notIpDeferred += c.deferredByClass[i] ?? 0;
    notIpBounced += c.bouncedByClass[i] ?? 0;
  }
  const bouncedAttempts = Math.max(0, c.attempts - c.delivered - c.deferred);
  return Math.max(0, c.attempts - notIpDeferred - Math.min(notIpBounced, bouncedAttempts));
}

interface Builder {
  provider: string;
  sourceIp: string;
  vmtas: Map<string, number>;
  domains: Map<string, number>;
  domainCounts: Map<string, DomainCounts>;
  minutes: Map<number, MinuteCounts>;
  totals: PairTotals;
}

function zeros(): number[] {
  return new Array<number>(NCLASS).fill(0);
}

const NO_SIGNALS: readonly number[] = Object.freeze(zeros());

function emptyTotals(): PairTotals {
  return {
    attempts: 0,
    ipAttempts: 0,
    delivered: 0,
    deferred: 0,
    bounced: 0,
    queueFailures: 0,
    deferredByClass: zeros(),
    queueFailuresByClass: zeros(),
    bouncedByClass: zeros(),
    signals: zeros(),
  };
}

/** Cells within [from, to) (epoch ms, null = open), grouped by pair; pairs sorted by provider, IP. Any cell order. */
export function groupPairs(cells: readonly Cell[], from: number | null = null, to: number | null = null): PairSeries[] {
  const pairs = new Map<string, Builder>();
  let b: Builder | undefined;
  let vmtaKey = '';
  let vmtaSum = 0;
  let domainKey = '';
  let domainSum = 0;
  let dc: DomainCounts | undefined;
  const flush = (): void => {
    if (b === undefined) return;
    if (vmtaSum > 0) b.vmtas.set(vmtaKey, (b.vmtas.get(vmtaKey) ?? 0) + vmtaSum);
    if (domainSum > 0) b.domains.set(domainKey, (b.domains.get(domainKey) ?? 0) + domainSum);
    vmtaSum = 0;
    domainSum = 0;
  };
  for (const c of cells) {
    if (from !== null && c.minute + MINUTE_MS <= from) continue;
    if (to !== null && c.minute >= to) continue;
    if (b === undefined || b.provider !== c.provider || b.sourceIp !== c.sourceIp) {
      flush();
      const key = pairKey(c.provider, c.sourceIp);
      b = pairs.get(key);
      if (b === undefined) {
        b = { provider: c.provider, sourceIp: c.sourceIp, vmtas: new Map(), domains: new Map(), domainCounts: new Map(), minutes: new Map(), totals: emptyTotals() };
        pairs.set(key, b);
      }
      vmtaKey = '\u0000';
      domainKey = '\u0000';
    }
    if (c.vmta !== vmtaKey) {
      if (vmtaSum > 0) b.vmtas.set(vmtaKey, (b.vmtas.get(vmtaKey) ?? 0) + vmtaSum);
      vmtaSum = 0;
      vmtaKey = c.vmta;
      if (!b.vmtas.has(vmtaKey)) b.vmtas.set(vmtaKey, 0);
    }
    if (c.domain !== domainKey) {
      if (domainSum > 0) b.domains.set(domainKey, (b.domains.get(domainKey) ?? 0) + domainSum);
      domainSum = 0;
      domainKey = c.domain;
      if (!b.domains.has(domainKey)) b.domains.set(domainKey, 0);
      dc = b.domainCounts.get(domainKey);
      if (dc === undefined) {
        dc = { rows: 0, delivered: 0, invalid: 0, queueFailures: 0 };
        b.domainCounts.set(domainKey, dc);
      }
    }
    const volume = c.attempts + c.queueFailures;
    vmtaSum += volume;
    domainSum += volume;
    dc!.rows += c.delivered + c.deferred + c.bounced + c.queueFailures;
    dc!.delivered += c.delivered;
    dc!.queueFailures += c.queueFailures;
    let m = b.minutes.get(c.minute);
    if (m === undefined) {
      m = { minute: c.minute, attempts: 0, ipAttempts: 0, delivered: 0, deferred: 0, bounced: 0, queueFailures: 0, signals: NO_SIGNALS };
      b.minutes.set(c.minute, m);
    }
    const ipAttempts = c.deferred + c.bounced === 0 ? c.attempts : cellIpAttempts(c);
    m.attempts += c.attempts;
    m.ipAttempts += ipAttempts;
    m.delivered += c.delivered;
    m.deferred += c.deferred;
    m.bounced += c.bounced;
    m.queueFailures += c.queueFailures;
    const t = b.totals;
    t.attempts += c.attempts;
    t.ipAttempts += ipAttempts;
    t.delivered += c.delivered;
    t.deferred += c.deferred;
    t.bounced += c.bounced;
    t.queueFailures += c.queueFailures;
    if (c.deferred + c.bounced + c.queueFailures === 0) continue;
    const dcl = c.deferredByClass;
    const qc = c.queueFailuresByClass;
    const bc = c.bouncedByClass;
    for (let i = 0; i < NCLASS; i++) {
      const d = dcl[i]!;
      const q = qc[i]!;
      const bo = bc[i]!;
      if (d + q + bo === 0) continue;
      if (m.signals === NO_SIGNALS) m.signals = zeros();
      (m.signals as number[])[i]! += d + q + bo;
      t.deferredByClass[i]! += d;
      t.queueFailuresByClass[i]! += q;
      t.bouncedByClass[i]! += bo;
      t.signals[i]! += d + q + bo;
      if (i === INVALID_DOMAIN) dc!.invalid += d + q + bo;
    }
  }
  flush();
  const out: PairSeries[] = [];
  for (const pb of pairs.values()) {
    const minutes = [...pb.minutes.values()].sort((x, y) => x.minute - y.minute);
    out.push({ provider: pb.provider, sourceIp: pb.sourceIp, vmtas: pb.vmtas, domains: pb.domains, domainCounts: pb.domainCounts, minutes, totals: pb.totals });
  }
  return out.sort((x, y) => cmp(x.provider, y.provider) || cmp(x.sourceIp, y.sourceIp));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
