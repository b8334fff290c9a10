/**
 * Selector: snapshot + filter + sort → the pair table's rows (plain values, not yet text). The pair's
 * report values (acceptance, limit, binding, status) come from the report; att/h, acc/h and the
 * sparklines from the live hourly counts. The filter matches provider, IP, vmta and recipient domains.
 */
import type { BindingKnob, HourlyLimitEstimate, PairReport } from '../../domain/report.js';
import { THROTTLE_CLASSES } from '../../domain/response-class.js';
import { pairKey } from '../dashboard-snapshot.js';
import type { DashboardSnapshot, HourlyPoint, PairKey, PairLive } from '../dashboard-snapshot.js';
import { cleanText } from '../format/clean-text.js';
import { compareIp, compareNullable, compareText } from './compare-values.js';
import { filterTerms, matchesFilter } from './filter-match.js';
import { currentEpisodeStart, STATUS_RANK } from './pair-status.js';
import type { PairStatus } from './pair-status.js';
import type { SortColumn, SortOrder } from './sort-order.js';

export interface PairRow {
  readonly key: PairKey;
  /** Display names (sanitised). */
  readonly isp: string;
  readonly sourceIp: string;
  readonly vmta: string;
  /** null when the pipeline has no live counts for the pair. */
  readonly attemptsPerHour: number | null;
  readonly deliveredPerHour: number | null;
  /** null when there were no attempts. */
  readonly acceptance: number | null;
  readonly acceptanceInterval: readonly [number, number];
  /** Deferrals in throttling classes / attempts that count against the IP; null without attempts. */
  readonly throttledShare: number | null;
  readonly limit: HourlyLimitEstimate;
  readonly binding: BindingKnob;
  readonly status: PairStatus;
  /** Start of the episode still going on, epoch ms. */
  readonly since: number | null;
  readonly hours: readonly HourlyPoint[];
  readonly pair: PairReport;
}

export function buildPairRow(pair: PairReport, live: PairLive | undefined): PairRow {
  const throttled = THROTTLE_CLASSES.reduce((sum, c) => sum + (pair.deferralsByClass[c] ?? 0), 0);
  // Acceptance is measured over the attempts that count against the IP; so is the throttled share.
  const ipAttempts = pair.ipAttempts ?? pair.attempts;
  return {
    key: pairKey(pair),
    isp: cleanText(pair.isp, { maxLength: 40 }),
    sourceIp: cleanText(pair.sourceIp, { maxLength: 45 }),
    vmta: pair.vmta === null ? '' : cleanText(pair.vmta, { maxLength: 40 }),
    attemptsPerHour: live?.attemptsPerHour ?? null,
    deliveredPerHour: live?.deliveredPerHour ?? null,
    acceptance: pair.attempts > 0 ? pair.acceptanceRate : null,
    acceptanceInterval: pair.acceptanceInterval,
    throttledShare: ipAttempts > 0 ? throttled / ipAttempts : null,
    limit: pair.maxHourlyRate,
    binding: pair.binding,
    status: pair.status,
    since: currentEpisodeStart(pair),
    hours: live?.hours ?? [],
    pair,
  };
}

function limitValue(limit: HourlyLimitEstimate): number | null {
  return limit.estimate ?? limit.low;
}

function comparePrimary(column: SortColumn, a: PairRow, b: PairRow): number {
  switch (column) {
    case 'provider':
      return compareText(a.isp, b.isp);
    case 'ip':
      return compareIp(a.sourceIp, b.sourceIp);
    case 'vmta':
      return compareText(a.vmta, b.vmta);
    case 'attempts':
      return compareNullable(a.attemptsPerHour, b.attemptsPerHour, true);
    case 'delivered':
      return compareNullable(a.deliveredPerHour, b.deliveredPerHour, true);
    case 'acceptance':
      return compareNullable(a.acceptance, b.acceptance, false);
    case 'throttled':
      return compareNullable(a.throttledShare, b.throttledShare, true);
    case 'limit':
      return compareNullable(limitValue(a.limit), limitValue(b.limit), false);
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status] || compareNullable(a.attemptsPerHour, b.attemptsPerHour, true);
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** Stable final order so equal rows never swap between refreshes. */
function compareTieBreak(a: PairRow, b: PairRow): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    compareText(a.isp, b.isp) ||
    compareIp(a.sourceIp, b.sourceIp) ||
    compareText(a.vmta, b.vmta)
  );
}

function hasValue(column: SortColumn, row: PairRow): boolean {
  switch (column) {
    case 'attempts':
      return row.attemptsPerHour !== null;
    case 'delivered':
      return row.deliveredPerHour !== null;
    case 'acceptance':
      return row.acceptance !== null;
    case 'throttled':
      return row.throttledShare !== null;
    case 'limit':
      return limitValue(row.limit) !== null;
    default:
      return true;
  }
}

export function sortPairRows(rows: readonly PairRow[], sort: SortOrder): PairRow[] {
  const direction = sort.reversed ? -1 : 1;
  return [...rows].sort((a, b) => {
    const av = hasValue(sort.column, a);
    const bv = hasValue(sort.column, b);
    if (av !== bv) return av ? -1 : 1; // rows without a value stay last in both directions
    return direction * comparePrimary(sort.column, a, b) || compareTieBreak(a, b);
  });
}

/** Rows per snapshot, built once: a snapshot is immutable, and several selectors read it per frame. */
const rowsBySnapshot = new WeakMap<DashboardSnapshot, readonly PairRow[]>();
/** The last filtered and sorted result, shared by the reducer and the view for the same inputs. */
let last: { snapshot: DashboardSnapshot; filter: string; sort: SortOrder; rows: PairRow[] } | null = null;

function allRows(snapshot: DashboardSnapshot): readonly PairRow[] {
  let rows = rowsBySnapshot.get(snapshot);
  if (rows === undefined) {
    rows = snapshot.report.pairs.map((pair) => buildPairRow(pair, snapshot.hourly[pairKey(pair)]));
    rowsBySnapshot.set(snapshot, rows);
  }
  return rows;
}

/** The same inputs give the same array (so later selectors can cache on it); never mutate the result. */
export function selectPairRows(snapshot: DashboardSnapshot | null, filter: string, sort: SortOrder): PairRow[] {
  if (snapshot === null) return [];
  if (last !== null && last.snapshot === snapshot && last.filter === filter && last.sort.column === sort.column && last.sort.reversed === sort.reversed) return last.rows;
  const terms = filterTerms(filter);
  const rows = sortPairRows(
    allRows(snapshot).filter((row) => matchesFilter([row.isp, row.sourceIp, row.vmta, ...row.pair.domains], terms)),
    sort,
  );
  last = { snapshot, filter, sort, rows };
  return rows;
}
