/**
 * A realistic dashboard snapshot: a day of a warm-up in progress on 2026-11-29, 14:32:07 UTC.
 * - yahoo / 203.0.113.14 / vmta-14: throttled since 14:10 with [TSS04], accepting ~410/h;
 * - google / 203.0.113.31 / vmta-31: a new IP in warm-up, never pushed back (censored limit);
 * - microsoft / 203.0.113.31 / vmta-31: fine; comcast / 203.0.113.12: "Too many sessions";
 * - gmx / 203.0.113.21: one in eleven attempts "Too many messages in this connection";
 * - orange / 203.0.113.40: 12 attempts: insufficient data.
 * Plus recommendations with evidence, warm-up progress and alerts.
 */
import type { PairReport, Recommendation, ResponseSample } from '../../../src/domain/report.js';
import { pairKey } from '../../../src/ui/dashboard-snapshot.js';
import type { DashboardAlert, DashboardSnapshot, HourlyPoint, PairLive, WatchSource } from '../../../src/ui/dashboard-snapshot.js';

export const NOW = Date.parse('2026-11-29T14:32:07Z');
const HOUR = 3600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** A dsnDiag that tries to clear the screen, set the title, start a C1 CSI and flip the text direction. */
export const HOSTILE_DIAG =
  '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred \u001B[2J\u001B]0;pwned\u0007 \u009B31m due to user complaints \u202Egnirts desrever\u202C see https://postmaster.yahooinc.com/error-codes';

export const TSS04 = '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes';

function response(cls: ResponseSample['class'], text: string, count: number, firstMin: number, lastMin: number): ResponseSample {
  return { class: cls, text, count, first: iso(NOW - firstMin * 60_000), last: iso(NOW - lastMin * 60_000) };
}

interface PairInput {
  readonly isp: string;
  readonly domains: readonly string[];
  readonly sourceIp: string;
  readonly vmta: string | null;
  readonly attempts: number;
  readonly delivered: number;
  readonly deferred: number;
  readonly interval: readonly [number, number];
  readonly byClass?: PairReport['deferralsByClass'];
  readonly limit: PairReport['maxHourlyRate'];
  readonly binding: PairReport['binding'];
  readonly status: PairReport['status'];
  readonly episodes?: PairReport['episodes'];
  readonly topResponses?: readonly ResponseSample[];
}

export function makePair(p: PairInput): PairReport {
  return {
    isp: p.isp,
    domains: p.domains,
    sourceIp: p.sourceIp,
    vmta: p.vmta,
    attempts: p.attempts,
    delivered: p.delivered,
    deferred: p.deferred,
    bounced: p.attempts - p.delivered - p.deferred,
    acceptanceRate: p.attempts > 0 ? p.delivered / p.attempts : 0,
    acceptanceInterval: p.interval,
    deferralsByClass: p.byClass ?? {},
    maxHourlyRate: p.limit,
    binding: p.binding,
    status: p.status,
    firstSeen: iso(NOW - 24 * HOUR),
    lastSeen: iso(NOW - 5_000),
    episodes: p.episodes ?? [],
    topResponses: p.topResponses ?? [],
  };
}

