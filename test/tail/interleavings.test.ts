/**
 * A8-25: random interleavings of writes, partial writes, rename rotations (with stale writes to the
 * renamed file), moves to another watched directory, copytruncate (at once, or copy and truncate as two
 * steps), gzip, deletions, restarts (clean, or a crash back to the last saved
 * state) and polls. Every record carries a unique id. Always: no id counted twice, nothing counted
 * that was not written, every record still present in some file at the end is counted, and the
 * checkpoint offset of each file read equals the length of its complete records. Without truncation
 * and deletion: counted = written.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TailBatch, TailCheckpoint } from '../../src/tail/types.js';
import { Collector, makeTailer, removeDir, roundTrip, tempDir, type ManualClock, type TestTailer } from './helpers/harness.js';
import { Ledger, PmtaWriter } from './helpers/pmta-writer.js';

type Op =
  | { readonly op: 'write'; readonly n: number }
  | { readonly op: 'partial'; readonly cut: number }
  | { readonly op: 'rotate' }
  | { readonly op: 'stale' }
  | { readonly op: 'copytruncate' }
  | { readonly op: 'copy' }
  | { readonly op: 'truncate' }
  | { readonly op: 'gzip' }
  | { readonly op: 'delete' }
  | { readonly op: 'move' }
  | { readonly op: 'poll' }
  | { readonly op: 'save' }
  | { readonly op: 'restart'; readonly crash: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('write' as const), n: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('partial' as const), cut: fc.double({ min: 0.05, max: 0.95, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.constant({ op: 'rotate' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'stale' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'copytruncate' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'copy' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'truncate' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'gzip' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'delete' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'move' as const }) },
  { weight: 5, arbitrary: fc.constant({ op: 'poll' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'save' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restart' as const), crash: fc.boolean() }) },
);

/** Runs per property (TAIL_PROPERTY_RUNS raises it for a longer hunt). */
const RUNS = Number(process.env['TAIL_PROPERTY_RUNS'] ?? 400);
const TIMEOUT = Math.max(60_000, RUNS * 60);

const ROW = /^[dtb],2026-\d\d-\d\d \d\d:\d\d:\d\d\+0000,.*,(S\d{7})\r$/;

function content(path: string): Buffer {
  const b = readFileSync(path);
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b;
}

/**
 * Ids of complete records present in the files that exist now and start with a header line. (The rows
 * a copytruncate leaves without a header can only be mapped by a tailer that watched the file being
 * truncated; a file first seen headerless is counted as malformed `no-header`.)
 */
function presentIds(dirs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of dirs.flatMap((d) => readdirSync(d, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(d, e.name)))) {
    const text = content(name).toString('utf8');
    if (!text.startsWith('type,')) continue;
    for (const line of text.split('\n').slice(0, -1)) {
      const m = ROW.exec(line.replace(/^\0+/, ''));
      if (m?.[1] !== undefined) out.add(m[1]);
    }
  }
  return out;
}

interface Settings {
  readonly fingerprintBytes: number;
  readonly readChunkBytes: number;
  readonly idleCloseMs: number;
  /** `lagging`: manual acks, each batch acknowledged (and counted) only when the next one arrives. */
  readonly consumer: 'auto' | 'lagging';
}

const settingsArb: fc.Arbitrary<Settings> = fc.record({
  fingerprintBytes: fc.constantFrom(64, 1024),
  readChunkBytes: fc.constantFrom(700, 256 * 1024),
  idleCloseMs: fc.constantFrom(0, 60_000),
  consumer: fc.constantFrom('auto' as const, 'lagging' as const),
});

