import { describe, expect, it } from 'vitest';
import type { AcctRecord } from '../../src/domain/accounting-record.js';
import { fixture, parseBytes, parseByteByByte } from './helpers/parse-bytes.js';

const HEADER = 'type,timeLogged,rcpt,dsnStatus,dsnDiag,vmta\r\n';
const good = (n: number): string => `d,2026-11-29 16:00:0${n}+0000,good${n}@gmail.com,2.0.0 (success),smtp;250 OK,vmta-a\r\n`;
const rcpts = (records: readonly AcctRecord[]): string[] => records.map((r) => ('rcpt' in r ? r.rcpt : r.type));

describe('record parser: malformed records are counted and parsing resyncs', () => {
  const bytes = fixture('malformed.csv');
  const { records, malformed, committed } = parseBytes(bytes);

  it('counts each reason with file, byte offset and line', () => {
    expect(malformed.map((m) => [m.reason, m.line])).toEqual([
      ['no-header', 1],
      ['field-count', 4],
      ['unknown-type', 6],
      ['bad-time', 8],
      ['bad-time', 10],
      ['invalid-utf8', 12],
      ['invalid-utf8', 14],
      ['truncated', 20],
    ]);
    for (const m of malformed) {
      expect(m.file).toBe('test.csv');
      expect(m.offset === 0 || bytes[m.offset - 1] === 0x0a).toBe(true);
    }
    expect(malformed[1]?.offset).toBe(bytes.indexOf('d,2026-11-29 16:00:00+0000,x@gmail.com,2.0.0 (success),smtp;250 OK,vmta-a,extra'));
  });

  it('keeps every good record after a bad one', () => {
    expect(rcpts(records)).toEqual([
      'good1@gmail.com',
      'good2@gmail.com',
      'good3@gmail.com',
      'good4@gmail.com',
      'good5@gmail.com',
      'good6@gmail.com',
      'good7@gmail.com',
      'latin1@orange.fr',
      'good9@gmail.com',
    ]);
  });

  it('keeps a record whose text is not UTF-8, with U+FFFD for the bad bytes', () => {
    const latin = records[7];
    if (latin?.type !== 't') throw new Error('expected t');
    expect(latin.dsnDiag).toBe('421 Trop de connexions, r\uFFFDessayez plus tard');
  });

  it('does not commit an incomplete last record', () => {
    expect(committed).toBe(bytes.lastIndexOf('\n') + 1);
    expect(committed).toBeLessThan(bytes.length);
  });

  it('parses a last record without terminator when it has every field', () => {
    const { records: last, malformed: none, committed: end } = parseBytes(Buffer.from(HEADER + good(1).trimEnd()));
    expect(none).toEqual([]);
    expect(rcpts(last)).toEqual(['good1@gmail.com']);
    expect(end).toBe(Buffer.byteLength(HEADER + good(1).trimEnd()));
  });

  it('counts a last record cut inside a quoted field as truncated', () => {
    const { records: r, malformed: m } = parseBytes(Buffer.from(`${HEADER + good(1)}t,2026-11-29 16:00:02+0000,x@y.z,4.7.0,"smtp;421 cut`));
    expect(rcpts(r)).toEqual(['good1@gmail.com']);
    expect(m.map((x) => x.reason)).toEqual(['truncated']);
  });

  it('counts records before any header as no-header', () => {
    const { records: r, malformed: m } = parseBytes(Buffer.from(good(1) + good(2)));
    expect(r).toEqual([]);
    expect(m.map((x) => [x.reason, x.line])).toEqual([
      ['no-header', 1],
      ['no-header', 2],
    ]);
  });

  it('counts a record without a timeLogged column as bad-time', () => {
    const { malformed: m } = parseBytes(Buffer.from('type,rcpt\r\nd,a@b.c\r\n'));
    expect(m.map((x) => x.reason)).toEqual(['bad-time']);
  });
});

