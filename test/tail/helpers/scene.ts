/**
 * The start and end most tail tests share: one ledger, one writer on a file in `dir`, one tailer
 * polling `dir`; and at the end, the writers closed and the tailer stopped.
 */
import { join } from 'node:path';
import type { TailCheckpoint, TailerOptions } from '../../../src/tail/types.js';
import { makeTailer, roundTrip, type TestTailer } from './harness.js';
import { Ledger, PmtaWriter, type WriterOptions } from './pmta-writer.js';

export interface Scene {
  readonly ledger: Ledger;
  /** The writer's file (`dir/acct.csv` unless named otherwise). */
  readonly path: string;
  readonly w: PmtaWriter;
  readonly t: TestTailer;
}

export interface SceneOptions {
  /** File name inside `dir`. Default `acct.csv`. */
  readonly name?: string;
  readonly writer?: WriterOptions;
  readonly tailer?: Partial<TailerOptions>;
}

/** Creates the writer (header written unless told otherwise) first, then the tailer on `dir`. */
export function writerScene(dir: string, options: SceneOptions = {}): Scene {
  const ledger = new Ledger();
  const path = join(dir, options.name ?? 'acct.csv');
  const w = new PmtaWriter(ledger, path, options.writer);
  const t = makeTailer([dir], options.tailer);
  return { ledger, path, w, t };
}

/** Closes the writers, then stops the tailer. */
export async function closeAndStop(t: TestTailer, ...writers: readonly PmtaWriter[]): Promise<void> {
  for (const w of writers) w.close();
  await t.tailer.stop();
}

/** Takes the checkpoint as through the state file, then stops the tailer (a restart follows). */
export async function checkpointAndStop(t: TestTailer): Promise<TailCheckpoint> {
  const cp = roundTrip(t.tailer.checkpoint());
  await t.tailer.stop();
  return cp;
}

/** A new tailer on `dir` resuming from `cp`, counting into the same collector as `t`. */
export function restart(dir: string, t: TestTailer, cp: TailCheckpoint): TestTailer {
  return makeTailer([dir], { checkpoint: cp }, t.collector);
}
