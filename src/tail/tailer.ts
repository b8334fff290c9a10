/**
 * The tailer: follows PowerMTA accounting directories, files and globs, and hands out every complete
 * record exactly once, in batches, across renames, moves, copytruncate, rewrites, deletions, gzip and
 * restarts. `poll()` is one step (scan, check, identify, read, close); `start()` runs it on a timer and
 * on watcher wake-ups. See docs/tailing.md for the rules.
 */
import type { RecordParser } from '../accounting/types.js';
import { asError, BatchGate, StoppedError } from './batch-gate.js';
import type { ReaderContext } from './feed-chunk.js';
import { FileSet } from './file-set.js';
import { defaultInclude, parseInput, type InputSpec } from './input-spec.js';
import { Scanner, type ScanResult } from './scan-inputs.js';
import { TailStream } from './tail-stream.js';
import type { TrackedFile } from './tracked-file.js';
import type { Clock, RootStatus, Scheduler, TailBatch, TailCheckpoint, TailerOptions, TailEvent, TailMetrics, TailStatus } from './types.js';
import { WakeWatcher } from './wake-watcher.js';

const systemClock: Clock = { now: () => Date.now() };
const systemScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Complete gzips are stat'ed again at least every this many polls (and whenever their directory changes). */
const FULL_SCAN_EVERY = 20;

export interface ResolvedTailerOptions {
  readonly pollMs: number;
  readonly rotateWaitMs: number;
  readonly idleCloseMs: number;
  readonly forgetAfterMs: number;
  readonly fingerprintBytes: number;
  readonly readChunkBytes: number;
}

export function emptyMetrics(): TailMetrics {
  return {
    polls: 0,
    batches: 0,
    records: 0,
    malformed: 0,
    bytesCommitted: 0,
    filesFound: 0,
    rotatedAwayUnread: 0,
    truncations: 0,
    bytesRecoveredFromCopies: 0,
    incompleteRecordsDropped: 0,
    nulBytesSkipped: 0,
    gzipIncomplete: 0,
    identityConflicts: 0,
  };
}

export class Tailer {
  readonly metrics: TailMetrics = emptyMetrics();
  private readonly options: TailerOptions;
  private readonly settings: ResolvedTailerOptions;
  private readonly specs: InputSpec[];
  private readonly include: (name: string) => boolean;
  private readonly clock: Clock;
  private readonly scheduler: Scheduler;
  private readonly gate: BatchGate;
  private readonly set: FileSet;
  private readonly scanner: Scanner;
  private roots: RootStatus[] = [];
  private pollCount = 0;
  private firstPollDone = false;
  /** The consumer threw on a batch: nothing more is read, and a checkpoint would not match what was applied. */
  get failed(): boolean {
    return this.gate.failure !== null;
  }

  /** Number of polls run. */
  get polls(): number {
    return this.pollCount;
  }

  private seq = 0;
  private running: Promise<void> | null = null;
  private rerun = false;
  private started = false;
  private stopped = false;
  private timer: unknown = null;
  private watcher: WakeWatcher | null = null;

