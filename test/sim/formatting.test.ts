/**
 * Pure formatting pieces: RFC 4180 quoting, PowerMTA timestamps and status fields, value syntax, and
 * response templates that name the sending IP.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dsnStatusField, enhancedStatus } from '../../src/sim/dsn-status.js';
import { ACCT_COLUMNS } from '../../src/sim/output/acct-columns.js';
import { csvField, csvRow } from '../../src/sim/output/csv-format.js';
import { formatRecord } from '../../src/sim/output/format-record.js';
import { parseRate, parseTimeInterval, parseTimeIntervalList, ratePerHour } from '../../src/sim/pmta-values.js';
import { compileTemplate, renderTemplate, templateFromExample } from '../../src/sim/provider/text-template.js';
import type { SimRecord } from '../../src/sim/sim-record.js';
import { formatAcctTime, parseIsoDate } from '../../src/sim/time-format.js';
import { splitCsv } from './helpers/rfc4180-split.js';

describe('RFC 4180', () => {
  it('quotes only fields with a comma, quote, CR or LF, doubling quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(csvField('')).toBe('');
  });

  it('any fields survive a round trip through an independent splitter', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => csvRow(r)).join('');
        expect(splitCsv(text)).toEqual(rows);
      }),
    );
  });

  it('a record with hostile remote text stays one record with every column', () => {
    const record: SimRecord = {
      type: 't',
      time: Date.UTC(2026, 10, 6, 7, 20, 0) / 1000,
      timeQueued: Date.UTC(2026, 10, 6, 7, 0, 0) / 1000,
      orig: 'bounce-1@bounces.example.com',
      rcpt: 'jane@example.com',
      dsnAction: 'delayed',
      dsnStatus: '4.7.0 (other or undefined security status)',
      dsnDiag: 'smtp;421 4.7.0 "quoted", comma\r\nand a second line',
      dsnMta: 'mx.example.com, "evil" (192.0.2.1)',
      bounceCat: 'policy-related',
      dlvSourceIp: '203.0.113.14',
      dlvDestinationIp: '192.0.2.1',
      dlvEsmtpAvailable: 'PIPELINING,SIZE',
      dlvSize: 1234,
      vmta: 'vmta-14',
      jobId: 'main-20261106-c1',
      queue: 'example.com/vmta-14',
      vmtaPool: 'main',
    };
    const rows = splitCsv(formatRecord(record));
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? [];
    expect(row).toHaveLength(ACCT_COLUMNS.length);
    const col = (name: string): string | undefined => row[ACCT_COLUMNS.indexOf(name as (typeof ACCT_COLUMNS)[number])];
    expect(col('dsnDiag')).toBe(record.dsnDiag);
    expect(col('timeLogged')).toBe('2026-11-06 07:20:00+0000');
    expect(col('header_X-Job')).toBe('main-20261106-c1');
    expect(col('dlvEsmtpAvailable')).toBe('PIPELINING,SIZE');
  });
});

describe('PowerMTA values', () => {
  it('times, dates and status fields', () => {
    expect(formatAcctTime(Date.UTC(2026, 1, 28, 23, 59, 59) / 1000 + 0.7)).toBe('2026-02-28 23:59:59+0000');
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 1000);
    expect(dsnStatusField('4.7.0')).toBe('4.7.0 (other or undefined security status)');
    expect(dsnStatusField('4.4.1')).toBe('4.4.1 (no answer from host)');
    expect(dsnStatusField('5.1.1')).toBe('5.1.1 (bad destination mailbox address)');
    expect(dsnStatusField('2.0.0')).toBe('2.0.0 (success)');
    expect(enhancedStatus('421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred')).toBe('4.7.0');
    expect(enhancedStatus('452-4.2.2 The recipient')).toBe('4.2.2');
    expect(enhancedStatus('421 Max message per connection reached')).toBe('4.0.0');
  });

  it('intervals and rates', () => {
    expect(parseTimeInterval('4d12h')).toBe(388800);
    expect(parseTimeInterval('1w')).toBe(604800);
    expect(parseTimeInterval('ten')).toBeNull();
    expect(parseTimeIntervalList('10m,20m,1h')).toEqual([600, 1200, 3600]);
    expect(ratePerHour(parseRate('350/h') ?? { count: 0, seconds: 1 })).toBe(350);
    expect(ratePerHour(parseRate('100/15m') ?? { count: 0, seconds: 1 })).toBe(400);
    expect(ratePerHour(parseRate('83/10min') ?? { count: 0, seconds: 1 })).toBe(498);
    expect(ratePerHour(parseRate('unlimited') ?? { count: 0, seconds: 1 })).toBe(Infinity);
    expect(parseRate('350 per hour')).toBeNull();
  });
});

describe('response templates', () => {
  it('put the sending IP and recipient where a real example names them', () => {
    const t = compileTemplate(templateFromExample('421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume'));
    expect(renderTemplate(t, { ip: '203.0.113.14', rcpt: 'a@b.c', domain: 'yahoo.com', id: 'x', n: '1' })).toBe(
      '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume',
    );
    const ms = compileTemplate(templateFromExample('451 4.7.650 The mail server [IP] has been temporarily rate limited due to IP reputation. (S775)'));
    expect(renderTemplate(ms, { ip: '203.0.113.9', rcpt: '', domain: '', id: '', n: '' })).toContain('The mail server [203.0.113.9] has been');
    const apple = compileTemplate(templateFromExample('421 4.7.1 Messages to x@icloud.com deferred due to excessive volume'));
    expect(renderTemplate(apple, { ip: '', rcpt: 'jane@me.com', domain: 'me.com', id: '', n: '' })).toBe('421 4.7.1 Messages to jane@me.com deferred due to excessive volume');
  });
});
