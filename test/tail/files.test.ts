/** A8 scenarios 10–14: look-alike files, deletion while reading, missing or unreadable paths, empty files, header changes. */
import { chmodSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectExact, expectOffset, makeTailer, removeDir, streamOf, tempDir } from './helpers/harness.js';
import { closeAndStop, writerScene } from './helpers/scene.js';
import { completeLength, HEADER, Ledger, PmtaWriter, recordLine, SEQ_FIELD, seqId } from './helpers/pmta-writer.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  chmodSync(dir, 0o700);
  removeDir(dir);
});

describe('A8-10 identical headers, different files', () => {
  it('files whose header and first rows (more than the fingerprint) are the same are read as distinct files', async () => {
    const ledger = new Ledger();
    const shared = Array.from({ length: 5 }, () => ledger.next());
    const sharedText = HEADER + shared.map((k) => recordLine(k)).join('');
    expect(Buffer.byteLength(sharedText) - Buffer.byteLength(HEADER)).toBeGreaterThan(1024);
    const expected = new Map<string, number>();
    const files = ['acct-a.csv', 'acct-b.csv', 'acct-c.csv'];
    for (const name of files) {
      const own = Array.from({ length: 3 }, () => ledger.next());
      writeFileSync(join(dir, name), sharedText + own.map((k) => recordLine(k)).join(''));
      for (const k of own) expected.set(seqId(k), 1);
    }
    for (const k of shared) expected.set(seqId(k), files.length);
    const t = makeTailer([dir]);
    await t.polls(2);
    expect(new Map([...t.collector.counts].sort())).toEqual(new Map([...expected].sort()));
    const cp = t.tailer.checkpoint();
    expect(cp.streams).toHaveLength(3);
    expect(new Set(cp.streams.map((s) => s.fingerprint)).size).toBe(1);
    for (const name of files) expectOffset(cp, join(dir, name), completeLength(join(dir, name)));
    await t.tailer.stop();
  });

  it('a file that starts as a byte-for-byte prefix of another is read once it diverges', async () => {
    const ledger = new Ledger();
    const shared = Array.from({ length: 5 }, () => ledger.next());
    const sharedText = HEADER + shared.map((k) => recordLine(k)).join('');
    const a = join(dir, 'acct-a.csv');
    const b = join(dir, 'acct-b.csv');
    const t = makeTailer([dir]);
    writeFileSync(a, sharedText + recordLine(ledger.next()));
    writeFileSync(b, sharedText);
    await t.polls(1);
    const more = ledger.next();
    writeFileSync(b, sharedText + recordLine(more));
    await t.polls(1);
    for (const k of shared) expect(t.collector.counts.get(seqId(k))).toBe(2);
    expect(t.collector.counts.get(seqId(more))).toBe(1);
    expect(t.collector.duplicates().sort()).toEqual(shared.map(seqId).sort());
    await t.tailer.stop();
  });
});

describe('A8-10 (copies) a copy seen before its original', () => {
  it('the original, first taken for a copy of its copy, is read once it grows, even after the copy was closed as idle', async () => {
    const ledger = new Ledger();
    const ids = Array.from({ length: 4 }, () => ledger.next());
    const text = HEADER + ids.map((k) => recordLine(k)).join('');
    for (const k of ids) ledger.complete.add(seqId(k));
    writeFileSync(join(dir, 'acct.csv.1'), text);
    const t = makeTailer([dir], { idleCloseMs: 0 });
    await t.polls(1);
    writeFileSync(join(dir, 'acct.csv'), text); // same bytes: a copy of the file being read
    await t.polls(3);
    expect(t.tailer.status().files.find((f) => f.path === join(dir, 'acct.csv'))?.role).toBe('copy');
    expect(t.tailer.status().files.every((f) => !f.open)).toBe(true);
    const w = new PmtaWriter(ledger, join(dir, 'acct.csv'), { header: false });
    w.write(3);
    await t.polls(2);
    expectExact(t.collector, ledger);
    expectOffset(t.tailer.checkpoint(), join(dir, 'acct.csv'), completeLength(join(dir, 'acct.csv')));
    await closeAndStop(t, w);
  });
});