export const PAIRS: readonly PairReport[] = [
  makePair({
    isp: 'google', domains: ['gmail.com', 'googlemail.com'], sourceIp: '203.0.113.31', vmta: 'vmta-31',
    attempts: 60_410, delivered: 60_170, deferred: 60, interval: [0.9954, 0.9966], byClass: { rate: 48, recipient: 12 },
    limit: { estimate: 5200, low: 5200, high: null, censored: true }, binding: 'none', status: 'ok',
    topResponses: [response('recipient', '452 4.2.2 The recipient\'s inbox is out of storage space.', 12, 600, 30)],
  }),
  makePair({
    isp: 'yahoo', domains: ['yahoo.com', 'aol.com', 'ymail.com'], sourceIp: '203.0.113.14', vmta: 'vmta-14',
    attempts: 21_500, delivered: 13_115, deferred: 8_385, interval: [0.5945, 0.6255], byClass: { rate: 8_370, recipient: 15 },
    limit: { estimate: 410, low: 380, high: 445, censored: false }, binding: 'rate', status: 'throttled',
    episodes: [
      { start: iso(NOW - 20 * HOUR), end: iso(NOW - 19 * HOUR), minutes: 60, class: 'rate', attempts: 900, delivered: 420, deferred: 480 },
      { start: iso(NOW - 22 * 60_000), end: iso(NOW - 5_000), minutes: 22, class: 'rate', attempts: 1_020, delivered: 402, deferred: 618 },
    ],
    topResponses: [response('rate', HOSTILE_DIAG, 8_412, 22, 0), response('rate', '421 4.7.0 [TS01] Messages from 203.0.113.14 temporarily deferred due to user complaints', 12, 1_200, 1_150)],
  }),
  makePair({
    isp: 'microsoft', domains: ['outlook.com', 'hotmail.com'], sourceIp: '203.0.113.31', vmta: 'vmta-31',
    attempts: 10_800, delivered: 10_560, deferred: 240, interval: [0.975, 0.9805], byClass: { rate: 205, recipient: 35 },
    limit: { estimate: 880, low: 880, high: null, censored: true }, binding: 'none', status: 'ok',
  }),
  makePair({
    isp: 'comcast', domains: ['comcast.net'], sourceIp: '203.0.113.12', vmta: 'vmta-12',
    attempts: 3_600, delivered: 3_540, deferred: 60, interval: [0.979, 0.9875], byClass: { connections: 60 },
    limit: { estimate: null, low: null, high: null, censored: false }, binding: 'connections', status: 'ok',
    topResponses: [response('connections', '421 - [Too many sessions opened]', 1_904, 900, 2)],
  }),
  makePair({
    isp: 'gmx', domains: ['gmx.de', 'web.de'], sourceIp: '203.0.113.21', vmta: 'vmta-21',
    attempts: 2_200, delivered: 2_000, deferred: 200, interval: [0.897, 0.921], byClass: { 'per-connection': 200 },
    limit: { estimate: 300, low: 260, high: 330, censored: false }, binding: 'per-connection', status: 'ok',
  }),
  makePair({
    isp: 'orange', domains: ['orange.fr'], sourceIp: '203.0.113.40', vmta: 'vmta-40',
    attempts: 12, delivered: 12, deferred: 0, interval: [0.735, 1],
    limit: { estimate: null, low: null, high: null, censored: false }, binding: 'insufficient-data', status: 'insufficient-data',
  }),
];

/** 12 hours, oldest first; `shape(i)` gives attempts and acceptance for hour i (11 = now). */
function hours(shape: (i: number) => readonly [number, number]): HourlyPoint[] {
  const currentHour = Math.floor(NOW / HOUR) * HOUR;
  return Array.from({ length: 12 }, (_, i) => {
    const [attempts, acceptance] = shape(i);
    const delivered = Math.round(attempts * acceptance);
    return { hourStart: currentHour - (11 - i) * HOUR, attempts, delivered, deferred: attempts - delivered };
  });
}

function live(points: HourlyPoint[], attemptsPerHour: number, deliveredPerHour: number): PairLive {
  return { hours: points, attemptsPerHour, deliveredPerHour };
}

const byKey = (isp: string, ip: string, vmta: string): string => pairKey({ isp, sourceIp: ip, vmta });

export const HOURLY: Readonly<Record<string, PairLive>> = {
  [byKey('google', '203.0.113.31', 'vmta-31')]: live(hours((i) => [2000 + i * 300, 0.996]), 5_210, 5_190),
  [byKey('yahoo', '203.0.113.14', 'vmta-14')]: live(hours((i) => [1000, i < 9 ? 0.97 : i === 9 ? 0.6 : 0.39]), 1_020, 402),
  [byKey('microsoft', '203.0.113.31', 'vmta-31')]: live(hours(() => [900, 0.978]), 900, 880),
  [byKey('comcast', '203.0.113.12', 'vmta-12')]: live(hours(() => [300, 0.983]), 300, 295),
  [byKey('gmx', '203.0.113.21', 'vmta-21')]: live(hours((i) => [i % 2 === 0 ? 180 : 0, 0.91]), 180, 164),
  [byKey('orange', '203.0.113.40', 'vmta-40')]: live(hours((i) => [i === 11 ? 12 : 0, 1]), 12, 12),
};

