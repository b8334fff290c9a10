/** Test harness: temp dirs, a consumer that counts records by sequence id, a tailer driven by poll(). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createRecordParser } from '../../../src/accounting/parse/record-parser.js';
import type { MalformedRecord } from '../../../src/domain/accounting-record.js';
import { Tailer } from '../../../src/tail/tailer.js';
import type { Clock, StreamCheckpoint, TailBatch, TailCheckpoint, TailerOptions, TailEvent } from '../../../src/tail/types.js';
import { SEQ_FIELD, type Ledger } from './pmta-writer.js';

export function tempDir(prefix = 'pmta-tail-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export class ManualClock implements Clock {
  t = Date.parse('2026-11-29T15:00:00Z');
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Counts every record by its sequence id, like an aggregate would. */
export class Collector {
  readonly batches: TailBatch[] = [];
  readonly counts = new Map<string, number>();
  readonly malformed: MalformedRecord[] = [];
  readonly events: TailEvent[] = [];

  readonly onBatch = (b: TailBatch): void => {
    this.batches.push(b);
    for (const r of b.records) {
      const id = r.field(SEQ_FIELD);
      this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    }
    this.malformed.push(...b.malformed);
  };

  readonly onEvent = (e: TailEvent): void => {
    this.events.push(e);
  };

  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  duplicates(): string[] {
    return [...this.counts].filter(([, c]) => c > 1).map(([id]) => id);
  }

  ids(): string[] {
    return [...this.counts.keys()].sort();
  }
}

/** Exactly once: no duplicate, and the ids equal the ledger's complete records. */
export function expectExact(c: Collector, ledger: Ledger): void {
  expect(c.duplicates()).toEqual([]);
  expect(c.ids()).toEqual([...ledger.complete].sort());
}

export interface TestTailer {
  readonly tailer: Tailer;
  readonly clock: ManualClock;
  readonly collector: Collector;
  /** Runs `n` polls, advancing the clock by the poll interval before each. */
  polls(n: number): Promise<void>;
}

export function makeTailer(inputs: readonly string[], overrides: Partial<TailerOptions> = {}, collector = new Collector(), clock = new ManualClock()): TestTailer {
  const tailer = new Tailer({
    inputs,
    parserFactory: createRecordParser,
    onBatch: collector.onBatch,
    onEvent: collector.onEvent,
    watch: false,
    rotateWaitMs: 0,
    clock,
    ...overrides,
  });
  return {
    tailer,
    clock,
    collector,
    polls: async (n) => {
      for (let i = 0; i < n; i++) {
        clock.advance(500);
        await tailer.poll();
      }
    },
  };
}

/** JSON round trip, as through the state file. */
export function roundTrip(c: TailCheckpoint): TailCheckpoint {
  return JSON.parse(JSON.stringify(c)) as TailCheckpoint;
}

/** The checkpointed stream held by the file at `path`. */
export function streamOf(c: TailCheckpoint, path: string): StreamCheckpoint | undefined {
  return c.streams.find((s) => s.files.some((f) => f.path === path));
}

/** The checkpoint offset of the content in `path` equals the byte length of its complete records. */
export function expectOffset(c: TailCheckpoint, path: string, completeBytes: number): void {
  const s = streamOf(c, path);
  expect(s, `no checkpoint entry for ${path}`).toBeDefined();
  expect(s?.offset).toBe(completeBytes);
}