describe('A8-11 file deleted while being read', () => {
  it('the open descriptor is drained; a final partial record is reported as dropped; the checkpoint entry expires later', async () => {
    const { ledger, path, w, t } = writerScene(dir, { name: 'acct-0001.csv', tailer: { readChunkBytes: 1024, forgetAfterMs: 3_600_000 } });
    w.write(20);
    await t.polls(1);
    unlinkSync(path);
    w.write(5); // the stale writer still appends to the deleted inode
    const before = w.completeBytes;
    w.writePartial();
    await t.polls(3);
    expectExact(t.collector, ledger);
    expect(t.collector.malformed.map((m) => m.reason)).toEqual(['truncated']);
    expect(t.tailer.metrics.incompleteRecordsDropped).toBe(1);
    expect(t.collector.events).toContainEqual(expect.objectContaining({ type: 'file-closed', path, offset: before }));
    const cp = t.tailer.checkpoint();
    expect(cp.streams).toEqual([expect.objectContaining({ offset: before, finished: true, files: [] })]);
    t.clock.advance(3_600_001);
    await t.polls(1);
    expect(t.tailer.checkpoint().streams).toEqual([]);
    await closeAndStop(t, w);
  });
});

describe('A8-12 directory missing at start, appearing later, removed and recreated, permission denied', () => {
  it('waits for the path without error, starts within one poll of its appearance, follows a recreated directory', async () => {
    const ledger = new Ledger();
    const acct = join(dir, 'acct');
    const t = makeTailer([acct]);
    await t.polls(2);
    expect(t.tailer.status().roots).toEqual([{ state: 'waiting-for-path', input: acct }]);
    mkdirSync(acct);
    const w = new PmtaWriter(ledger, join(acct, 'acct.csv'));
    w.write(3);
    await t.polls(1);
    expect(t.tailer.status().roots).toEqual([{ state: 'ok', input: acct, files: 1 }]);
    expectExact(t.collector, ledger);
    w.close();
    rmSync(acct, { recursive: true });
    await t.polls(1);
    expect(t.tailer.status().roots[0]?.state).toBe('waiting-for-path');
    mkdirSync(acct);
    const w2 = new PmtaWriter(ledger, join(acct, 'acct.csv'));
    w2.write(2);
    await t.polls(3);
    expectExact(t.collector, ledger);
    expectOffset(t.tailer.checkpoint(), join(acct, 'acct.csv'), w2.completeBytes);
    expect(t.collector.events.filter((e) => e.type === 'root-status').map((e) => (e.type === 'root-status' ? e.status.state : ''))).toEqual([
      'waiting-for-path',
      'ok',
      'waiting-for-path',
      'ok',
    ]);
    w2.close();
    await t.tailer.stop();
  });

  it('reports permission denied (EACCES) and retries until the directory becomes readable', async () => {
    const ledger = new Ledger();
    const acct = join(dir, 'acct');
    mkdirSync(acct);
    const w = new PmtaWriter(ledger, join(acct, 'acct.csv'));
    w.write(2);
    chmodSync(dir, 0o755);
    chmodSync(acct, 0o000);
    const t = makeTailer([acct]);
    // Root ignores permissions: drop the effective uid for the polls that must be denied.
    const asUnprivileged = async (fn: () => Promise<void>): Promise<void> => {
      const root = process.geteuid?.() === 0;
      if (root) process.seteuid?.(65534);
      try {
        await fn();
      } finally {
        if (root) process.seteuid?.(0);
      }
    };
    await asUnprivileged(() => t.polls(2));
    expect(t.tailer.status().roots[0]).toMatchObject({ state: 'error', code: 'EACCES', input: acct });
    expect(t.collector.total).toBe(0);
    chmodSync(acct, 0o755);
    chmodSync(join(acct, 'acct.csv'), 0o644);
    await asUnprivileged(() => t.polls(1));
    expect(t.tailer.status().roots[0]?.state).toBe('ok');
    expectExact(t.collector, ledger);
    await closeAndStop(t, w);
  });
});

