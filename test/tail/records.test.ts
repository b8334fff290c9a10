/**
 * A8 scenarios about record boundaries as the tailer sees them: 5 and 6 (partial last record, also
 * across a restart), 15–19 (quoting, line ends, encodings, long lines, unterminated quotes seen through
 * polls and small reads), the tailer's side of 20 (hostile text passes through unchanged, once) and 22
 * (records keep file order whatever their times: windowing late records is the aggregator's job).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/domain/sanitize-text.js';
import { expectExact, expectOffset, removeDir, roundTrip, tempDir } from './helpers/harness.js';
import { closeAndStop, restart, writerScene } from './helpers/scene.js';
import { customRecord, HEADER, recordLine, SEQ_FIELD, seqId } from './helpers/pmta-writer.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

describe('A8-5 partial line at EOF completed later', () => {
  it('emits nothing until the terminator arrives, then exactly one record; the checkpoint never points into it', async () => {
    const { ledger, path, w, t } = writerScene(dir);
    w.write(2);
    const before = w.completeBytes;
    const k = w.writePartial(0.6);
    await t.polls(2);
    expect(t.collector.counts.has(seqId(k))).toBe(false);
    expect(t.collector.total).toBe(2);
    expectOffset(t.tailer.checkpoint(), path, before);
    expect(t.tailer.status().files[0]?.partialBytes).toBeGreaterThan(0);
    w.completePartial();
    await t.polls(1);
    expect(t.collector.counts.get(seqId(k))).toBe(1);
    expectExact(t.collector, ledger);
    expectOffset(t.tailer.checkpoint(), path, w.completeBytes);
    await closeAndStop(t, w);
  });
});

describe('A8-6 partial line plus restart', () => {
  it('exactly one complete record after the rest is written while stopped', async () => {
    const { ledger, path, w, t } = writerScene(dir);
    w.write(3);
    const before = w.completeBytes;
    const k = w.writePartial(0.3);
    await t.polls(1);
    const cp = roundTrip(t.tailer.checkpoint());
    expectOffset(cp, path, before);
    await t.tailer.stop();
    w.completePartial();
    w.write(1);
    const t2 = restart(dir, t, cp);
    await t2.polls(1);
    expect(t2.collector.counts.get(seqId(k))).toBe(1);
    expectExact(t2.collector, ledger);
    expectOffset(t2.tailer.checkpoint(), path, w.completeBytes);
    await closeAndStop(t2, w);
  });
});

describe('A8-15 quoted fields with commas, doubled quotes and embedded line breaks', () => {
  it('a multi-line record written in two polls is one record with its fields intact', async () => {
    const { ledger, path, w, t } = writerScene(dir);
    const k = ledger.next();
    const line = customRecord(k, '"smtp;550 5.7.1 two inches,""2""\r\nline two, with a comma\nline three"');
    const cut = line.indexOf('line two');
    w.writeBytes(Buffer.from(line.slice(0, cut)));
    await t.polls(1);
    expect(t.collector.total).toBe(0);
    expectOffset(t.tailer.checkpoint(), path, Buffer.byteLength(HEADER));
    w.writeBytes(Buffer.from(line.slice(cut)), [k]);
    await t.polls(1);
    expectExact(t.collector, ledger);
    const r = t.collector.batches.flatMap((b) => b.records)[0];
    expect(r?.type).toBe('t');
    if (r?.type === 't') {
      expect(r.dsnDiag).toContain('two inches,"2"');
      expect(r.dsnDiag).toContain('line three');
      expect(r.dlvSourceIp).toBe('203.0.113.14');
    }
    expectOffset(t.tailer.checkpoint(), path, w.completeBytes);
    await closeAndStop(t, w);
  });
});

describe('A8-16 bare CR in a field, mixed CRLF and LF, CRLF split across reads', () => {
  it('no extra records and no CR in values, with 7-byte reads and a CR/LF split between two polls', async () => {
    const { ledger, path, w, t } = writerScene(dir, { tailer: { readChunkBytes: 7 } });
    const a = ledger.next();
    const b = ledger.next();
    const c = ledger.next();
    const withBareCr = customRecord(a, '"smtp;451 4.3.0 temporary\rfailure"');
    const lfOnly = recordLine(b).replace(/\r\n$/, '\n');
    const split = recordLine(c);
    w.writeBytes(Buffer.from(withBareCr + lfOnly), [a, b]);
    w.writeBytes(Buffer.from(split.slice(0, -1))); // ends with the CR
    await t.polls(1);
    expect(t.collector.total).toBe(2);
    w.writeBytes(Buffer.from('\n'), [c]);
    await t.polls(1);
    expectExact(t.collector, ledger);
    for (const r of t.collector.batches.flatMap((x) => x.records)) {
      expect(r.field(SEQ_FIELD)).not.toContain('\r');
      if (r.type === 't') expect(r.dsnMta.includes('\r')).toBe(false);
    }
    expectOffset(t.tailer.checkpoint(), path, w.completeBytes);
    await closeAndStop(t, w);
  });
});

describe('A8-17 non-UTF-8 bytes and a UTF-8 BOM', () => {
  it('parses on bytes, never throws, keeps byte offsets exact (BOM included)', async () => {
    const { ledger, path, w, t } = writerScene(dir, { writer: { header: false } });
    w.writeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER)]));
    const k = ledger.next();
    const latin1 = Buffer.from(customRecord(k, '"smtp;550 5.7.1 Adresse refus\u00e9e, bo\u00eete pleine"'), 'latin1');
    w.writeBytes(latin1, [k]);
    w.write(2);
    await t.polls(1);
    expectExact(t.collector, ledger);
    expectOffset(t.tailer.checkpoint(), path, w.completeBytes);
    w.write(1);
    await t.polls(1);
    expectExact(t.collector, ledger);
    await closeAndStop(t, w);
  });
});

describe('A8-18 very long lines', () => {
  it('a 1 MB record is read whole; a 64 MB record is skipped and counted; tailing goes on after both', async () => {
    const { ledger, path, w, t } = writerScene(dir);
    const k = ledger.next();
    w.writeBytes(Buffer.from(customRecord(k, `"smtp;452 ${'x'.repeat(1_000_000)}"`)), [k]);
    w.write(1);
    await t.polls(1);
    expectExact(t.collector, ledger);
    const huge = ledger.next();
    const row = Buffer.from(customRecord(huge, `smtp;452 ${'y'.repeat(64 * 1024 * 1024)}`));
    w.writeBytes(row); // its id is not expected: it is too large to be a record
    w.write(2);
    await t.polls(1);
    expectExact(t.collector, ledger);
    expect(t.collector.malformed.map((m) => m.reason)).toEqual(['too-large']);
    expectOffset(t.tailer.checkpoint(), path, w.completeBytes);
    w.write(1);
    await t.polls(1);
    expectExact(t.collector, ledger);
    await closeAndStop(t, w);
  });
});

describe('A8-19 unterminated quote', () => {
  it('one malformed record; the records after it are not swallowed', async () => {
    const { ledger, path, w, t } = writerScene(dir, { tailer: { maxRecordBytes: 64 * 1024 } });
    w.write(1);
    const bad = ledger.next();
    w.writeBytes(Buffer.from(customRecord(bad, '"smtp;421 4.7.0 never closed, try later')));
    await t.polls(1);
    w.write(3);
    await t.polls(1);
    w.write(200);
    await t.polls(1);
    expect(t.collector.malformed.length).toBe(1);
    expectExact(t.collector, ledger);
    expectOffset(t.tailer.checkpoint(), path, w.completeBytes);
    await closeAndStop(t, w);
  });
});

describe('A8-20 terminal injection (tailer side)', () => {
  it('hostile remote text is delivered once, byte for byte; display sanitising is left to sanitizeText', async () => {
    const { ledger, path, w, t } = writerScene(dir);
    const k = ledger.next();
    const hostile = 'smtp;550 \u001b[2J\u001b]0;pwned\u0007 \u009b31m \u202egnp.exe ' + 'A'.repeat(5000);
    w.writeBytes(Buffer.from(customRecord(k, `"${hostile}"`)), [k]);
    await t.polls(1);
    expectExact(t.collector, ledger);
    const r = t.collector.batches.flatMap((b) => b.records)[0];
    expect(r?.type === 't' ? r.dsnDiag : '').toBe(hostile.slice('smtp;'.length));
    expect(sanitizeText(r?.type === 't' ? r.dsnDiag : '')).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expectOffset(t.tailer.checkpoint(), path, w.completeBytes);
    await closeAndStop(t, w);
  });
});

describe('A8-22 out-of-order timeLogged (tailer side)', () => {
  it('records are handed out in file order, none held back or dropped for their time', async () => {
    const { ledger, path, w, t } = writerScene(dir);
    const base = Date.parse('2026-11-29T14:00:00Z');
    const times = [base + 60_000, base - 3_600_000, base, base - 86_400_000];
    const ids: string[] = [];
    for (const time of times) {
      const k = ledger.next();
      ids.push(seqId(k));
      w.writeBytes(Buffer.from(customRecord(k, '"smtp;421 try later"', time)), [k]);
    }
    await t.polls(1);
    const got = t.collector.batches.flatMap((b) => b.records);
    expect(got.map((r) => r.field(SEQ_FIELD))).toEqual(ids);
    expect(got.map((r) => r.timeLogged)).toEqual(times);
    expectOffset(t.tailer.checkpoint(), path, w.completeBytes);
    await closeAndStop(t, w);
  });
});
