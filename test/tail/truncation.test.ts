/** A8 scenarios 3 (copytruncate), 4 (truncate and regrow past the offset) and 9 (inode reuse). */
import { closeSync, copyFileSync, openSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Collector, expectExact, expectOffset, makeTailer, removeDir, tempDir } from './helpers/harness.js';
import { checkpointAndStop, closeAndStop, restart, writerScene } from './helpers/scene.js';
import { HEADER, Ledger, PmtaWriter, recordLine, seqId } from './helpers/pmta-writer.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

describe('A8-3 copytruncate', () => {
  it('detects the shrink, reads the truncated file from 0 and recovers unread rows from the copy', async () => {
    const { ledger, path: active, w, t } = writerScene(dir);
    w.write(4);
    await t.polls(1);
    // Written after our last read, before the copy: only the copy holds them once truncated.
    const unread = w.write(3);
    w.copyTruncate(join(dir, 'acct.csv.1'));
    w.write(2); // the writer (O_APPEND) continues at 0, without a header line
    await t.polls(1);
    expectExact(t.collector, ledger);
    expect(t.tailer.metrics.truncations).toBe(1);
    expect(t.tailer.metrics.bytesRecoveredFromCopies).toBe(unread.reduce((n, k) => n + recordLine(k).length, 0));
    expect(t.collector.events.some((e) => e.type === 'copy-takeover')).toBe(true);
    expect(t.collector.malformed).toEqual([]);
    const cp = t.tailer.checkpoint();
    expectOffset(cp, join(dir, 'acct.csv.1'), statSync(join(dir, 'acct.csv.1')).size);
    expectOffset(cp, active, w.completeBytes);
    // The regrown content is mapped with the columns of the file it replaced.
    expect(cp.streams.find((s) => s.files.some((f) => f.path === active))?.header?.at(-1)).toBe('header_X-Seq');
    w.write(2);
    await t.polls(2);
    expectExact(t.collector, ledger);
    await closeAndStop(t, w);
  });

  it('no double counting when the copy is seen before the truncation', async () => {
    const { ledger, path: active, w, t } = writerScene(dir);
    w.write(4);
    await t.polls(1);
    // logrotate copies ...
    copyFileSync(active, join(dir, 'acct.csv.1'));
    await t.polls(1); // the copy is a copy of a live file: not read
    w.write(1); // lands in the original before the truncate: lost by logrotate's own race, except we read it now
    await t.polls(1);
    truncateSync(active, 0);
    w.completeBytes = 0;
    w.write(2);
    await t.polls(2);
    expectExact(t.collector, ledger);
    await closeAndStop(t, w);
  });

  it('a copy first seen as a copy of the live file takes over when the original is truncated before its rows were read', async () => {
    const ledger = new Ledger();
    const active = join(dir, 'acct.csv');
    const w = new PmtaWriter(ledger, active);
    const collector = new Collector();
    let ackAtOnce = false;
    const t = makeTailer(
      [dir],
      {
        ack: 'manual',
        maxPendingBatches: 1,
        onBatch: (b) => {
          collector.onBatch(b);
          if (ackAtOnce) t.tailer.ack(b);
        },
      },
      collector,
    );
    w.write(3);
    await t.polls(1); // one batch, not acknowledged yet: the next read will wait
    const unread = w.write(2);
    copyFileSync(active, join(dir, 'acct.csv.1'));
    const paused = new Promise<void>((resolve) => {
      const check = (): void => (collector.events.some((e) => e.type === 'paused') ? resolve() : void setImmediate(check));
      check();
    });
    const polling = t.polls(1); // sees the copy (a copy of a live file), then waits to read the new rows
    await paused;
    truncateSync(active, 0); // logrotate truncates while the rows are still unread
    w.completeBytes = 0;
    ackAtOnce = true;
    t.tailer.ack(collector.batches.at(-1)!);
    await polling;
    w.write(1);
    await t.polls(2);
    expectExact(collector, ledger);
    expect(collector.events.some((e) => e.type === 'copy-takeover')).toBe(true);
    expect(t.tailer.metrics.bytesRecoveredFromCopies).toBe(unread.reduce((n, k) => n + recordLine(k).length, 0));
    expectOffset(t.tailer.checkpoint(), join(dir, 'acct.csv.1'), statSync(join(dir, 'acct.csv.1')).size);
    expectOffset(t.tailer.checkpoint(), active, w.completeBytes);
    await closeAndStop(t, w);
  });

  it('skips the NUL hole a stale non-O_APPEND writer leaves after the truncate', async () => {
    const { ledger, path: active, w, t } = writerScene(dir, { writer: { append: false } });
    w.write(3);
    await t.polls(1);
    w.copyTruncate(join(dir, 'acct.csv.1'));
    // The stale writer writes at its old position: the file becomes a hole of NULs followed by records.
    w.write(2);
    await t.polls(1);
    expectExact(t.collector, ledger);
    expect(t.tailer.metrics.nulBytesSkipped).toBeGreaterThan(0);
    expect(t.collector.malformed).toEqual([]);
    expectOffset(t.tailer.checkpoint(), active, w.completeBytes);
    await closeAndStop(t, w);
  });
});

