/**
 * The tailer, the aggregator and the state file wired so that nothing is counted twice or lost across
 * restarts: each batch is applied to the aggregator and acknowledged in the same synchronous step, and
 * a checkpoint takes the acknowledged offsets and the aggregate snapshot at the same instant and writes
 * them in one atomic file. Restart = load that file, rebuild the aggregator from its snapshot, resume
 * the tailer from its offsets.
 */
import { resolve } from 'node:path';
import { createRecordParser } from '../accounting/parse/record-parser.js';
import type { ParserFactory } from '../accounting/types.js';
import { Aggregator } from '../aggregate/aggregator.js';
import { UserError } from '../domain/user-error.js';
import type { ProviderModel } from '../providers/types.js';
import type { AdvisorState } from './state-format.js';
import { loadState, saveState, type LoadedState, type SaveStep } from './state-store.js';
import { Tailer } from './tailer.js';
import type { Scheduler, TailBatch, TailerOptions } from './types.js';

export type IngestFaultStep = 'batch-applied' | 'snapshot-taken' | SaveStep;
/** Called after each step; throwing there simulates a crash at that point. */
export type IngestFaultHook = (step: IngestFaultStep) => void;

export interface TailIngestOptions extends Omit<TailerOptions, 'onBatch' | 'checkpoint' | 'ack' | 'maxPendingBatches' | 'parserFactory'> {
  readonly model: ProviderModel;
  /** Default: the accounting parser (createRecordParser). */
  readonly parserFactory?: ParserFactory;
  /** The state file (`--state`). */
  readonly stateFile: string;
  /** Sees each batch right after it was applied (the dashboard). Must not throw. */
  readonly onApplied?: (batch: TailBatch) => void;
  /** Checkpoint this often while running, when something new was applied. Default 1000 ms. */
  readonly checkpointEveryMs?: number;
  readonly fault?: IngestFaultHook;
}

const defaultScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class TailIngest {
  readonly aggregator: Aggregator;
  readonly tailer: Tailer;
  /** What was loaded at open (its `problems` are worth a warning line each). */
  readonly loaded: LoadedState;
  readonly inputs: readonly string[];
  private readonly options: TailIngestOptions;
  private readonly scheduler: Scheduler;
  private savedAtBatches = 0;
  private saving: Promise<void> = Promise.resolve();
  private rotate: boolean;
  private timer: unknown = null;
  private stopped = false;

  /** Loads the state file (falling back to `.prev`) and builds the aggregator and tailer from it. */
  static async open(options: TailIngestOptions): Promise<TailIngest> {
    const loaded = await loadState(options.stateFile);
    const cwd = options.cwd ?? process.cwd();
    const inputs = options.inputs.map((i) => resolve(cwd, i));
    const saved = loaded.state;
    if (saved !== null && !sameInputs(saved.inputs, inputs)) {
      throw new UserError(`state file ${options.stateFile} was written while following ${saved.inputs.join(', ')}, not ${inputs.join(', ')}`, {
        hint: 'pass --state FILE to keep a separate state for these inputs',
      });
    }
    return new TailIngest(options, loaded, inputs);
  }

  private constructor(options: TailIngestOptions, loaded: LoadedState, inputs: readonly string[]) {
    this.options = options;
    this.loaded = loaded;
    this.inputs = inputs;
    this.scheduler = options.scheduler ?? defaultScheduler;
    this.rotate = loaded.source !== 'previous';
    const snapshot = loaded.state?.aggregate ?? null;
    this.aggregator = snapshot === null ? new Aggregator(options.model) : Aggregator.fromSnapshot(snapshot, options.model);
    this.tailer = new Tailer({
      ...options,
      parserFactory: options.parserFactory ?? createRecordParser,
      checkpoint: loaded.state?.tail ?? null,
      ack: 'auto',
      onBatch: (b) => this.apply(b),
    });
  }

  /** Synchronous on purpose: the batch is applied and acknowledged with no await in between. */
  private apply(batch: TailBatch): void {
    this.aggregator.add(batch.records);
    this.aggregator.addMalformed(batch.malformed);
    if (batch.bytes > 0) this.aggregator.addFile(batch.path, batch.bytes);
    this.options.fault?.('batch-applied');
    this.options.onApplied?.(batch);
  }

  poll(): Promise<void> {
    return this.tailer.poll();
  }

  /** Writes offsets and aggregates together (saves run one after another). */
  checkpoint(): Promise<void> {
    const next = this.saving.then(() => this.save());
    this.saving = next.catch(() => undefined);
    return next;
  }

  private async save(): Promise<void> {
    if (this.tailer.failed) throw new Error('not saving state: a batch failed while being applied');
    const batches = this.tailer.metrics.batches;
    const state: AdvisorState = { inputs: this.inputs, tail: this.tailer.checkpoint(), aggregate: this.aggregator.toSnapshot() };
    this.options.fault?.('snapshot-taken');
    await saveState(this.options.stateFile, state, this.options.fault === undefined ? { rotate: this.rotate } : { rotate: this.rotate, fault: this.options.fault });
    this.rotate = true;
    this.savedAtBatches = batches;
  }

  /** Starts the tailer's loop and the periodic checkpoint. */
  start(): void {
    this.tailer.start();
    this.scheduleCheckpoint();
  }

  /** Stops the tailer and writes a last checkpoint. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    await this.tailer.stop();
    if (!this.tailer.failed) await this.checkpoint();
  }

  private scheduleCheckpoint(): void {
    if (this.stopped) return;
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      const due = this.tailer.metrics.batches !== this.savedAtBatches;
      const run = due ? this.checkpoint() : Promise.resolve();
      run
        .catch((e: unknown) => {
          this.options.onEvent?.({ type: 'error', path: this.options.stateFile, code: 'ESTATE', message: e instanceof Error ? e.message : String(e) });
        })
        .finally(() => this.scheduleCheckpoint());
    }, this.options.checkpointEveryMs ?? 1000);
  }
}

function sameInputs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
}