async function run(ops: readonly Op[], settings: Settings): Promise<void> {
  const dir = tempDir('pmta-interleave-');
  const done = join(dir, 'done');
  mkdirSync(done);
  const ledger = new Ledger();
  const active = join(dir, 'acct.csv');
  let w = new PmtaWriter(ledger, active);
  const rotated: PmtaWriter[] = [];
  let names = 0;
  let lossy = false;
  let collector = new Collector();
  const { consumer, ...tailOptions } = settings;
  const inputs = [dir, done];
  // The lagging consumer holds one batch: its records count (and its offset is acknowledged) only when
  // the next batch arrives or at the end; a restart drops it, so it must be read again.
  let held: TailBatch | null = null;
  const open = (checkpoint: TailCheckpoint | null, clock?: ManualClock): TestTailer => {
    held = null;
    const c = collector;
    const tt: TestTailer = makeTailer(
      inputs,
      consumer === 'auto'
        ? { ...tailOptions, checkpoint }
        : {
            ...tailOptions,
            checkpoint,
            ack: 'manual',
            maxPendingBatches: 2,
            onBatch: (b) => {
              if (held !== null) {
                c.onBatch(held);
                tt.tailer.ack(held);
              }
              held = b;
            },
          },
      c,
      clock,
    );
    return tt;
  };
  let t: TestTailer = open(null);
  let saved: { checkpoint: TailCheckpoint; counts: Map<string, number> } = { checkpoint: roundTrip(t.tailer.checkpoint()), counts: new Map() };
  const otherFiles = (): string[] => readdirSync(dir).filter((n) => n !== 'acct.csv' && n !== 'done').sort();
  try {
    for (const o of ops) {
      switch (o.op) {
        case 'write':
          w.write(o.n);
          break;
        case 'partial':
          w.writePartial(o.cut);
          break;
        case 'rotate': {
          w.completePartial();
          w.renameTo(join(dir, `acct-${String(++names).padStart(4, '0')}.csv`));
          rotated.push(w);
          w = new PmtaWriter(ledger, active);
          break;
        }
        case 'stale': {
          const old = rotated.at(-1);
          if (old !== undefined) old.write(1);
          break;
        }
        case 'copytruncate': {
          w.copyTruncate(join(dir, `acct.csv.${++names}`));
          // A record split by the truncate is complete in neither file.
          w.completePartialElsewhere();
          lossy = true;
          break;
        }
        case 'copy': {
          // logrotate's copy and truncate as two steps, with polls and writes possibly in between.
          copyFileSync(active, join(dir, `acct.csv.${++names}`));
          break;
        }
        case 'truncate': {
          truncateSync(active, 0);
          w.completeBytes = 0;
          w.completePartialElsewhere();
          lossy = true;
          break;
        }
        case 'gzip': {
          const name = otherFiles().find((n) => n.endsWith('.csv'));
          if (name === undefined) break;
          const p = join(dir, name);
          writeFileSync(`${p}.gz`, gzipSync(readFileSync(p)));
          unlinkSync(p);
          lossy = true; // a stale writer's later rows go to the deleted original
          break;
        }
        case 'delete': {
          const name = otherFiles()[0];
          if (name === undefined) break;
          unlinkSync(join(dir, name));
          lossy = true;
          break;
        }
        case 'move': {
          // PowerMTA's move-to: same volume, same inode, another watched directory.
          const name = otherFiles()[0];
          if (name === undefined) break;
          renameSync(join(dir, name), join(done, name));
          const moved = rotated.find((r) => r.path === join(dir, name));
          if (moved !== undefined) moved.path = join(done, name);
          break;
        }
        case 'poll':
          await t.polls(1);
          break;
        case 'save':
          saved = { checkpoint: roundTrip(t.tailer.checkpoint()), counts: new Map(collector.counts) };
          break;
        case 'restart': {
          await t.tailer.stop();
          if (o.crash) lossy = true; // rows read since the last save may be gone from disk by now
          else saved = { checkpoint: roundTrip(t.tailer.checkpoint()), counts: new Map(collector.counts) };
          collector = new Collector();
          for (const [id, n] of saved.counts) collector.counts.set(id, n);
          t = open(saved.checkpoint, t.clock);
          break;
        }
        default: {
          const never: never = o;
          throw new Error(String(never));
        }
      }
    }
    w.completePartial();
    for (const r of rotated) r.completePartial();
    await t.polls(4);
    if (held !== null) {
      collector.onBatch(held);
      t.tailer.ack(held);
    }

    const counted = collector.counts;
    const dupes = [...counted].filter(([, n]) => n > 1).map(([id]) => id);
    expect(dupes).toEqual([]);
    const written = ledger.complete;
    expect([...counted.keys()].filter((id) => !written.has(id))).toEqual([]);
    const present = presentIds(inputs);
    expect([...present].filter((id) => !counted.has(id)).sort()).toEqual([]);
    if (!lossy) expect([...counted.keys()].sort()).toEqual([...written].sort());
    // Checkpoint offsets: each file a stream is read from, at the length of its complete records.
    const cp = t.tailer.checkpoint();
    for (const s of cp.streams) {
      for (const f of s.files.filter((x) => x.role === 'owner')) {
        const b = content(f.path);
        expect({ path: f.path, offset: s.offset }).toEqual({ path: f.path, offset: b.lastIndexOf(0x0a) + 1 });
      }
    }
  } finally {
    await t.tailer.stop();
    w.close();
    for (const r of rotated) r.close();
    removeDir(dir);
  }
}

describe('A8-25 property-based interleavings', () => {
  it('never a duplicate; nothing present is missed; exact when nothing is truncated or deleted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 40 }), settingsArb, run),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('long runs without truncation or deletion count exactly what was written', async () => {
    const safe = opArb.filter((o) => o.op !== 'copytruncate' && o.op !== 'truncate' && o.op !== 'delete' && o.op !== 'gzip' && !(o.op === 'restart' && o.crash));
    await fc.assert(fc.asyncProperty(fc.array(safe, { minLength: 30, maxLength: 80 }), settingsArb, run), {
      numRuns: Math.ceil(RUNS / 3),
    });
  }, TIMEOUT);
});
