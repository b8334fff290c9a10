import { describe, expect, it } from 'vitest';
import { selectPairRows } from '../../../src/ui/view-models/pair-rows.js';
import { DEFAULT_SORT, nextSortColumn, SORT_COLUMNS } from '../../../src/ui/view-models/sort-order.js';
import type { SortColumn } from '../../../src/ui/view-models/sort-order.js';
import { buildSnapshot, makePair, PAIRS } from '../helpers/snapshot-fixture.js';

const snapshot = buildSnapshot();
const names = (filter: string, column: SortColumn = 'status', reversed = false) =>
  selectPairRows(snapshot, filter, { column, reversed }).map((r) => `${r.isp}/${r.sourceIp}`);

describe('selectPairRows', () => {
  it('puts what needs attention first by default, then the busiest, insufficient data last', () => {
    expect(names('')).toEqual([
      'yahoo/203.0.113.14',
      'google/203.0.113.31',
      'microsoft/203.0.113.31',
      'comcast/203.0.113.12',
      'gmx/203.0.113.21',
      'orange/203.0.113.40',
    ]);
  });

  it('computes the throttled share from throttling classes only (recipient deferrals excluded)', () => {
    const yahoo = selectPairRows(snapshot, 'yahoo', DEFAULT_SORT)[0];
    expect(yahoo?.throttledShare).toBeCloseTo(8_370 / 21_500, 10);
    expect(yahoo?.attemptsPerHour).toBe(1_020);
    expect(yahoo?.since).toBe(snapshot.now - 22 * 60_000);
  });

  it('filters by provider, IP, vmta or recipient domain, case-insensitively, all terms required', () => {
    expect(names('YAHOO')).toEqual(['yahoo/203.0.113.14']);
    expect(names('aol.com')).toEqual(['yahoo/203.0.113.14']);
    expect(names('203.0.113.31')).toEqual(['google/203.0.113.31', 'microsoft/203.0.113.31']);
    expect(names('vmta-31 micro')).toEqual(['microsoft/203.0.113.31']);
    expect(names('vmta-31 yahoo')).toEqual([]);
    expect(names('  ')).toHaveLength(PAIRS.length);
  });

  it('sorts each column in its natural direction and reverses on request', () => {
    expect(names('', 'provider')).toEqual([
      'comcast/203.0.113.12', 'gmx/203.0.113.21', 'google/203.0.113.31', 'microsoft/203.0.113.31', 'orange/203.0.113.40', 'yahoo/203.0.113.14',
    ]);
    expect(names('', 'attempts')[0]).toBe('google/203.0.113.31');
    expect(names('', 'acceptance')[0]).toBe('yahoo/203.0.113.14');
    expect(names('', 'throttled')[0]).toBe('yahoo/203.0.113.14');
    expect(names('', 'ip')).toEqual([
      'comcast/203.0.113.12', 'yahoo/203.0.113.14', 'gmx/203.0.113.21', 'google/203.0.113.31', 'microsoft/203.0.113.31', 'orange/203.0.113.40',
    ]);
    expect(names('', 'provider', true)[0]).toBe('yahoo/203.0.113.14');
  });

  it('keeps rows without a value last in both directions (no limit estimate yet)', () => {
    const asc = names('', 'limit');
    const desc = names('', 'limit', true);
    expect(asc.slice(0, 4)).toEqual(['gmx/203.0.113.21', 'yahoo/203.0.113.14', 'microsoft/203.0.113.31', 'google/203.0.113.31']);
    expect(desc.slice(0, 4)).toEqual(['google/203.0.113.31', 'microsoft/203.0.113.31', 'yahoo/203.0.113.14', 'gmx/203.0.113.21']);
    expect(asc.slice(4).sort()).toEqual(['comcast/203.0.113.12', 'orange/203.0.113.40']);
    expect(desc.slice(4).sort()).toEqual(['comcast/203.0.113.12', 'orange/203.0.113.40']);
  });

  it('orders IPs by value, not as text', () => {
    const pairs = ['10.0.0.10', '10.0.0.9', '10.0.1.1'].map((ip) =>
      makePair({ isp: 'x', domains: [], sourceIp: ip, vmta: null, attempts: 1, delivered: 1, deferred: 0, interval: [0, 1], limit: { estimate: null, low: null, high: null, censored: false }, binding: 'none', status: 'ok' }),
    );
    expect(selectPairRows(buildSnapshot({ pairs, hourly: {} }), '', { column: 'ip', reversed: false }).map((r) => r.sourceIp)).toEqual(['10.0.0.9', '10.0.0.10', '10.0.1.1']);
  });

  it('returns the same array for the same inputs (later selectors cache on it) and fresh rows for a new snapshot', () => {
    const a = selectPairRows(snapshot, 'yahoo', DEFAULT_SORT);
    expect(selectPairRows(snapshot, 'yahoo', { ...DEFAULT_SORT })).toBe(a);
    const next = buildSnapshot({ pairs: PAIRS.filter((p) => p.isp !== 'yahoo') });
    expect(selectPairRows(next, 'yahoo', DEFAULT_SORT)).toEqual([]);
    expect(selectPairRows(snapshot, 'yahoo', DEFAULT_SORT)).toEqual(a);
  });

  it('cycles through every sort column and back', () => {
    let c: SortColumn = 'status';
    const seen = new Set<SortColumn>();
    for (let i = 0; i < SORT_COLUMNS.length; i += 1) {
      c = nextSortColumn(c);
      seen.add(c);
    }
    expect(c).toBe('status');
    expect(seen.size).toBe(SORT_COLUMNS.length);
  });
});
