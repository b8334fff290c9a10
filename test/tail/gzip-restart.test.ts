/** A8 scenarios 8 (restart after rotations while stopped, rename and gzip) and 21 (gzip rotated files). */
import { appendFileSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectExact, expectOffset, makeTailer, removeDir, roundTrip, streamOf, tempDir } from './helpers/harness.js';
import { checkpointAndStop, closeAndStop, restart, writerScene } from './helpers/scene.js';
import { completeLength, HEADER, Ledger, PmtaWriter, recordLine, seqId } from './helpers/pmta-writer.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

/** gzip a file in place the way `gzip` does: write NAME.gz, then delete NAME. */
function gzipFile(path: string, target = `${path}.gz`): string {
  writeFileSync(target, gzipSync(readFileSync(path)));
  unlinkSync(path);
  return target;
}

describe('A8-8 restart after rotations while stopped', () => {
  it('finds the checkpointed content under its new name and inside a gzip, resumes at its offset', async () => {
    const ledger = new Ledger();
    const active = join(dir, 'acct.csv');
    let w = new PmtaWriter(ledger, active);
    const t = makeTailer([dir]);
    w.write(5);
    await t.polls(1);
    const cp = await checkpointAndStop(t);

    // While stopped: more rows, rotate by rename, gzip the rotated file, rotate again.
    w.write(3);
    w.renameTo(join(dir, 'acct-0001.csv'));
    w.close();
    const gz = gzipFile(w.path);
    w = new PmtaWriter(ledger, active);
    w.write(2);
    w.renameTo(join(dir, 'acct-0002.csv'));
    const second = w;
    w = new PmtaWriter(ledger, active);
    w.write(1);

    const t2 = restart(dir, t, cp);
    await t2.polls(1);
    expectExact(t2.collector, ledger);
    expect(t2.collector.batches.filter((b) => b.path === gz).flatMap((b) => b.records)).toHaveLength(3);
    const cp2 = t2.tailer.checkpoint();
    expectOffset(cp2, gz, completeLength(gz));
    expect(streamOf(cp2, gz)?.finished).toBe(true);
    expectOffset(cp2, second.path, second.completeBytes);
    expectOffset(cp2, active, w.completeBytes);
    second.close();
    await closeAndStop(t2, w);
  });

  it('a renamed file (same inode) resumes at its offset after a restart', async () => {
    const { ledger, w, t } = writerScene(dir);
    w.write(4);
    await t.polls(1);
    const cp = await checkpointAndStop(t);
    w.write(2);
    w.renameTo(join(dir, 'acct-0001.csv'));
    const t2 = restart(dir, t, cp);
    await t2.polls(1);
    expectExact(t2.collector, ledger);
    expectOffset(t2.tailer.checkpoint(), w.path, w.completeBytes);
    await closeAndStop(t2, w);
  });

  it('a finished content whose gzip is known from the checkpoint is skipped without decompressing', async () => {
    const ledger = new Ledger();
    const rotated = join(dir, 'acct-0001.csv');
    const w = new PmtaWriter(ledger, rotated);
    w.write(4);
    w.close();
    const t = makeTailer([dir]);
    await t.polls(1);
    // gzip writes the .gz (a copy of a file being read), then deletes the original: drained, closed, finished.
    const gz = gzipFile(rotated);
    await t.polls(3);
    const cp = roundTrip(t.tailer.checkpoint());
    expect(streamOf(cp, gz)?.finished).toBe(true);
    expect(t.collector.batches.some((b) => b.path === gz)).toBe(false);
    await t.tailer.stop();
    const eventsBefore = t.collector.events.length;
    const t2 = restart(dir, t, cp);
    await t2.polls(2);
    expectExact(t2.collector, ledger);
    expect(t2.tailer.status().files).toEqual([expect.objectContaining({ path: gz, role: 'copy' })]);
    expect(t2.collector.events.slice(eventsBefore).filter((e) => e.type === 'file-found')).toEqual([]);
    expectOffset(t2.tailer.checkpoint(), gz, completeLength(gz));
    await t2.tailer.stop();
  });
});

