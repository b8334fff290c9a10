import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/aggregate/aggregator.js';
import { RESPONSE_CLASS_INDEX } from '../../src/domain/response-class.js';
import { bounce, delivery, queueFailure, testModel, transient } from '../helpers/records.js';

const TSS04 = '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints';

function sample() {
  return [
    delivery('2026-11-28T10:00:05Z', 'ann@yahoo.com', '203.0.113.14', 'vmta-14'),
    transient('2026-11-28T10:00:09Z', 'bob@yahoo.com', '203.0.113.14', 'vmta-14', TSS04),
    transient('2026-11-28T10:00:30Z', 'cy@yahoo.com', '203.0.113.14', 'vmta-14', TSS04),
    // b rows carry no dlvSourceIp: attributed through the vmta -> IP mapping learned from d/t rows
    bounce('2026-11-28T10:00:40Z', 'gone@yahoo.com', 'vmta-14', '554 5.1.1 user unknown'),
    delivery('2026-11-28T10:01:02Z', 'dee@gmail.com', '203.0.113.31', 'vmta-31'),
    // a company domain hosted at Google is attributed to Google from dsnMta
    delivery('2026-11-28T10:01:03Z', 'eve@acme-corp.com', '203.0.113.31', 'vmta-31'),
    queueFailure('2026-11-28T10:01:10Z', 'yahoo.com/vmta-14', '203.0.113.14', '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred'),
  ];
}

describe('Aggregator', () => {
  it('counts per (provider, IP, vmta, domain, minute) with attempts as PowerMTA counts them', () => {
    const agg = new Aggregator(testModel());
    agg.add(sample());
    const cells = agg.cells();
    const yahoo = cells.filter((c) => c.provider === 'yahoo' && c.minute === Date.parse('2026-11-28T10:00:00Z'));
    expect(yahoo).toHaveLength(1);
    const y = yahoo[0]!;
    expect(y.sourceIp).toBe('203.0.113.14');
    expect(y.vmta).toBe('vmta-14');
    expect(y.delivered).toBe(1);
    expect(y.deferred).toBe(2);
    expect(y.bounced).toBe(1);
    // d + 2 t + the 5.1.1 bounce that came from a remote reply
    expect(y.attempts).toBe(4);
    expect(y.deferredByClass[RESPONSE_CLASS_INDEX.reputation]).toBe(2);
    expect(y.bouncedByClass[RESPONSE_CLASS_INDEX.recipient]).toBe(1);

    const tq = cells.find((c) => c.provider === 'yahoo' && c.queueFailures > 0)!;
    expect(tq.queueFailuresByClass[RESPONSE_CLASS_INDEX.reputation]).toBe(1);
    expect(tq.attempts).toBe(0);

    const google = cells.filter((c) => c.provider === 'google');
    expect(google.map((c) => c.domain).sort()).toEqual(['acme-corp.com', 'gmail.com']);
  });

  it('keeps the responses behind deferrals with counts and times', () => {
    const agg = new Aggregator(testModel());
    agg.add(sample());
    const top = agg.responses()[0]!;
    expect(top).toMatchObject({ provider: 'yahoo', sourceIp: '203.0.113.14', class: 'reputation', recordType: 't', count: 2 });
    expect(top.first).toBe(Date.parse('2026-11-28T10:00:09Z'));
    expect(top.last).toBe(Date.parse('2026-11-28T10:00:30Z'));
  });

  it('resolves a bounce that arrives before any row of its vmta once the mapping is known', () => {
    const agg = new Aggregator(testModel());
    const rows = sample();
    agg.add([rows[3]!]);
    expect(agg.cells()[0]!.sourceIp).toBe('');
    agg.add(rows.slice(0, 3));
    const y = agg.cells().filter((c) => c.provider === 'yahoo');
    expect(y).toHaveLength(1);
    expect(y[0]!.sourceIp).toBe('203.0.113.14');
    expect(y[0]!.bounced).toBe(1);
  });

  it('merges snapshots exactly: split aggregation equals one-pass aggregation, through JSON', () => {
    const rows = sample();
    const whole = new Aggregator(testModel());
    whole.add(rows);
    const a = new Aggregator(testModel());
    a.add(rows.slice(0, 3));
    const b = new Aggregator(testModel());
    b.add(rows.slice(3));
    const merged = Aggregator.fromSnapshot(JSON.parse(JSON.stringify(a.toSnapshot())), testModel());
    merged.merge(JSON.parse(JSON.stringify(b.toSnapshot())));
    expect(merged.cells()).toEqual(whole.cells());
    expect(merged.responses()).toEqual(whole.responses());
    expect(merged.summary()).toEqual(whole.summary());
    expect(merged.recordCount).toBe(7);
  });

  it('counts malformed records by reason with a few locations', () => {
    const agg = new Aggregator(testModel());
    agg.addMalformed([
      { reason: 'field-count', file: 'a.csv', offset: 10, line: 2 },
      { reason: 'field-count', file: 'a.csv', offset: 99, line: 5 },
      { reason: 'bad-time', file: 'a.csv', offset: 120, line: 6 },
    ]);
    expect(agg.summary().malformed.byReason).toEqual({ 'field-count': 2, 'bad-time': 1 });
    expect(agg.malformedCount).toBe(3);
  });
});

