/**
 * Hands batches to the consumer in order and holds the unacknowledged ones. Reading waits for capacity
 * (backpressure): with automatic acks one batch is in flight at a time; with manual acks up to
 * `maxPending`. Acknowledging a batch applies its position to its stream (the checkpointed offset).
 */
import type { StreamPosition, TailStream } from './tail-stream.js';
import type { TailBatch } from './types.js';

interface Pending {
  readonly batch: TailBatch;
  readonly stream: TailStream;
  readonly position: StreamPosition;
}

export class StoppedError extends Error {
  override readonly name = 'StoppedError';
}

export class BatchGate {
  private readonly pending: Pending[] = [];
  private waiters: (() => void)[] = [];
  private stopped = false;
  private paused = false;
  /** The error the consumer threw, if it did: its batch was never applied, so nothing more may be read. */
  failure: unknown = null;
  private readonly consumer: (batch: TailBatch) => void | Promise<void>;
  private readonly autoAck: boolean;
  private readonly maxPending: number;
  private readonly onPause: (paused: boolean, pending: number) => void;

  constructor(
    consumer: (batch: TailBatch) => void | Promise<void>,
    autoAck: boolean,
    maxPending: number,
    onPause: (paused: boolean, pending: number) => void,
  ) {
    this.consumer = consumer;
    this.autoAck = autoAck;
    this.maxPending = autoAck ? 1 : Math.max(1, maxPending);
    this.onPause = onPause;
  }

  get size(): number {
    return this.pending.length;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Resolves when another batch may be produced; rejects with StoppedError once stopped. */
  async waitCapacity(): Promise<void> {
    if (this.failure !== null) throw asError(this.failure);
    while (!this.stopped && this.pending.length >= this.maxPending) {
      if (!this.paused) {
        this.paused = true;
        this.onPause(true, this.pending.length);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.stopped) throw new StoppedError('tailer stopped');
    if (this.paused) {
      this.paused = false;
      this.onPause(false, this.pending.length);
    }
  }

  /** Records the batch as pending, hands it to the consumer, and acknowledges it in automatic mode. */
  async deliver(batch: TailBatch, stream: TailStream, position: StreamPosition): Promise<void> {
    this.pending.push({ batch, stream, position });
    try {
      const r = this.consumer(batch);
      if (r !== undefined) await r;
    } catch (e) {
      this.failure = e;
      throw e;
    }
    if (this.autoAck) this.ack(batch);
  }

  /** Acknowledges `batch` and every batch handed out before it. Unknown (already acknowledged) batches are ignored. */
  ack(batch: TailBatch): void {
    const i = this.pending.findIndex((p) => p.batch.seq === batch.seq);
    if (i < 0) return;
    for (const p of this.pending.splice(0, i + 1)) p.stream.acked = p.position;
    this.wake();
  }

  stop(): void {
    this.stopped = true;
    this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }
}

export function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
