import { describe, expect, it } from 'vitest';
import { formatSummaryLine } from '../../src/ui/summary-line.js';
import { buildSnapshot, makePair, PAIRS } from './helpers/snapshot-fixture.js';

describe('formatSummaryLine', () => {
  it('puts the screen in one line: counts, live volume, acceptance, recommendations and the most urgent pair', () => {
    const totalAttempts = PAIRS.reduce((s, p) => s + p.attempts, 0);
    const totalDelivered = PAIRS.reduce((s, p) => s + p.delivered, 0);
    expect(((100 * totalDelivered) / totalAttempts).toFixed(1)).toBe('90.7');
    expect(formatSummaryLine(buildSnapshot(), { timeZone: 'UTC' })).toBe(
      '14:32:07 pairs=6 throttled=1 blocked=0 att/h=7,622 acc=90.7% recs=3 top: yahoo/203.0.113.14 THROTTLED rate',
    );
  });

  it('ranks a blocked pair above a throttled one and reports waiting, idle and malformed input', () => {
    const blocked = makePair({
      isp: 'microsoft', domains: ['outlook.com'], sourceIp: '203.0.113.50', vmta: 'vmta-50', attempts: 500, delivered: 0, deferred: 0,
      interval: [0, 0.01], limit: { estimate: null, low: null, high: null, censored: false }, binding: 'block', status: 'blocked',
    });
    const line = formatSummaryLine(buildSnapshot({ pairs: [...PAIRS, blocked], source: { state: 'idle', malformed: 2 } }), { timeZone: 'UTC' });
    expect(line).toMatch(/^14:32:07 idle pairs=7 throttled=1 blocked=1 .* malformed=2 top: microsoft\/203\.0\.113\.50 BLOCKED block$/);
    const waiting = formatSummaryLine(buildSnapshot({ pairs: [], hourly: {}, recommendations: [], source: { state: 'waiting-for-path' } }), { timeZone: 'UTC' });
    expect(waiting).toBe('14:32:07 waiting-for=/var/log/pmta/acct pairs=0 throttled=0 blocked=0 att/h=0 acc=– recs=0');
  });

  it('measures acceptance over the attempts that count against the IPs when the report has them', () => {
    const pairs = PAIRS.map((p) => ({ ...p, ipAttempts: p.delivered + p.deferred }));
    expect(formatSummaryLine(buildSnapshot({ pairs }), { timeZone: 'UTC' })).toContain(' acc=90.9% ');
  });

  it('sanitises names that come from data', () => {
    const evil = makePair({
      isp: 'evil\u001B]0;pwned\u0007', domains: [], sourceIp: '203.0.113.66\u202E', vmta: null, attempts: 10, delivered: 1, deferred: 9,
      interval: [0, 0.4], limit: { estimate: null, low: null, high: null, censored: false }, binding: 'rate', status: 'throttled',
    });
    const line = formatSummaryLine(buildSnapshot({ pairs: [evil] }), { timeZone: 'UTC' });
    expect(line).toContain('top: evil/203.0.113.66 THROTTLED rate');
    expect(line).not.toMatch(/[\u001B\u0007\u202E]/);
  });
});