describe('Aggregator invariants', () => {
  it('cells sum to the records added, whatever the mix and order (property)', async () => {
    const fc = await import('fast-check');
    const rowArb = fc.record({
      kind: fc.constantFrom('d', 't', 'b', 'tq'),
      minute: fc.integer({ min: 0, max: 180 }),
      domain: fc.constantFrom('yahoo.com', 'gmail.com', 'hotmail.com', 'acme-corp.com', 'small.example'),
      ip: fc.constantFrom('203.0.113.14', '203.0.113.31', '198.51.100.7'),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 200 }), (rows) => {
        const agg = new Aggregator(testModel());
        const t0 = Date.parse('2026-11-28T10:00:00Z');
        const at = (m: number): string => new Date(t0 + m * 60_000 + 17_000).toISOString();
        agg.add(
          rows.map((r, i) => {
            const vmta = `vmta-${r.ip.split('.')[3]}`;
            const rcpt = `u${i}@${r.domain}`;
            if (r.kind === 'd') return delivery(at(r.minute), rcpt, r.ip, vmta);
            if (r.kind === 't') return transient(at(r.minute), rcpt, r.ip, vmta, TSS04);
            if (r.kind === 'b') return bounce(at(r.minute), rcpt, vmta, '550 5.1.1 user unknown');
            return queueFailure(at(r.minute), `${r.domain}/${vmta}`, r.ip, '421 too many connections');
          }),
        );
        const cells = agg.cells();
        const sum = (f: (c: (typeof cells)[number]) => number): number => cells.reduce((n, c) => n + f(c), 0);
        const count = (k: string): number => rows.filter((r) => r.kind === k).length;
        expect(sum((c) => c.delivered)).toBe(count('d'));
        expect(sum((c) => c.deferred)).toBe(count('t'));
        expect(sum((c) => c.bounced)).toBe(count('b'));
        expect(sum((c) => c.queueFailures)).toBe(count('tq'));
        expect(sum((c) => c.deferredByClass.reduce((a, b) => a + b, 0))).toBe(count('t'));
        // one cell per key, in a deterministic order
        const keys = cells.map((c) => [c.provider, c.sourceIp, c.vmta, c.domain, String(c.minute)]);
        expect(new Set(keys.map((k) => k.join('\u0000'))).size).toBe(keys.length);
        const fieldwise = (a: string[], b: string[]): number => {
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
          return 0;
        };
        expect([...keys].sort(fieldwise)).toEqual(keys);
      }),
      { numRuns: 150 },
    );
  });
});

describe('Aggregator.pruneBefore (watch retention)', () => {
  it('keeps exactly the cells and responses of the window, and keeps aggregating after', () => {
    const early = [
      delivery('2026-11-27T10:00:05Z', 'a@yahoo.com', '203.0.113.14', 'vmta-14'),
      transient('2026-11-27T10:01:05Z', 'b@yahoo.com', '203.0.113.14', 'vmta-14', TSS04),
      delivery('2026-11-27T11:00:05Z', 'c@gmail.com', '203.0.113.31', 'vmta-31'),
    ];
    const late = [
      delivery('2026-11-28T10:00:05Z', 'd@yahoo.com', '203.0.113.14', 'vmta-14'),
      delivery('2026-11-28T10:00:35Z', 'e@gmail.com', '203.0.113.31', 'vmta-31'),
    ];
    const more = [transient('2026-11-28T10:02:00Z', 'f@yahoo.com', '203.0.113.14', 'vmta-14', TSS04), delivery('2026-11-28T10:00:50Z', 'g@yahoo.com', '203.0.113.14', 'vmta-14')];
    const pruned = new Aggregator(testModel());
    pruned.add([...early, ...late]);
    expect(pruned.pruneBefore(Date.parse('2026-11-28T00:00:00Z'))).toBe(3);
    pruned.add(more);
    const fresh = new Aggregator(testModel());
    fresh.add([...late, ...more]);
    expect(pruned.cells()).toEqual(fresh.cells());
    expect(pruned.responses()).toEqual(fresh.responses());
    expect(pruned.recordCount).toBe(7);
  });
});