describe('A8-21 gzip-compressed rotated files', () => {
  it('a .gz still being written is not counted; once complete it is counted once', async () => {
    const ledger = new Ledger();
    const t = makeTailer([dir]);
    const rows = [HEADER];
    const ids: number[] = [];
    for (let i = 0; i < 400; i++) {
      const k = ledger.next();
      ids.push(k);
      rows.push(recordLine(k));
    }
    const full = gzipSync(Buffer.from(rows.join('')));
    const gz = join(dir, 'acct-0001.csv.gz');
    writeFileSync(gz, full.subarray(0, Math.floor(full.length / 2)));
    await t.polls(2);
    expect(t.collector.total).toBe(0);
    expect(t.tailer.metrics.gzipIncomplete).toBeGreaterThanOrEqual(1);
    appendFileSync(gz, full.subarray(Math.floor(full.length / 2)));
    for (const k of ids) ledger.complete.add(seqId(k));
    await t.polls(2);
    expectExact(t.collector, ledger);
    expectOffset(t.tailer.checkpoint(), gz, completeLength(gz));
    await t.tailer.stop();
  });

  it('a truncated gzip that never completes is never counted, and is not decompressed again every poll', async () => {
    const ledger = new Ledger();
    const t = makeTailer([dir]);
    const rows = [HEADER];
    for (let i = 0; i < 50; i++) rows.push(recordLine(ledger.next()));
    const full = gzipSync(Buffer.from(rows.join('')));
    writeFileSync(join(dir, 'acct-0001.csv.gz'), full.subarray(0, full.length - 20));
    await t.polls(5);
    expect(t.collector.total).toBe(0);
    expect(t.tailer.metrics.gzipIncomplete).toBe(1);
    t.clock.advance(120_000);
    await t.polls(1);
    expect(t.tailer.metrics.gzipIncomplete).toBe(2);
    expect(t.collector.total).toBe(0);
    await t.tailer.stop();
  });

  it('a file compressed but not named .gz is detected by its magic bytes', async () => {
    const ledger = new Ledger();
    const rows = [HEADER];
    for (let i = 0; i < 7; i++) {
      const k = ledger.next();
      rows.push(recordLine(k));
      ledger.complete.add(seqId(k));
    }
    const path = join(dir, 'acct-0003.csv');
    writeFileSync(path, gzipSync(Buffer.from(rows.join(''))));
    const t = makeTailer([dir]);
    await t.polls(2);
    expectExact(t.collector, ledger);
    expect(t.collector.batches[0]?.kind).toBe('gzip');
    expectOffset(t.tailer.checkpoint(), path, completeLength(path));
    await t.tailer.stop();
  });

  it('a file partly read, then rotated and gzipped while the tailer runs, is counted exactly once', async () => {
    const { ledger, path: active, w, t } = writerScene(dir);
    w.write(3);
    await t.polls(1);
    w.write(4); // not read yet
    w.renameTo(join(dir, 'acct-0001.csv'));
    w.close();
    const w2 = new PmtaWriter(ledger, active);
    w2.write(1);
    // Rotated, gzipped and deleted within one poll interval: the open descriptor still drains the original.
    const gz = gzipFile(w.path);
    await t.polls(4);
    expectExact(t.collector, ledger);
    expect(streamOf(t.tailer.checkpoint(), gz)?.finished).toBe(true);
    expectOffset(t.tailer.checkpoint(), gz, completeLength(gz));
    w2.close();
    await t.tailer.stop();
  });

  it('a gzip of a content whose original vanished unread past the offset is read from the offset', async () => {
    const ledger = new Ledger();
    const rotated = join(dir, 'acct-0001.csv');
    const w = new PmtaWriter(ledger, rotated);
    w.write(3);
    const t = makeTailer([dir], { idleCloseMs: 0 });
    await t.polls(3); // read, then its descriptor closed as idle
    expect(t.tailer.status().files[0]?.open).toBe(false);
    w.write(5); // never read from the plain file: it is gzipped and deleted before the next poll
    w.close();
    renameSync(rotated, join(dir, 'tmp-gz-source'));
    const gz = gzipFile(join(dir, 'tmp-gz-source'), `${rotated}.gz`);
    await t.polls(2);
    expectExact(t.collector, ledger);
    expect(t.collector.batches.filter((b) => b.path === gz).flatMap((b) => b.records)).toHaveLength(5);
    expectOffset(t.tailer.checkpoint(), gz, completeLength(gz));
    await t.tailer.stop();
  });

  it('a complete gzip replaced under the same name (rename over it) is read as the new content it is', async () => {
    const ledger = new Ledger();
    const make = (k: number): Buffer => {
      const rows = [HEADER];
      for (let i = 0; i < k; i++) {
        const n = ledger.next();
        rows.push(recordLine(n));
        ledger.complete.add(seqId(n));
      }
      return gzipSync(Buffer.from(rows.join('')));
    };
    const gz = join(dir, 'acct-0001.csv.gz');
    writeFileSync(gz, make(4));
    const t = makeTailer([dir]);
    await t.polls(3); // read, finished: its stat is now reused while the directory is unchanged
    writeFileSync(join(dir, 'incoming.tmp'), make(6));
    renameSync(join(dir, 'incoming.tmp'), gz);
    await t.polls(1);
    expectExact(t.collector, ledger);
    expectOffset(t.tailer.checkpoint(), gz, completeLength(gz));
    await t.tailer.stop();
  });
});
