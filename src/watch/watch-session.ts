/**
 * The live pipeline behind `watch`: the tailer folds batches into the aggregator (TailIngest, with its
 * atomic checkpoint); on each refresh tick, when something new was read, the report is rebuilt from the
 * aggregate and turned into a dashboard snapshot. RxJS carries batches and ticks, never records.
 *
 * Backpressure: batches are folded synchronously into a bounded aggregate, and the report is rebuilt at
 * most once per tick from that aggregate, so a slow screen delays frames, not memory: while a frame is
 * being computed or rendered the event loop is busy and the tailer does not read.
 */
import { BehaviorSubject, type Observable, Subject, interval, type SchedulerLike, asyncScheduler, filter, map, share, takeUntil } from 'rxjs';
import type { Config } from '../config/config-model.js';
import type { ReportJson } from '../domain/report.js';
import type { ProviderModel } from '../providers/types.js';
import { buildReport } from '../report/build-report.js';
import { reportSourceOf } from '../report/report-source.js';
import { configViewOf } from '../rules/config-view-from-config.js';
import type { ConfigView } from '../rules/config-view.js';
import { TailIngest } from '../tail/tail-ingest.js';
import type { TailBatch, TailEvent } from '../tail/types.js';
import type { DashboardAlert, DashboardSnapshot, SourceState, WatchSource } from '../ui/dashboard-snapshot.js';
import { buildSnapshot } from './build-snapshot.js';
import { detectAlerts, statusesOf, type StatusMap } from './detect-alerts.js';

const MAX_ALERTS = 50;
const RATE_WINDOW_MS = 5_000;

export interface WatchSessionOptions {
  readonly inputs: readonly string[];
  readonly cwd: string;
  readonly stateFile: string;
  readonly model: ProviderModel;
  readonly config: Config | null;
  /** How often the report is rebuilt when something new was read. Default 250 ms. */
  readonly refreshMs?: number;
  /** Tailer poll interval. Default 500 ms. */
  readonly pollMs?: number;
  /** chokidar wake-ups. Default true. */
  readonly watchEvents?: boolean;
  readonly now?: () => number;
  readonly scheduler?: SchedulerLike;
  /**
   * Retention window: cells older than this before the newest record are dropped (checked at most once
   * per hour of record time), so a dashboard left running for weeks keeps a bounded aggregate.
   * Default 14 days; Infinity keeps everything.
   */
  readonly retainMs?: number;
}

export const DEFAULT_RETAIN_MS = 14 * 24 * 3_600_000;

export interface Refresh {
  readonly report: ReportJson;
  readonly snapshot: DashboardSnapshot;
}

export class WatchSession {
  readonly ingest: TailIngest;
  /** Every rebuilt report and snapshot (hot; at most one per refresh tick). */
  readonly refreshes$: Observable<Refresh>;
  /** The latest snapshot (replayed to new subscribers, e.g. the dashboard). */
  readonly snapshots$: BehaviorSubject<DashboardSnapshot | null>;
  /** Tailer events (file found, rotated, truncated, errors). */
  readonly events$ = new Subject<TailEvent>();
  readonly view: ConfigView | undefined;
  private readonly options: WatchSessionOptions;
  private readonly now: () => number;
  private readonly stop$ = new Subject<void>();
  private readonly recent: { time: number; records: number }[] = [];
  private currentFile: string | null = null;
  private state: SourceState = 'waiting-for-path';
  private builtAtBatches = -1;
  private statuses: StatusMap = new Map();
  private alerts: DashboardAlert[] = [];
  private latest: Refresh | null = null;
  private refreshedAt = 0;
  private prunedAt = Number.NEGATIVE_INFINITY;
  private refreshCost = 0;

  static async open(options: WatchSessionOptions): Promise<WatchSession> {
    const holder: { session?: WatchSession } = {};
    const ingest = await TailIngest.open({
      inputs: options.inputs,
      cwd: options.cwd,
      model: options.model,
      stateFile: options.stateFile,
      pollMs: options.pollMs ?? 500,
      watch: options.watchEvents ?? true,
      onApplied: (b) => holder.session?.onBatch(b),
      onEvent: (e) => holder.session?.onEvent(e),
    });
    const session = new WatchSession(options, ingest);
    holder.session = session;
    return session;
  }

