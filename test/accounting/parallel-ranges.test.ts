import { describe, expect, it } from 'vitest';
import { createRecordParser } from '../../src/accounting/parse/record-parser.js';
import { RangeParse } from '../../src/accounting/range-parse.js';
import { findRecordStart, START_NEEDS_MORE } from '../../src/accounting/range-start.js';
import type { RecordBatch } from '../../src/accounting/read-types.js';
import { HEADER, REORDERED, accountingText } from '../ingest/parallel-fixtures.js';

const COLUMNS = HEADER.split(',');

interface Seen {
  records: string[];
  malformed: string[];
}

function sequential(bytes: Buffer): Seen {
  const p = createRecordParser({ file: 'f' });
  const a = p.push(bytes);
  const b = p.end();
  return {
    records: [...a.records, ...b.records].map((r) => `${r.type}@${r.offset}:${r.timeLogged}:${'rcpt' in r ? r.rcpt : ''}`),
    malformed: [...a.malformed, ...b.malformed].map((m) => `${m.reason}@${m.offset}`),
  };
}

/** Reads [start, …) as one unit with the given later starts, in chunks of `chunk` bytes. */
function unit(bytes: Buffer, start: number, next: number[], header: readonly string[] | null, chunk: number, into: Seen) {
  const onBatch = (b: RecordBatch): void => {
    into.records.push(...b.records.map((r) => `${r.type}@${r.offset}:${r.timeLogged}:${'rcpt' in r ? r.rcpt : ''}`));
    into.malformed.push(...b.malformed.map((m) => `${m.reason}@${m.offset}`));
  };
  const range = new RangeParse({ file: 'f', start, header, next, expect: COLUMNS }, {}, onBatch);
  for (let p = start; p < bytes.length; p += chunk) {
    if (range.feed(bytes.subarray(p, Math.min(bytes.length, p + chunk)))) break;
  }
  return range.finish();
}

describe('findRecordStart', () => {
  it('skips headers, continuation lines and NUL padding, and needs a whole timestamp', () => {
    const text = Buffer.from(`${HEADER}\r\n421 4.7.0 more text"\r\n\0\0d,2026-11-28 00:00:00+0000,x\r\nt,2026-11-28 00:00:01+0000,y\r\n`);
    expect(findRecordStart(text, 0, true)).toBe(text.indexOf('t,2026'));
    expect(findRecordStart(text, 5, true)).toBe(text.indexOf('t,2026'));
    expect(findRecordStart(Buffer.from('x\nd,2026-11-28 00:0'), 0, true)).toBe(START_NEEDS_MORE);
    expect(findRecordStart(Buffer.from('\nd, 2026-11-28 00:00:00+0000,\n'), 0, false)).toBe(START_NEEDS_MORE);
  });
});

describe('RangeParse', () => {
  const text = Buffer.from(accountingText(300, { multiline: 'record-like', malformedEvery: 23 }));
  const whole = sequential(text);

  it('joins two units at every record start with exactly the sequential records', () => {
    let cuts = 0;
    for (let cut = 1; cut < text.length; cut += 97) {
      const s = findRecordStart(text, cut, false);
      if (s === START_NEEDS_MORE) continue;
      const seen: Seen = { records: [], malformed: [] };
      const first = unit(text, 0, [s], null, 4096, seen);
      expect(first.landed).toBe(0);
      expect(first.committedOffset).toBe(s);
      const second = unit(text, s, [], COLUMNS, 1000, seen);
      expect(second.landed).toBe(-1);
      expect(first.bytes + second.bytes).toBe(text.length);
      expect(seen).toEqual(whole);
      cuts++;
    }
    expect(cuts).toBeGreaterThan(500);
    expect(whole.malformed.some((m) => m.startsWith('unterminated-quote'))).toBe(true);
  });

  it('lands on a start inside a quoted field by letting the parser resync there', () => {
    // the continuation line of a multi-line dsnDiag looks like a record: the sequential parser resyncs
    const at = text.indexOf('\r\nd,2026', text.indexOf('rate limited')) + 2;
    expect(findRecordStart(text, at, false)).toBe(at);
    const seen: Seen = { records: [], malformed: [] };
    expect(unit(text, 0, [at], null, 1 << 20, seen).landed).toBe(0);
    unit(text, at, [], COLUMNS, 1 << 20, seen);
    expect(seen).toEqual(whole);
  });

  it('reads on past a start when the columns there are not the ones assumed', () => {
    const headers = new Map([[100, REORDERED]]);
    const mixed = Buffer.from(accountingText(300, {}, headers));
    const s1 = findRecordStart(mixed, Math.floor(mixed.length / 2), false);
    const s2 = findRecordStart(mixed, Math.floor((mixed.length * 3) / 4), false);
    const seen: Seen = { records: [], malformed: [] };
    const first = unit(mixed, 0, [s1, s2], null, 2048, seen);
    expect(first.landed).toBe(-1);
    expect(seen).toEqual(sequential(mixed));
  });

  it('counts line feeds and gives malformed lines from the unit start', () => {
    const s = findRecordStart(text, Math.floor(text.length / 2), false);
    const before = text.subarray(0, s).toString('latin1').split('\n').length - 1;
    const seen: Seen = { records: [], malformed: [] };
    const first = unit(text, 0, [s], null, 3000, seen);
    expect(first.lineFeeds).toBe(before);
    const second = unit(text, s, [], COLUMNS, 3000, { records: [], malformed: [] });
    const p = createRecordParser({ file: 'f' });
    const all = [...p.push(text).malformed, ...p.end().malformed].filter((m) => m.offset >= s);
    expect(second.malformedLines.length).toBe(all.length);
    for (const [offset, line] of second.malformedLines) {
      expect(before + line).toBe(all.find((m) => m.offset === offset)?.line);
    }
  });
});