  constructor(options: TailerOptions) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.scheduler = options.scheduler ?? systemScheduler;
    const pollMs = options.pollMs ?? 500;
    this.settings = {
      pollMs,
      rotateWaitMs: options.rotateWaitMs ?? 5000,
      idleCloseMs: options.idleCloseMs ?? 60_000,
      forgetAfterMs: options.forgetAfterMs ?? 24 * 3600_000,
      fingerprintBytes: options.checkpoint?.fingerprintBytes ?? options.fingerprintBytes ?? 1024,
      readChunkBytes: options.readChunkBytes ?? 256 * 1024,
    };
    const cwd = options.cwd ?? process.cwd();
    this.specs = options.inputs.map((i) => parseInput(i, cwd));
    this.include = options.include ?? defaultInclude;
    this.gate = new BatchGate(options.onBatch, (options.ack ?? 'auto') === 'auto', options.maxPendingBatches ?? 8, (paused, pending) =>
      this.emit(paused ? { type: 'paused', pending } : { type: 'resumed' }),
    );
    const ctx: ReaderContext = {
      fingerprintBytes: this.settings.fingerprintBytes,
      readChunkBytes: this.settings.readChunkBytes,
      metrics: this.metrics,
      gate: this.gate,
      now: () => this.clock.now(),
      pollNo: () => this.pollCount,
      emit: (e) => this.emit(e),
      nextSeq: () => ++this.seq,
      newParser: (file, startOffset, header) => this.newParser(file, startOffset, header),
    };
    const restored = (options.checkpoint?.streams ?? []).map((c) => TailStream.restore(c));
    this.set = new FileSet(ctx, this.settings, restored);
    this.scanner = new Scanner(this.specs, { include: this.include, frozen: (key) => this.set.isFrozen(key), fullEvery: FULL_SCAN_EVERY });
  }

  /** One step: scan the inputs, check known files, identify new ones, read, close drained ones. */
  poll(): Promise<void> {
    if (this.gate.failure !== null) return Promise.reject(asError(this.gate.failure));
    if (this.stopped) return Promise.resolve();
    if (this.running !== null) {
      this.rerun = true;
      return this.running;
    }
    const run = (async () => {
      try {
        do {
          this.rerun = false;
          await this.pollOnce();
        } while (this.rerun && !this.stopped);
      } finally {
        this.running = null;
      }
    })();
    this.running = run;
    return run;
  }

  /** Polls every `pollMs` (and early on watcher events) until `stop()`. Errors are reported as events. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    if (this.options.watch ?? true) {
      this.watcher = new WakeWatcher(this.scheduler, this.options.wakeDebounceMs ?? 50, () => this.wake());
    }
    this.schedule(0);
  }

  /** Stops polling, abandons a read waiting for the consumer, closes every descriptor. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.gate.stop();
    await this.running?.catch(() => undefined);
    await this.watcher?.close();
    await this.set.closeAll();
  }

  /** Acknowledges a batch (and all before it): its records are applied; its offset may be checkpointed. */
  ack(batch: TailBatch): void {
    this.gate.ack(batch);
  }

  /** Offsets of everything acknowledged so far, per content stream and file identity. JSON-safe. */
  checkpoint(): TailCheckpoint {
    return {
      version: 1,
      savedAt: this.clock.now(),
      fingerprintBytes: this.settings.fingerprintBytes,
      // Until a poll has looked for them, restored files are kept as they were saved.
      streams: this.set.checkpointStreams(!this.firstPollDone),
    };
  }

  status(): TailStatus {
    return {
      state: this.stopped ? 'stopped' : this.gate.isPaused ? 'paused' : this.running !== null ? 'polling' : 'idle',
      roots: [...this.roots],
      files: this.set.fileStatuses(),
      pendingBatches: this.gate.size,
      metrics: { ...this.metrics },
    };
  }

  private async pollOnce(): Promise<void> {
    this.pollCount += 1;
    this.metrics.polls += 1;
    let scan = await this.scanner.scan();
    if (scan.vanished.length > 0) scan = await this.rescanVanished(scan);
    this.updateRoots(scan.roots);
    try {
      await this.set.step(scan, this.pollCount);
      this.firstPollDone = true;
    } catch (e) {
      if (e instanceof StoppedError) return;
      throw e;
    }
  }

  /**
   * Names listed but gone before stat: list again. A rename shows up under its new name (a file not seen
   * before); when nothing new appears, the vanished files were deleted or moved away before being read.
   */
  private async rescanVanished(first: ScanResult): Promise<ScanResult> {
    const again = await this.scanner.scan();
    const known = (p: string): boolean => this.set.hasPath(p);
    const unknownVanished = first.vanished.filter((p) => !known(p) && !again.vanished.includes(p));
    const appeared = [...again.files.keys()].filter((k) => !first.files.has(k) && !this.set.has(k)).length;
    const lost = Math.max(0, unknownVanished.length - appeared);
    for (const p of unknownVanished.slice(0, lost)) {
      this.metrics.rotatedAwayUnread += 1;
      this.emit({ type: 'rotated-away-unread', path: p });
    }
    return again;
  }

  private updateRoots(next: RootStatus[]): void {
    const changed: boolean[] = next.map((r, i) => {
      const prev = this.roots[i];
      return prev === undefined || prev.state !== r.state || (r.state === 'error' && prev.state === 'error' && prev.code !== r.code);
    });
    this.roots = next;
    next.forEach((r, i) => {
      if (changed[i] === true) this.emit({ type: 'root-status', status: r });
    });
    // Idempotent: adds watches for paths that exist now (a watcher started after the first poll, a path that appeared).
    this.watcher?.sync(this.specs, next.map((r) => r.state === 'ok'));
    this.set.setFailedRoots(new Set(next.flatMap((r, i) => (r.state === 'error' ? [i] : []))));
  }

  private newParser(file: TrackedFile, startOffset: number, header: readonly string[] | null): RecordParser {
    const base = { file: file.path, startOffset };
    const withHeader = header === null ? base : { ...base, header };
    return this.options.parserFactory(this.options.maxRecordBytes === undefined ? withHeader : { ...withHeader, maxRecordBytes: this.options.maxRecordBytes });
  }

  private emit(e: TailEvent): void {
    this.options.onEvent?.(e);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = this.scheduler.setTimeout(() => this.tick(), ms);
  }

  private tick(): void {
    this.timer = null;
    this.poll()
      .catch((e: unknown) => {
        this.emit({ type: 'error', path: '', code: this.gate.failure !== null ? 'ECONSUMER' : 'EPOLL', message: e instanceof Error ? e.message : String(e) });
        // A batch the consumer failed on was never applied: stop rather than read past it.
        if (this.gate.failure !== null) void this.stop();
      })
      .finally(() => {
        if (!this.stopped && this.timer === null) this.schedule(this.settings.pollMs);
      });
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.running !== null) {
      this.rerun = true;
      return;
    }
    if (this.timer !== null) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = null;
    }
    this.tick();
  }
}
