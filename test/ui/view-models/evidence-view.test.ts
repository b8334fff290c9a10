import { describe, expect, it } from 'vitest';
import { maxScrollOffset, pairEvidence, recommendationEvidence, scrollLines } from '../../../src/ui/view-models/evidence-view.js';
import { flattenEvidence, humanizeKey } from '../../../src/ui/view-models/evidence-values.js';
import { line } from '../../../src/ui/view-models/line-view.js';
import { selectPairRows } from '../../../src/ui/view-models/pair-rows.js';
import { DEFAULT_SORT } from '../../../src/ui/view-models/sort-order.js';
import { buildSnapshot, NOW, RECOMMENDATIONS } from '../helpers/snapshot-fixture.js';

const ctx = { now: NOW, timeZone: 'UTC' };
const text = (lines: readonly { text: string }[]) => lines.map((l) => l.text).join('\n');
const HOSTILE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('recommendation evidence', () => {
  const yahoo = RECOMMENDATIONS[0];
  if (yahoo === undefined) throw new Error('fixture');
  const view = recommendationEvidence(yahoo, 100, ctx);

  it('names the change in PowerMTA words, with where the current value comes from', () => {
    expect(view.title.text).toBe('evidence · <virtual-mta vmta-14> <domain $yahoo> max-msg-rate');
    const all = text(view.lines);
    expect(all).toContain("unlimited → 350/h (current: PowerMTA's default)");
    expect(all).toContain('confidence');
    expect(all).toContain('0.91');
    expect(all).toContain('Yahoo deferred 39% of attempts with [TSS04] since 14:10');
  });

  it('renders every evidence field: ranges, counts, times and the responses with counts and times', () => {
    const all = text(view.lines);
    expect(all).toMatch(/accepted per hour\s+380–445/);
    expect(all).toMatch(/hours observed\s+12/);
    expect(all).toMatch(/throttled since\s+14:10/);
    expect(all).toContain('top responses (1)');
    expect(all).toContain('×8,412 rate 14:10–14:32 421 4.7.0 [TSS04] Messages from 203.0.113.14');
  });

  it('never lets control sequences or bidi overrides through, and wraps to the width', () => {
    for (const l of view.lines) {
      expect(l.text).not.toMatch(HOSTILE);
      expect([...l.text].length).toBeLessThanOrEqual(100);
    }
  });

  it('flattens nested evidence and summarises arrays of other objects', () => {
    const entries = flattenEvidence({ window: { hours: 3, from: '2026-11-29T11:00:00Z' }, samples: [{ ip: '203.0.113.14', n: 2 }], ok: true, note: 'x\u001B[31my' }, ctx);
    expect(entries).toEqual([
      { label: 'window · hours', value: '3' },
      { label: 'window · from', value: '11:00' },
      { label: 'samples', value: 'ip 203.0.113.14, n 2' },
      { label: 'ok', value: 'yes' },
      { label: 'note', value: 'xy' },
    ]);
    expect(humanizeKey('maxConcurrentSeen')).toBe('max concurrent seen');
  });

  it('shows the rules\' proportions as percentages and leaves other numbers alone', () => {
    const entries = flattenEvidence({ acceptanceRate: 0.612, acceptanceInterval: [0.5945, 0.6255], share: 0.4, acceptedPerHour: [380, 445], ipsInVmta: 1 }, ctx);
    expect(entries.map((e) => `${e.label}=${e.value}`)).toEqual([
      'acceptance rate=61.2%',
      'acceptance interval=59.4%–62.6%',
      'share=40%',
      'accepted per hour=380–445',
      'ips in vmta=1',
    ]);
  });
});

describe('pair evidence', () => {
  const rows = selectPairRows(buildSnapshot(), '', DEFAULT_SORT);
  const yahoo = rows.find((r) => r.isp === 'yahoo');
  if (yahoo === undefined) throw new Error('fixture');
  const view = pairEvidence(yahoo, 100, ctx);
  const all = text(view.lines);

  it('shows counts, the interval, the limit, binding and deferrals by class', () => {
    expect(view.title.text).toBe('evidence · yahoo 203.0.113.14 vmta-14 · THROTTLED 22m');
    expect(all).toContain('21,500 attempts, 13,115 delivered, 8,385 deferred, 0 bounced');
    expect(all).toContain('61.0% [59–63]');
    expect(all).toContain('410 (380–445) binds: rate');
    expect(all).toContain('rate 8,370 · recipient 15');
    expect(all).toContain('yahoo.com, aol.com, ymail.com');
  });

  it('lists the throttle episodes newest first and the top responses with counts and times, sanitised', () => {
    expect(all).toContain('throttle episodes (2), newest first');
    expect(all.indexOf('14:10–14:32 22m rate: 1,020 attempts, 402 delivered, 618 deferred')).toBeLessThan(all.indexOf('18:32–19:32 1h00m rate'));
    expect(all).toContain('×8,412 rate 14:10–14:32 421 4.7.0 [TSS04]');
    expect(all).toContain('×12 rate 18:32–19:22 421 4.7.0 [TS01]');
    for (const l of view.lines) expect(l.text).not.toMatch(HOSTILE);
    expect(all).not.toContain('pwned');
  });
});

describe('scrollLines', () => {
  const lines = Array.from({ length: 30 }, (_, i) => line(`line ${i + 1}`));
  it('shows everything that fits, else a page and where it is', () => {
    expect(scrollLines(lines.slice(0, 5), 10, 3, 'PgDn').lines).toHaveLength(5);
    const page = scrollLines(lines, 10, 0, 'PgDn');
    expect(page.lines.map((l) => l.text)).toEqual([...lines.slice(0, 9).map((l) => l.text), '  lines 1–9 of 30 · PgDn']);
    const end = scrollLines(lines, 10, 999, 'PgDn');
    expect(end.offset).toBe(maxScrollOffset(30, 10));
    expect(end.lines[8]?.text).toBe('line 30');
  });
});
