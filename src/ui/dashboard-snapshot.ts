/**
 * The input contract of the live dashboard: one plain, JSON-serialisable value per refresh, produced by
 * the watch pipeline and rendered by src/ui as a pure projection. Times are epoch milliseconds (UTC);
 * the report part keeps the ISO strings of `report --format json`.
 */
import type { ReportInput, PairReport, Recommendation, WarmupPlan } from '../domain/report.js';

/** Key of a (provider, sending IP, vmta) pair: `isp|sourceIp|vmta` (vmta '' when unknown). */
export type PairKey = string;

export function pairKey(pair: { readonly isp: string; readonly sourceIp: string; readonly vmta: string | null }): PairKey {
  return `${pair.isp}|${pair.sourceIp}|${pair.vmta ?? ''}`;
}

/** The values of `report --format json` the dashboard shows (generatedAt and invalidDomains are not needed). */
export interface DashboardReport {
  readonly input: ReportInput;
  readonly pairs: readonly PairReport[];
  readonly recommendations: readonly Recommendation[];
  readonly warmup: readonly WarmupPlan[];
}

export interface HourlyPoint {
  /** Start of the hour, epoch ms. */
  readonly hourStart: number;
  readonly attempts: number;
  readonly delivered: number;
  readonly deferred: number;
}

export interface PairLive {
  /** The last N hours (12 is plenty), oldest first; the last point is the current, partial hour. */
  readonly hours: readonly HourlyPoint[];
  /** Attempts in the last 60 minutes (rolling): the current pace per hour. */
  readonly attemptsPerHour: number;
  /** Deliveries (accepted) in the last 60 minutes (rolling). */
  readonly deliveredPerHour: number;
}

export interface WarmupProgress {
  readonly sourceIp: string;
  readonly isp: string;
  /** Day of the warm-up plan today is (1-based), or null when the IP has no plan. */
  readonly day: number | null;
  /** Deliveries accepted today (local day of the plan). */
  readonly acceptedToday: number;
  /** Today's planned cap (WarmupDay.maxMessages), or null when there is no plan for today. */
  readonly capToday: number | null;
}

export type AlertKind = 'throttled' | 'blocked' | 'recovered';

export interface DashboardAlert {
  /** When the change was seen (the record's timeLogged), epoch ms. */
  readonly time: number;
  readonly isp: string;
  readonly sourceIp: string;
  readonly kind: AlertKind;
  /** The response behind the change: remote text, hostile until sanitised. */
  readonly text: string;
}

export type SourceState = 'waiting-for-path' | 'reading' | 'idle';

export interface WatchSource {
  /** The files or directories being watched, as the user gave them. */
  readonly paths: readonly string[];
  /** The file records currently come from (base name or path), or null before the first one. */
  readonly currentFile: string | null;
  /** Records read per second over the last few seconds. */
  readonly recordsPerSecond: number;
  readonly state: SourceState;
  /** Bytes written to the watched files and not yet read. */
  readonly lagBytes: number;
  /** When the newest record read was logged, epoch ms, or null before the first one. */
  readonly lastRecordTime: number | null;
  /** Malformed records counted since the start (never thrown). */
  readonly malformed: number;
}

export interface DashboardSnapshot {
  readonly now: number;
  readonly report: DashboardReport;
  readonly hourly: Readonly<Record<PairKey, PairLive>>;
  readonly warmupProgress: readonly WarmupProgress[];
  /** Changes of state, any order; the dashboard shows the newest. */
  readonly alerts: readonly DashboardAlert[];
  readonly source: WatchSource;
}
