import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordParser } from '../../src/accounting/parse/record-parser.js';
import type { AcctRecord, MalformedRecord } from '../../src/domain/accounting-record.js';
import { fixture, parseByteByByte, parseBytes } from './helpers/parse-bytes.js';

const FIXTURES = [
  'v5-default.csv',
  'reordered-header.csv',
  'mid-file-header.csv',
  'bom.csv',
  'quoting.csv',
  'all-types.csv',
  'time-formats.csv',
  'malformed.csv',
  'unterminated-quote.csv',
  'nul-prefix.csv',
];

/** Everything, with a small size limit so that too-large and the quote limit are exercised too. */
const ALL = Buffer.concat([
  fixture('malformed.csv'), // first, so that its leading record has no header
  Buffer.from('\r\n'),
  ...FIXTURES.map((f) => fixture(f)),
  Buffer.from(`d,2026-11-29 16:00:02+0000,big@gmail.com,2.0.0,smtp;250 ${'x'.repeat(3000)},vmta-a\r\n`),
  Buffer.from('t,2026-11-29 16:00:02+0000,q@gmail.com,4.7.0,"never closed\r\nno record here\r\n'.repeat(3)),
  fixture('v5-default.csv'),
  Buffer.from('d,2026-11-29 16:00:10+0000,cut@gmail.com'), // no terminator: truncated
]);
const LIMIT = { maxRecordBytes: 2048 };

describe('record parser: chunk boundaries never change the result', () => {
  it.each(FIXTURES)('%s pushed byte by byte equals one push', (name) => {
    const bytes = fixture(name);
    const whole = parseBytes(bytes);
    const bytewise = parseByteByByte(bytes);
    expect(bytewise.plain).toEqual(whole.plain);
    expect(bytewise.malformed).toEqual(whole.malformed);
    expect(bytewise.committed).toBe(whole.committed);
    expect(bytewise.header).toEqual(whole.header);
  });

  it('ASCII chunks (fields cut from the decoded line) and UTF-8 chunks decode fields the same', () => {
    const ascii = fixture('quoting.csv');
    const utf8 = Buffer.concat([ascii, Buffer.from('d,2026-11-29 13:00:09+0000,,,é@example.com\r\n')]);
    const a = parseBytes(ascii);
    const u = parseBytes(utf8);
    expect(u.plain.slice(0, a.plain.length)).toEqual(a.plain);
    expect(u.records.at(-1)?.type === 'd' && u.records.at(-1)).toMatchObject({ rcpt: 'é@example.com' });
  });

  it('a CRLF split across two pushes ends the record once and leaves no CR', () => {
    const bytes = fixture('v5-default.csv');
    const firstCr = bytes.indexOf('\r\n', bytes.indexOf('\r\n') + 2);
    const split = parseBytes(bytes, {}, [firstCr + 1]);
    expect(split.plain).toEqual(parseBytes(bytes).plain);
    expect(split.records[0]?.field('userString')).toBe('');
  });

  it('any random cut of all fixtures together gives the same records, counts and offsets', () => {
    const whole = parseBytes(ALL, LIMIT);
    expect(whole.records.length).toBeGreaterThan(50);
    expect(new Set(whole.malformed.map((m) => m.reason))).toEqual(
      new Set(['no-header', 'field-count', 'unknown-type', 'bad-time', 'invalid-utf8', 'unterminated-quote', 'too-large', 'truncated']),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: ALL.length - 1 }), { maxLength: 60 }), (cuts) => {
        const split = parseBytes(ALL, LIMIT, [...cuts].sort((a, b) => a - b));
        expect(split.plain).toEqual(whole.plain);
        expect(split.malformed).toEqual(whole.malformed);
        expect(split.committed).toBe(whole.committed);
      }),
      { numRuns: 150 },
    );
  });
});

describe('record parser: committedOffset and resume', () => {
  it('committedOffset is always at a line start and never inside a record', () => {
    const bytes = fixture('quoting.csv');
    const parser = createRecordParser({ file: 'f' });
    const starts = new Set([0, ...parseBytes(bytes).records.map((r) => r.offset), bytes.length]);
    const headerEnd = bytes.indexOf('\n') + 1;
    starts.add(headerEnd);
    for (let i = 0; i < bytes.length; i++) {
      parser.push(bytes.subarray(i, i + 1));
      expect(starts.has(parser.committedOffset)).toBe(true);
    }
    expect(parser.committedOffset).toBe(bytes.length);
  });

  it('a fresh parser resumed at any checkpoint with the header continues exactly', () => {
    const bytes = Buffer.concat([fixture('v5-default.csv'), fixture('quoting.csv').subarray(fixture('quoting.csv').indexOf('\n') + 1), fixture('unterminated-quote.csv')]);
    const whole = parseBytes(bytes, LIMIT);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: bytes.length - 1 }), fc.integer({ min: 1, max: 4096 }), (stop, chunk) => {
        // First run: read up to `stop` in chunks of `chunk`, remember the checkpoint.
        const first = createRecordParser({ file: 'test.csv', ...LIMIT });
        const records: AcctRecord[] = [];
        const malformed: MalformedRecord[] = [];
        for (let i = 0; i < stop; i += chunk) {
          const out = first.push(bytes.subarray(i, Math.min(stop, i + chunk)));
          records.push(...out.records);
          malformed.push(...out.malformed);
        }
        const checkpoint = first.committedOffset;
        const header = first.header ?? undefined;
        const kept = records.filter((r) => r.offset < checkpoint);
        expect(kept).toHaveLength(records.length); // nothing past the checkpoint was emitted
        // Second run: a new parser from the checkpoint.
        const rest = parseBytes(bytes.subarray(checkpoint), { ...LIMIT, startOffset: checkpoint, ...(header ? { header } : {}) });
        const plain = [...records.map((r) => JSON.parse(JSON.stringify(r)) as unknown), ...rest.plain];
        expect(plain).toEqual(whole.plain);
        expect([...malformed, ...rest.malformed].map((m) => [m.reason, m.offset])).toEqual(whole.malformed.map((m) => [m.reason, m.offset]));
        expect(rest.committed).toBe(whole.committed);
      }),
      { numRuns: 200 },
    );
  });
});
