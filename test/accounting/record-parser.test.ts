import { describe, expect, it } from 'vitest';
import type { AcctRecord, DeliveryFields } from '../../src/domain/accounting-record.js';
import { fixture, parseBytes } from './helpers/parse-bytes.js';

const V5_HEADER =
  'type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,srcType,srcMta,dlvType,dlvSourceIp,dlvDestinationIp,dlvEsmtpAvailable,dlvSize,vmta,jobId,envId,queue,vmtaPool,header_X-Job,userString'.split(
    ',',
  );

function delivery(r: AcctRecord | undefined): DeliveryFields & { type: 'd' | 'b' | 't' } {
  if (r === undefined || (r.type !== 'd' && r.type !== 'b' && r.type !== 't')) throw new Error(`not a d/b/t record: ${r?.type}`);
  return r;
}

describe('record parser: PowerMTA v5 default file', () => {
  const bytes = fixture('v5-default.csv');
  const { records, malformed, committed, header } = parseBytes(bytes);

  it('maps the header and reads every record', () => {
    expect(header).toEqual(V5_HEADER);
    expect(malformed).toEqual([]);
    expect(records.map((r) => r.type)).toEqual(['d', 't', 't', 'b', 't', 'tq', 't', 't', 'd']);
    expect(committed).toBe(bytes.length);
  });

  it('decodes a delivery with its quoted EHLO list and its location', () => {
    const d = delivery(records[0]);
    expect(d).toMatchObject({
      type: 'd',
      timeLogged: Date.UTC(2026, 10, 29, 10, 0, 1),
      file: 'test.csv',
      offset: bytes.indexOf('\r\nd,') + 2,
      orig: 'bounces-1001@news.example.com',
      rcpt: 'alice@gmail.com',
      dsnAction: 'relayed',
      dsnStatus: '2.0.0',
      dsnStatusText: 'success',
      dsnDiag: '250 2.0.0 OK  1764410401 a640c23a62f3a-b7f1si123456.66 - gsmtp',
      dsnMta: 'gmail-smtp-in.l.google.com (142.250.102.27)',
      bounceCat: '',
      dlvSourceIp: '203.0.113.10',
      dlvDestinationIp: '142.250.102.27',
      dlvSize: 41159,
      vmta: 'vmta-a',
      vmtaPool: 'pool-news',
      queue: 'gmail.com/vmta-a',
      jobId: 'JOB-2026-11-29',
    });
    expect(d.field('dlvEsmtpAvailable')).toBe('PIPELINING,8BITMIME,SIZE,ENHANCEDSTATUSCODES,STARTTLS,CHUNKING,SMTPUTF8');
    expect(d.field('header_X-Job')).toBe('nov-promo');
    expect(d.field('userString')).toBe('');
    expect(d.field('noSuchColumn')).toBe('');
  });

  it('keeps commas inside quoted SMTP replies and strips the smtp; prefix', () => {
    const gmail = delivery(records[2]);
    expect(gmail.dsnStatus).toBe('4.7.28');
    expect(gmail.dsnDiag).toBe(
      '421 4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.',
    );
    const ms = delivery(records[3]);
    expect(ms.type).toBe('b');
    expect(ms.dsnStatus).toBe('5.7.1');
    expect(ms.dsnStatusText).toBe('delivery not authorized; message refused');
    expect(ms.dsnDiag).toMatch(/^550 5\.7\.1 Unfortunately, messages from \[203\.0\.113\.12\] weren't sent\./);
    expect(ms.dlvSourceIp).toBe('');
    expect(ms.bounceCat).toBe('spam-related');
  });

  it('decodes UTF-8 remote text', () => {
    expect(delivery(records[6]).dsnDiag).toBe('421 mwinf5c05 ME Trop de connexions, veuillez vérifier votre configuration. OFR005_104 [104]');
  });

  it('reads queue-level failures without a recipient', () => {
    const tq = records[5];
    if (tq?.type !== 'tq') throw new Error('expected tq');
    expect(tq).toMatchObject({
      queue: 'orange.fr/vmta-d',
      vmta: 'vmta-d',
      dsnStatus: '4.4.1',
      dsnStatusText: 'no answer from host',
      dsnDiag: '421 4.4.1 no answer from host',
      dsnMta: 'mx.orange.fr (80.12.242.82)',
      dlvSourceIp: '0.0.0.0',
      dlvDestinationIp: '80.12.242.82',
    });
  });

  it('gives a JSON snapshot with every typed property and column', () => {
    const json = JSON.parse(JSON.stringify(records[1])) as Record<string, unknown>;
    expect(json).toMatchObject({ type: 't', rcpt: 'bob@yahoo.com', dsnStatus: '4.7.0', vmta: 'vmta-b' });
    expect(Object.keys(json['fields'] as object)).toEqual(V5_HEADER);
  });
});

describe('record parser: header mapping', () => {
  it('maps columns by name in any order, with extra columns reachable by name (LF endings)', () => {
    const { records, malformed } = parseBytes(fixture('reordered-header.csv'));
    expect(malformed).toEqual([]);
    const [d, t, b] = records.map(delivery);
    expect(d).toMatchObject({ type: 'd', rcpt: 'ivy@gmail.com', vmta: 'vmta-a', queue: 'gmail.com/vmta-a', dlvSourceIp: '203.0.113.10' });
    expect(d?.timeLogged).toBe(Date.UTC(2026, 10, 29, 11, 0, 0));
    expect(d?.orig).toBe(''); // not in this header
    expect(d?.dlvSize).toBeNull();
    expect(d?.field('dlvTlsProtocol')).toBe('TLSv1.3');
    expect(d?.field('userString')).toBe('eu-west');
    expect(t?.dsnDiag).toBe('421 4.7.0 [TS01] Messages from 203.0.113.11 temporarily deferred due to user complaints');
    expect(b?.dsnDiag).toContain("recipient's email address for typos");
    expect(b?.field('dlvTlsProtocol')).toBe('');
  });

  it('re-maps the columns at a header line in the middle of a file', () => {
    const { records, malformed, header } = parseBytes(fixture('mid-file-header.csv'));
    expect(malformed).toEqual([]);
    expect(records.map((r) => r.type)).toEqual(['d', 't', 'd']);
    expect(delivery(records[0]).vmta).toBe('vmta-a');
    const t = delivery(records[1]);
    expect(t).toMatchObject({ rcpt: 'lee@gmx.de', dlvSourceIp: '203.0.113.13', vmta: 'vmta-d', queue: 'gmx.de/vmta-d', orig: '' });
    expect(t.dsnDiag).toBe('421 gmx.net (mxgmx017) Nemesis ESMTP Service not available, Too many connections');
    expect(t.field('header_Campaign')).toBe('winter');
    expect(header?.at(-1)).toBe('header_Campaign');
  });

  it('strips a UTF-8 BOM before the header', () => {
    const bytes = fixture('bom.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { records, header, malformed } = parseBytes(bytes);
    expect(header?.[0]).toBe('type');
    expect(malformed).toEqual([]);
    expect(records.map((r) => r.type)).toEqual(['d', 't']);
    expect(records[0]?.offset).toBe(bytes.indexOf('\r\nd,') + 2);
  });

  it('uses a header given up front (resume after a checkpoint)', () => {
    const { records } = parseBytes(Buffer.from('d,2026-11-29 10:00:00+0000,a@b.c\r\n'), { header: ['type', 'timeLogged', 'rcpt'], startOffset: 500 });
    expect(delivery(records[0])).toMatchObject({ rcpt: 'a@b.c', offset: 500 });
  });
});

describe('record parser: RFC 4180 quoting and record ends', () => {
  const bytes = fixture('quoting.csv');
  const { records, malformed, committed } = parseBytes(bytes);

  it('reads four records, one of them spread over four lines', () => {
    expect(malformed).toEqual([]);
    expect(records.map((r) => r.type)).toEqual(['d', 'b', 't', 'd']);
    expect(committed).toBe(bytes.length);
  });

  it('handles the RFC 4180 example two inches,"2"""', () => {
    const d = delivery(records[0]);
    expect(d.field('header_X-Job')).toBe('two inches');
    expect(d.field('userString')).toBe('2"');
    expect(d.field('dlvEsmtpAvailable')).toBe('PIPELINING,8BITMIME');
  });

  it('keeps CRLF inside a quoted field as data', () => {
    const b = delivery(records[1]);
    expect(b.dsnDiag).toBe(
      '554-gmx.net (mxgmx114) Nemesis ESMTP Service not available\r\n554-No SMTP service\r\n554-IP address is block listed.\r\n554 For explanation visit https://postmaster.gmx.net/en/error-messages?ip=203.0.113.13&c=bl',
    );
    expect(b.field('header_X-Job')).toBe('say "hi", then leave');
    expect(b.vmta).toBe('vmta-d');
  });

  it('keeps a bare LF inside quotes and a bare CR inside a field as data; LF ends a record too', () => {
    const t = delivery(records[2]);
    expect(t.dsnDiag).toBe('421 4.7.0 [TSS04] Messages from 203.0.113.11 temporarily deferred\nsee https://postmaster.yahooinc.com/error-codes');
    expect(t.field('header_X-Job')).toBe('bare\rcr');
    expect(t.field('userString')).toBe('');
  });

  it('leaves no CR in the last field at a CRLF record end', () => {
    const d = delivery(records[3]);
    expect(d.field('userString')).toBe('');
    expect(d.field('header_X-Job')).toBe('');
    expect(delivery(records[0]).field('userString')).not.toContain('\r');
  });

  it('reports each record at the byte offset of its first byte', () => {
    for (const r of records) expect(bytes[r.offset - 1]).toBe(0x0a);
    expect(records.map((r) => String.fromCharCode(bytes[r.offset] ?? 0))).toEqual(['d', 'b', 't', 'd']);
  });
});

describe('record parser: record types', () => {
  const { records, malformed } = parseBytes(fixture('all-types.csv'));

  it('recognises short codes, long aliases and quoted type fields', () => {
    expect(malformed).toEqual([]);
    expect(records.map((r) => r.type)).toEqual(['r', 'f', 'rb', 'rs', 'd', 'b', 't', 'tq', 'r', 'f', 'rb', 'rs', 'tq']);
  });

  it('exposes the fields of each type', () => {
    const [r, f, rb, rs] = records;
    if (r?.type !== 'r' || f?.type !== 'f' || rb?.type !== 'rb' || rs?.type !== 'rs') throw new Error('types');
    expect(r).toMatchObject({ orig: 'bounces@example.com', rcpt: 'rita@gmail.com', vmta: 'vmta-a', vmtaPool: 'pool-news', jobId: 'JOB-9' });
    expect(f).toMatchObject({ rcpt: 'sam@aol.com', feedbackType: 'abuse', dlvSourceIp: '203.0.113.11', reportedDomain: 'news.example.com' });
    expect(f.field('format')).toBe('arf');
    expect(rb).toMatchObject({ rcpt: 'tom@example.org', dsnStatus: '5.1.1', bounceCat: 'bad-mailbox', dsnMta: 'mail.example.org (198.51.100.7)' });
    expect(rb.dsnDiag).toBe('550 5.1.1 <tom@example.org>: Recipient address rejected: User unknown in virtual mailbox table');
    expect(rb.field('dsnReportingMta')).toBe('mail.example.org');
    expect(rs).toMatchObject({ dsnStatus: '4.4.7', dsnStatusText: 'delivery time expired' });
  });

  it('reads every timestamp form to the same instant', () => {
    const { records: timed, malformed: bad } = parseBytes(fixture('time-formats.csv'));
    expect(bad).toEqual([]);
    expect(timed).toHaveLength(10);
    expect(timed.map((r) => r.timeLogged)).toEqual([
      ...Array<number>(4).fill(Date.UTC(2026, 10, 29, 15)),
      Date.UTC(2026, 10, 29, 15) + 250,
      ...Array<number>(5).fill(Date.UTC(2026, 10, 29, 15)),
    ]);
  });
});