export const RECOMMENDATIONS: readonly Recommendation[] = [
  {
    id: 'rate:vmta-14:$yahoo',
    directive: 'max-msg-rate',
    scope: { domain: '$yahoo', virtualMta: 'vmta-14' },
    current: 'unlimited',
    currentSource: 'default',
    suggested: '350/h',
    confidence: 0.91,
    reason: 'Yahoo deferred 39% of attempts with [TSS04] since 14:10; it accepted 380–445 per hour while throttled, so sending at 350/h stays under the limit.',
    evidence: {
      acceptedPerHour: [380, 445],
      hoursObserved: 12,
      throttledSince: iso(NOW - 22 * 60_000),
      topResponses: [{ class: 'rate', text: HOSTILE_DIAG, count: 8_412, first: iso(NOW - 22 * 60_000), last: iso(NOW - 5_000) }],
    },
  },
  {
    id: 'conn:comcast.net',
    directive: 'max-smtp-out',
    scope: { domain: 'comcast.net', virtualMta: null },
    current: '40',
    currentSource: 'config',
    suggested: '4',
    confidence: 0.88,
    reason: '1,904 "Too many sessions opened" refusals: Comcast allows few concurrent connections per IP.',
    evidence: { refusals: 1_904, maxConcurrentSeen: 40, pattern: '421 - [Too many sessions opened]' },
  },
  {
    id: 'mpc:gmx.de',
    directive: 'max-msg-per-connection',
    scope: { domain: 'gmx.de', virtualMta: null },
    current: '100',
    currentSource: 'config',
    suggested: '10',
    confidence: 0.84,
    reason: '1 in 11 attempts got "Too many messages in this connection": the cap is about 10 per session.',
    evidence: { attempts: 2_200, perConnectionDeferrals: 200, estimatedCap: 10 },
  },
];

export const ALERTS: readonly DashboardAlert[] = [
  { time: NOW - 20 * HOUR, isp: 'yahoo', sourceIp: '203.0.113.14', kind: 'throttled', text: '421 4.7.0 [TS01] Messages from 203.0.113.14 temporarily deferred' },
  { time: NOW - 19 * HOUR, isp: 'yahoo', sourceIp: '203.0.113.14', kind: 'recovered', text: '' },
  { time: NOW - 22 * 60_000, isp: 'yahoo', sourceIp: '203.0.113.14', kind: 'throttled', text: HOSTILE_DIAG },
];

export const SOURCE: WatchSource = {
  paths: ['/var/log/pmta/acct'],
  currentFile: '/var/log/pmta/acct/acct-2026-11-29-0011.csv',
  recordsPerSecond: 1_240,
  state: 'reading',
  lagBytes: 4_096,
  lastRecordTime: NOW - 1_000,
  malformed: 0,
};

export interface SnapshotOverrides {
  readonly now?: number;
  readonly pairs?: readonly PairReport[];
  readonly recommendations?: readonly Recommendation[];
  readonly hourly?: Readonly<Record<string, PairLive>>;
  readonly warmupProgress?: DashboardSnapshot['warmupProgress'];
  readonly alerts?: readonly DashboardAlert[];
  readonly source?: Partial<WatchSource>;
}

export function buildSnapshot(o: SnapshotOverrides = {}): DashboardSnapshot {
  const pairs = o.pairs ?? PAIRS;
  return {
    now: o.now ?? NOW,
    report: {
      input: { files: 41, records: 3_912_554, malformed: 0, from: iso(NOW - 24 * HOUR), to: iso(NOW) },
      pairs,
      recommendations: o.recommendations ?? RECOMMENDATIONS,
      warmup: [],
    },
    hourly: o.hourly ?? HOURLY,
    warmupProgress: o.warmupProgress ?? [
      { sourceIp: '203.0.113.31', isp: 'google', day: 9, acceptedToday: 41_200, capToday: 48_000 },
      { sourceIp: '203.0.113.31', isp: 'microsoft', day: 9, acceptedToday: 9_400, capToday: 9_000 },
    ],
    alerts: o.alerts ?? ALERTS,
    source: { ...SOURCE, ...o.source },
  };
}

/** `n` extra healthy pairs on 198.51.100.x, for scrolling and clamping tests. */
export function manyPairs(n: number): PairReport[] {
  return Array.from({ length: n }, (_, i) =>
    makePair({
      isp: `isp${String(i).padStart(2, '0')}`, domains: [`isp${i}.example`], sourceIp: `198.51.100.${i + 1}`, vmta: `vmta-b${i}`,
      attempts: 1000 + i, delivered: 990 + i, deferred: 10, interval: [0.98, 0.995],
      limit: { estimate: 1000 + i, low: 1000 + i, high: null, censored: true }, binding: 'none', status: 'ok',
    }),
  );
}