describe('A8-4 truncate and rewrite to a size ≥ the old offset between two polls', () => {
  it('the marker before the offset differs: the file is read as new from 0', async () => {
    const { ledger, path: active, w, t } = writerScene(dir);
    w.write(3);
    await t.polls(1);
    const oldSize = statSync(active).size;
    w.close();
    // Rewritten in place (same inode) with other, longer content.
    const fresh = [HEADER];
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const n = ledger.next();
      fresh.push(recordLine(n));
      ids.push(seqId(n));
    }
    writeFileSync(active, fresh.join(''));
    expect(statSync(active).size).toBeGreaterThanOrEqual(oldSize);
    for (const id of ids) ledger.complete.add(id);
    await t.polls(1);
    expect(t.tailer.metrics.truncations).toBe(1);
    expect(t.collector.events).toContainEqual(expect.objectContaining({ type: 'file-truncated', reason: 'rewritten' }));
    // The first 3 records were counted once; the rewrite's 5 once each.
    expectExact(t.collector, ledger);
    expectOffset(t.tailer.checkpoint(), active, statSync(active).size);
    await t.tailer.stop();
  });
});

describe('A8-9 inode reuse', () => {
  it.each([
    ['rewritten in place (O_TRUNC: the same inode for sure)', false],
    ['deleted and created again (ext4 usually hands out the freed inode)', true],
  ])('other content under the same name across a restart, %s: the old offset is never applied', async (_name, unlink) => {
    const { ledger, path: active, w, t } = writerScene(dir);
    w.write(6);
    await t.polls(1);
    const cp = await checkpointAndStop(t);
    w.close();
    const ino = statSync(active).ino;
    if (unlink) unlinkSync(active);
    else closeSync(openSync(active, 'w'));
    const w2 = new PmtaWriter(ledger, active);
    if (!unlink) expect(statSync(active).ino).toBe(ino);
    w2.write(8); // longer than the old offset, so the size check alone cannot see it
    const t2 = restart(dir, t, cp);
    await t2.polls(1);
    expectExact(t2.collector, ledger);
    expectOffset(t2.tailer.checkpoint(), active, w2.completeBytes);
    w2.close();
    await t2.tailer.stop();
  });

  it('same inode rewritten in place while the descriptor was closed as idle', async () => {
    const { ledger, path: active, w, t } = writerScene(dir, { tailer: { idleCloseMs: 1000 } });
    w.write(4);
    await t.polls(1);
    t.clock.advance(5000);
    await t.polls(3);
    expect(t.tailer.status().files[0]?.open).toBe(false);
    await t.polls(3); // unchanged: not reopened every poll
    expect(t.tailer.status().files[0]?.open).toBe(false);
    w.close();
    // Rewrite through a new descriptor: O_TRUNC keeps the inode.
    const fd = openSync(active, 'w');
    closeSync(fd);
    const w2 = new PmtaWriter(ledger, active);
    w2.write(7);
    await t.polls(1);
    expectExact(t.collector, ledger);
    expect(t.collector.events).toContainEqual(expect.objectContaining({ type: 'file-truncated' }));
    expectOffset(t.tailer.checkpoint(), active, w2.completeBytes);
    w2.close();
    await t.tailer.stop();
  });
});
