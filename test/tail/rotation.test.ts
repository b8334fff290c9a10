/** A8 scenarios 1 and 2, plus PowerMTA's move-to directory: rotation by rename. */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectExact, expectOffset, makeTailer, removeDir, tempDir } from './helpers/harness.js';
import { closeAndStop } from './helpers/scene.js';
import { Ledger, PmtaWriter } from './helpers/pmta-writer.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

describe('A8-1 rename rotation while writing', () => {
  it('drains the renamed file (stale writer included), reads the new one from 0, closes the old fd after the grace period', async () => {
    const ledger = new Ledger();
    const active = join(dir, 'acct.csv');
    const w1 = new PmtaWriter(ledger, active);
    const t = makeTailer([dir]);
    w1.write(5);
    await t.polls(1);
    expect(t.collector.total).toBe(5);

    w1.renameTo(join(dir, 'acct-2026-11-29-0001.csv'));
    const w2 = new PmtaWriter(ledger, active);
    w2.write(3);
    // PowerMTA's old descriptor still appends to the renamed file
    w1.write(4);
    await t.polls(1);
    w1.write(2);
    w2.write(1);
    await t.polls(1);

    expectExact(t.collector, ledger);
    const cp = t.tailer.checkpoint();
    expectOffset(cp, w1.path, w1.completeBytes);
    expectOffset(cp, active, w2.completeBytes);
    expect(t.collector.events).toContainEqual({ type: 'file-renamed', from: active, to: w1.path });

    // The renamed file is still visible, so it stays tracked; once it disappears it is drained and closed after ≥ 2 polls.
    w1.write(1);
    removeDir(w1.path);
    await t.polls(1);
    expect(t.collector.counts.size).toBe(ledger.complete.size);
    expect(t.tailer.status().files.find((f) => f.path === w1.path)?.open).toBe(true);
    await t.polls(1);
    expect(t.tailer.status().files.find((f) => f.path === w1.path)?.open).toBe(true);
    await t.polls(1);
    expect(t.tailer.status().files.find((f) => f.path === w1.path)).toBeUndefined();
    expectExact(t.collector, ledger);
    w1.close();
    w2.close();
    await t.tailer.stop();
  });

  it('waits rotateWaitMs (and at least 2 polls) of quiet before closing a gone file', async () => {
    const ledger = new Ledger();
    const w = new PmtaWriter(ledger, join(dir, 'acct.csv'));
    const t = makeTailer([dir], { rotateWaitMs: 5000 });
    w.write(2);
    await t.polls(1);
    w.renameTo(join(dir, 'elsewhere.tmp')); // out of the watched set (not *.csv)
    await t.polls(3);
    expect(t.tailer.status().files.find((f) => f.path === join(dir, 'acct.csv'))?.open).toBe(true);
    w.write(1); // late write by the stale writer, within the wait
    t.clock.advance(3000);
    await t.polls(1);
    expectExact(t.collector, ledger);
    t.clock.advance(5000);
    await t.polls(2);
    expect(t.tailer.status().files).toEqual([]);
    expect(t.collector.batches.at(-1)?.final).toBe(true);
    await closeAndStop(t, w);
  });
});

describe('A8-2 several rotations inside one poll interval', () => {
  it('finds every intermediate file by scanning the directory, exact', async () => {
    const ledger = new Ledger();
    const active = join(dir, 'acct.csv');
    let w = new PmtaWriter(ledger, active);
    const t = makeTailer([dir]);
    w.write(2);
    await t.polls(1);
    const old: PmtaWriter[] = [];
    for (let i = 1; i <= 5; i++) {
      w.write(3);
      w.renameTo(join(dir, `acct-2026-11-29-000${i}.csv`));
      old.push(w);
      w = new PmtaWriter(ledger, active);
    }
    w.write(1);
    await t.polls(1);
    expectExact(t.collector, ledger);
    const cp = t.tailer.checkpoint();
    for (const o of old) expectOffset(cp, o.path, o.completeBytes);
    expect(t.tailer.metrics.rotatedAwayUnread).toBe(0);
    for (const o of [...old, w]) o.close();
    await t.tailer.stop();
  });

  it('a file created and deleted between two polls is never listed: nothing counted from it, nothing doubled', async () => {
    const ledger = new Ledger();
    const w = new PmtaWriter(ledger, join(dir, 'acct.csv'));
    w.write(1);
    const t = makeTailer([dir]);
    await t.polls(1);
    const gone = new PmtaWriter(ledger, join(dir, 'acct-0001.csv'));
    gone.write(2);
    gone.close();
    removeDir(gone.path);
    await t.polls(1);
    // Never listed: invisible to any poller. The records are not counted and no duplicate appears.
    expect(t.collector.duplicates()).toEqual([]);
    expect(t.collector.total).toBe(1);
    await closeAndStop(t, w);
  });
});

describe('PowerMTA move-to directory', () => {
  it('follows a file moved to the move-to directory and keeps its offset (same inode)', async () => {
    const ledger = new Ledger();
    const moveTo = join(dir, 'done');
    mkdirSync(moveTo);
    const active = join(dir, 'acct.csv');
    const w = new PmtaWriter(ledger, active);
    const t = makeTailer([dir, moveTo]);
    w.write(3);
    await t.polls(1);
    w.write(2);
    const moved = join(moveTo, 'acct-2026-11-29-0000.csv');
    renameSync(active, moved);
    w.path = moved;
    w.write(1);
    const w2 = new PmtaWriter(ledger, active);
    w2.write(2);
    await t.polls(1);
    expectExact(t.collector, ledger);
    const cp = t.tailer.checkpoint();
    expectOffset(cp, moved, w.completeBytes);
    expectOffset(cp, active, w2.completeBytes);
    expect(t.collector.events).toContainEqual({ type: 'file-renamed', from: active, to: moved });
    w.close();
    w2.close();
    await t.tailer.stop();
  });
});