  private constructor(options: WatchSessionOptions, ingest: TailIngest) {
    this.options = options;
    this.ingest = ingest;
    this.now = options.now ?? Date.now;
    this.view = options.config === null ? undefined : configViewOf(options.config);
    this.snapshots$ = new BehaviorSubject<DashboardSnapshot | null>(null);
    this.refreshes$ = interval(options.refreshMs ?? 250, options.scheduler ?? asyncScheduler).pipe(
      takeUntil(this.stop$),
      filter(() => this.due()),
      map(() => this.refresh()),
      share(),
    );
    this.refreshes$.subscribe((r) => this.snapshots$.next(r.snapshot));
  }

  /**
   * A refresh is due when something new was read, and at most once per three times its own last cost,
   * so rebuilding the report never takes more than about a quarter of the time away from reading (a
   * large catch-up is read at full speed, then the screen follows every tick).
   */
  private due(): boolean {
    if (this.latest === null) return true;
    if (this.ingest.tailer.metrics.batches === this.builtAtBatches) return false;
    return performance.now() - this.refreshedAt >= 3 * this.refreshCost;
  }

  private onBatch(b: TailBatch): void {
    this.currentFile = b.path;
    this.state = 'reading';
    this.recent.push({ time: this.now(), records: b.records.length });
  }

  private onEvent(e: TailEvent): void {
    if (e.type === 'root-status') {
      if (e.status.state === 'waiting-for-path') this.state = 'waiting-for-path';
      else if (this.state === 'waiting-for-path') this.state = 'idle';
    }
    this.events$.next(e);
  }

  /** Rebuilds the report and snapshot from the aggregate now (also used by tests and --format json). */
  refresh(): Refresh {
    const started = performance.now();
    this.builtAtBatches = this.ingest.tailer.metrics.batches;
    const now = this.now();
    const agg = this.ingest.aggregator;
    this.applyRetention();
    const source = reportSourceOf(agg, this.view?.vmtaIps);
    const report = buildReport(source, { now, ...(this.view === undefined ? {} : { config: this.view }), configPath: this.options.config?.rootPath ?? null });
    const fresh = detectAlerts(this.statuses, report.pairs, now);
    this.statuses = statusesOf(report.pairs);
    if (fresh.length > 0) this.alerts = [...this.alerts, ...fresh].slice(-MAX_ALERTS);
    const snapshot = buildSnapshot({ now, cells: source.cells, report, alerts: this.alerts, source: this.sourceInfo(now, source.summary.lastTime) });
    this.latest = { report, snapshot };
    this.refreshedAt = performance.now();
    this.refreshCost = this.refreshedAt - started;
    return this.latest;
  }

  private applyRetention(): void {
    const retain = this.options.retainMs ?? DEFAULT_RETAIN_MS;
    const latest = this.ingest.aggregator.latestTime;
    if (!Number.isFinite(retain) || latest === null || latest - this.prunedAt < 3_600_000) return;
    this.prunedAt = latest;
    this.ingest.aggregator.pruneBefore(latest - retain);
  }

  private sourceInfo(now: number, lastRecordTime: number | null): WatchSource {
    while (this.recent.length > 0 && this.recent[0]!.time < now - RATE_WINDOW_MS) this.recent.shift();
    const records = this.recent.reduce((n, r) => n + r.records, 0);
    const status = this.ingest.tailer.status();
    const lagBytes = status.files.reduce((n, f) => n + (f.kind === 'plain' && f.role === 'owner' ? Math.max(0, f.size - f.offset - f.partialBytes) : 0), 0);
    const waiting = status.roots.length > 0 && status.roots.every((r) => r.state === 'waiting-for-path');
    return {
      paths: this.options.inputs,
      currentFile: this.currentFile,
      recordsPerSecond: Math.round((records * 1000) / RATE_WINDOW_MS),
      state: waiting ? 'waiting-for-path' : records > 0 ? 'reading' : 'idle',
      lagBytes,
      lastRecordTime,
      malformed: this.ingest.aggregator.malformedCount,
    };
  }

  get latestRefresh(): Refresh | null {
    return this.latest;
  }

  start(): void {
    this.ingest.start();
  }

  /** Stops reading and writes the last checkpoint. */
  async stop(): Promise<void> {
    this.stop$.next();
    this.stop$.complete();
    await this.ingest.stop();
    this.events$.complete();
    this.snapshots$.complete();
  }
}