describe('A8-13 empty file, header-only file', () => {
  it('tracked, not an error, zero rows, fingerprint deferred; rows are read once they come', async () => {
    const ledger = new Ledger();
    writeFileSync(join(dir, 'acct-empty.csv'), '');
    const w = new PmtaWriter(ledger, join(dir, 'acct.csv'));
    const t = makeTailer([dir]);
    await t.polls(2);
    expect(t.collector.total).toBe(0);
    expect(t.collector.events.filter((e) => e.type === 'error')).toEqual([]);
    expect(t.tailer.status().files.map((f) => f.path).sort()).toEqual([join(dir, 'acct-empty.csv'), join(dir, 'acct.csv')]);
    const s = streamOf(t.tailer.checkpoint(), join(dir, 'acct.csv'));
    expect(s).toMatchObject({ offset: Buffer.byteLength(HEADER), fingerprint: null });
    w.write(1);
    await t.polls(1);
    expect(streamOf(t.tailer.checkpoint(), join(dir, 'acct.csv'))?.fingerprint).toBeNull();
    w.write(5);
    writeFileSync(join(dir, 'acct-empty.csv'), HEADER);
    await t.polls(1);
    expectExact(t.collector, ledger);
    expect(streamOf(t.tailer.checkpoint(), join(dir, 'acct.csv'))?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expectOffset(t.tailer.checkpoint(), join(dir, 'acct.csv'), w.completeBytes);
    await closeAndStop(t, w);
  });
});

describe('A8-14 header changes mid-stream', () => {
  it('each file is mapped by its own header; a header line inside a file re-maps; misfits are malformed', async () => {
    const cols = ['type', 'header_X-Seq', 'timeLogged', 'rcpt', 'dlvSourceIp', 'vmta', 'dsnStatus', 'dsnDiag'];
    const row = (values: Record<string, string>, header: readonly string[]): string => `${header.map((c) => values[c] ?? '').join(',')}\r\n`;
    const v = (n: number): Record<string, string> => ({
      type: 'd',
      'header_X-Seq': seqId(n),
      timeLogged: '2026-11-29 14:00:00+0000',
      rcpt: `u${n}@gmail.com`,
      dlvSourceIp: '203.0.113.31',
      vmta: 'vmta-31',
      dsnStatus: '2.0.0 (success)',
      dsnDiag: 'smtp;250 ok',
    });
    const reordered = ['type', ...cols.slice(1).reverse()]; // PowerMTA always writes type first
    const first = `${cols.join(',')}\r\n${row(v(1), cols)}${row(v(2), cols)}`;
    // Concatenated file: a second header with another column order, then rows in that order, then a row with too many fields.
    const concatenated = `${first}${reordered.join(',')}\r\n${row(v(3), reordered)}d,extra,${row(v(4), reordered)}${row(v(5), reordered)}`;
    writeFileSync(join(dir, 'acct-1.csv'), concatenated);
    writeFileSync(join(dir, 'acct-2.csv'), `${reordered.join(',')}\r\n${row(v(6), reordered)}`);
    const t = makeTailer([dir]);
    await t.polls(1);
    const records = t.collector.batches.flatMap((b) => b.records);
    expect(records.map((r) => r.field(SEQ_FIELD)).sort()).toEqual([1, 2, 3, 5, 6].map(seqId));
    expect(records.every((r) => r.type === 'd' && r.dlvSourceIp === '203.0.113.31' && r.vmta === 'vmta-31')).toBe(true);
    expect(t.collector.malformed.map((m) => m.reason)).toEqual(['field-count']);
    expectOffset(t.tailer.checkpoint(), join(dir, 'acct-1.csv'), Buffer.byteLength(concatenated));
    // The columns in force at the offset are the second header's: a restart maps new rows with them.
    expect(streamOf(t.tailer.checkpoint(), join(dir, 'acct-1.csv'))?.header).toEqual(reordered);
    await t.tailer.stop();
  });
});