describe('record parser: unterminated quote', () => {
  it('loses only the record with the stray quote when the next line looks like a record', () => {
    const bytes = fixture('unterminated-quote.csv');
    const { records, malformed, committed } = parseBytes(bytes);
    expect(malformed.map((m) => [m.reason, m.line, m.offset])).toEqual([['unterminated-quote', 3, bytes.indexOf('t,2026')]]);
    expect(rcpts(records)).toEqual(['good1@gmail.com', 'good3@gmail.com', 'good4@gmail.com', 'good5@gmail.com', 'good6@gmail.com', 'good7@gmail.com']);
    expect(records[1]?.offset).toBe(bytes.indexOf('d,2026-11-29 16:00:03'));
    expect(committed).toBe(bytes.length);
  });

  it('resyncs at a header line too', () => {
    const text = `${HEADER}t,2026-11-29 16:00:02+0000,x@gmail.com,4.7.0,"oops,vmta-a\r\n${HEADER}${good(3)}`;
    const { records, malformed } = parseBytes(Buffer.from(text));
    expect(malformed.map((m) => m.reason)).toEqual(['unterminated-quote']);
    expect(rcpts(records)).toEqual(['good3@gmail.com']);
  });

  it('keeps a legitimate multi-line quoted field whose lines do not look like records', () => {
    const text = `${HEADER}t,2026-11-29 16:00:02+0000,x@gmx.de,5.0.0,"smtp;554-No SMTP service\r\n554-d, b, t are letters\r\n554 IP address is block listed",vmta-d\r\n${good(3)}`;
    const { records, malformed } = parseBytes(Buffer.from(text));
    expect(malformed).toEqual([]);
    const t = records[0];
    if (t?.type !== 't') throw new Error('expected t');
    expect(t.dsnDiag).toBe('554-No SMTP service\r\n554-d, b, t are letters\r\n554 IP address is block listed');
    expect(rcpts(records)).toEqual(['x@gmx.de', 'good3@gmail.com']);
  });

  it('gives up on a quote that runs past maxRecordBytes and resyncs at the next line', () => {
    const junk = Array.from({ length: 40 }, (_, i) => `junk line ${i} without a record start\r\n`).join('');
    const text = `${HEADER}t,2026-11-29 16:00:02+0000,x@gmail.com,4.7.0,"never closed\r\n${junk}${good(5)}`;
    const { records, malformed } = parseBytes(Buffer.from(text), { maxRecordBytes: 300 });
    expect(malformed[0]?.reason).toBe('unterminated-quote');
    expect(malformed.slice(1).every((m) => m.reason === 'unknown-type')).toBe(true);
    expect(rcpts(records)).toEqual(['good5@gmail.com']);
  });
});

describe('record parser: size limit, NUL padding, empty input', () => {
  it('skips a record above maxRecordBytes, counts it too-large once and reads on', () => {
    const huge = `d,2026-11-29 16:00:02+0000,big@gmail.com,2.0.0,smtp;250 ${'x'.repeat(5000)},vmta-a\r\n`;
    const text = HEADER + good(1) + huge + good(3);
    for (const result of [parseBytes(Buffer.from(text), { maxRecordBytes: 1000 }), parseByteByByte(Buffer.from(text), { maxRecordBytes: 1000 })]) {
      expect(result.malformed.map((m) => [m.reason, m.line, m.offset])).toEqual([['too-large', 3, text.indexOf('d,2026-11-29 16:00:02')]]);
      expect(rcpts(result.records)).toEqual(['good1@gmail.com', 'good3@gmail.com']);
      expect(result.committed).toBe(text.length);
    }
  });

  it('skips a 16 MiB line pushed in 64 KiB pieces once and reads on', () => {
    const line = Buffer.alloc(16 * 1024 * 1024, 0x61);
    line.write('d,2026-11-29 16:00:02+0000,', 0);
    const bytes = Buffer.concat([Buffer.from(HEADER + good(1)), line, Buffer.from(`\r\n${good(3)}`)]);
    const cuts = Array.from({ length: Math.floor(bytes.length / 65536) }, (_, i) => (i + 1) * 65536);
    const { records, malformed } = parseBytes(bytes, {}, cuts);
    expect(malformed.map((m) => m.reason)).toEqual(['too-large']);
    expect(rcpts(records)).toEqual(['good1@gmail.com', 'good3@gmail.com']);
  });

  it('skips NUL padding left by a stale copytruncate writer', () => {
    const bytes = fixture('nul-prefix.csv');
    const { records, malformed, committed } = parseBytes(bytes);
    expect(malformed).toEqual([]);
    expect(rcpts(records)).toEqual(['good1@gmail.com', 'good2@gmail.com']);
    expect(records[0]?.offset).toBe(bytes.indexOf('\nd,') + 1);
    expect(committed).toBe(bytes.length);
  });

  it('returns nothing for empty input or a header alone', () => {
    expect(parseBytes(new Uint8Array(0))).toMatchObject({ records: [], malformed: [], committed: 0, header: null });
    const headerOnly = parseBytes(Buffer.from(HEADER.trimEnd()));
    expect(headerOnly).toMatchObject({ records: [], malformed: [], committed: HEADER.length - 2 });
    expect(headerOnly.header).toHaveLength(6);
  });
});
