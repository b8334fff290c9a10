/**
 * Groups aggregate cells by (provider, sending IP) into one time series per pair, in one pass over the
 * cells: per minute (all vmtas and recipient domains summed), with the pair's vmtas and domains.
 *
 * IP-relevant attempts: attempts minus t rows of classes that are not the IP's doing (recipient,
 * auth, invalid-domain), minus such b rows up to the number of b rows that counted as attempts.
 */
import type { Cell } from '../aggregate/types.js';
import { NCLASS, NOT_IP_INDEX } from './signal-classes.js';
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
  /** t + tq + b rows by class. */
  readonly signals: number[];
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
  minutes: Map<number, MinuteCounts>;
  totals: PairTotals;
}

function zeros(): number[] {
  return new Array<number>(NCLASS).fill(0);
}

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
  let lastVmta = '';
  let lastDomain = '';
  for (const c of cells) {
    if (from !== null && c.minute + MINUTE_MS <= from) continue;
    if (to !== null && c.minute >= to) continue;
    if (b === undefined || b.provider !== c.provider || b.sourceIp !== c.sourceIp) {
      const key = pairKey(c.provider, c.sourceIp);
      b = pairs.get(key);
      if (b === undefined) {
        b = { provider: c.provider, sourceIp: c.sourceIp, vmtas: new Map(), domains: new Map(), minutes: new Map(), totals: emptyTotals() };
        pairs.set(key, b);
      }
      lastVmta = '\u0000';
      lastDomain = '\u0000';
    }
    const volume = c.attempts + c.queueFailures;
    if (c.vmta !== lastVmta && !b.vmtas.has(c.vmta)) b.vmtas.set(c.vmta, 0);
    if (c.domain !== lastDomain && !b.domains.has(c.domain)) b.domains.set(c.domain, 0);
    lastVmta = c.vmta;
    lastDomain = c.domain;
    if (volume > 0) {
      b.vmtas.set(c.vmta, b.vmtas.get(c.vmta)! + volume);
      b.domains.set(c.domain, b.domains.get(c.domain)! + volume);
    }
    let m = b.minutes.get(c.minute);
    if (m === undefined) {
      m = { minute: c.minute, attempts: 0, ipAttempts: 0, delivered: 0, deferred: 0, bounced: 0, queueFailures: 0, signals: zeros() };
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
    const dc = c.deferredByClass;
    const qc = c.queueFailuresByClass;
    const bc = c.bouncedByClass;
    for (let i = 0; i < NCLASS; i++) {
      const d = dc[i]!;
      const q = qc[i]!;
      const bo = bc[i]!;
      if (d + q + bo === 0) continue;
      m.signals[i]! += d + q + bo;
      t.deferredByClass[i]! += d;
      t.queueFailuresByClass[i]! += q;
      t.bouncedByClass[i]! += bo;
      t.signals[i]! += d + q + bo;
    }
  }
  const out: PairSeries[] = [];
  for (const pb of pairs.values()) {
    const minutes = [...pb.minutes.values()].sort((x, y) => x.minute - y.minute);
    out.push({ provider: pb.provider, sourceIp: pb.sourceIp, vmtas: pb.vmtas, domains: pb.domains, minutes, totals: pb.totals });
  }
  return out.sort((x, y) => cmp(x.provider, y.provider) || cmp(x.sourceIp, y.sourceIp));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
