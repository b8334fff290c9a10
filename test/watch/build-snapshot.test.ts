import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/aggregate/aggregator.js';
import type { PairReport, ReportJson } from '../../src/domain/report.js';
import { detectAlerts, statusesOf } from '../../src/watch/detect-alerts.js';
import { buildSnapshot, hourlyByPair, SPARK_HOURS } from '../../src/watch/build-snapshot.js';
import { delivery, testModel, transient } from '../helpers/records.js';

const TSS04 = '421 4.7.0 [TSS04] Messages from 203.0.113.14 temporarily deferred due to unexpected volume or user complaints';

function cells() {
  const agg = new Aggregator(testModel());
  const rows = [];
  // two hours of yahoo traffic: 30 delivered at 09:xx, 10 delivered + 20 deferred at 10:xx
  for (let i = 0; i < 30; i++) rows.push(delivery(`2026-11-28T09:${String(i).padStart(2, '0')}:00Z`, `u${i}@yahoo.com`, '203.0.113.14', 'vmta-14'));
  for (let i = 0; i < 10; i++) rows.push(delivery(`2026-11-28T10:${String(i).padStart(2, '0')}:00Z`, `v${i}@yahoo.com`, '203.0.113.14', 'vmta-14'));
  for (let i = 0; i < 20; i++) rows.push(transient(`2026-11-28T10:${String(20 + i).padStart(2, '0')}:00Z`, `w${i}@yahoo.com`, '203.0.113.14', 'vmta-14', TSS04));
  agg.add(rows);
  return agg.cells();
}

describe('hourlyByPair', () => {
  it('gives the last hours per pair, oldest first, and the rolling pace of the last 60 minutes', () => {
    const ref = Date.parse('2026-11-28T10:45:00Z');
    const live = hourlyByPair(cells(), ref)['yahoo|203.0.113.14|vmta-14']!;
    expect(live.hours).toHaveLength(SPARK_HOURS);
    const last = live.hours.at(-1)!;
    const prev = live.hours.at(-2)!;
    expect(last).toEqual({ hourStart: Date.parse('2026-11-28T10:00:00Z'), attempts: 30, delivered: 10, deferred: 20 });
    expect(prev).toMatchObject({ attempts: 30, delivered: 30, deferred: 0 });
    // the rolling hour is 09:46-10:45: the 09:xx rows (09:00-09:29) fall outside it
    expect(live.attemptsPerHour).toBe(30);
    expect(live.deliveredPerHour).toBe(10);
  });
});

function pair(status: PairReport['status']): PairReport {
  return {
    isp: 'yahoo', domains: ['yahoo.com'], sourceIp: '203.0.113.14', vmta: 'vmta-14', attempts: 100, delivered: 50, deferred: 50, bounced: 0,
    acceptanceRate: 0.5, acceptanceInterval: [0.4, 0.6], deferralsByClass: { reputation: 50 },
    maxHourlyRate: { estimate: 400, low: 380, high: 445, censored: false }, binding: 'reputation', status,
    firstSeen: '2026-11-28T09:00:00.000Z', lastSeen: '2026-11-28T10:40:00.000Z',
    episodes: [{ start: '2026-11-28T10:20:00.000Z', end: '2026-11-28T10:40:00.000Z', minutes: 20, class: 'reputation', attempts: 20, delivered: 0, deferred: 20 }],
    topResponses: [{ class: 'reputation', text: TSS04, count: 20, first: '2026-11-28T10:20:00.000Z', last: '2026-11-28T10:40:00.000Z' }],
  };
}

describe('detectAlerts', () => {
  it('alerts once when a pair starts being throttled, at the episode start, with the response', () => {
    const now = Date.parse('2026-11-28T10:45:00Z');
    const first = detectAlerts(statusesOf([pair('ok')]), [pair('throttled')], now);
    expect(first).toEqual([{ time: Date.parse('2026-11-28T10:20:00Z'), isp: 'yahoo', sourceIp: '203.0.113.14', kind: 'throttled', text: TSS04 }]);
    expect(detectAlerts(statusesOf([pair('throttled')]), [pair('throttled')], now)).toEqual([]);
    expect(detectAlerts(statusesOf([pair('throttled')]), [pair('blocked')], now)[0]!.kind).toBe('blocked');
    expect(detectAlerts(statusesOf([pair('throttled')]), [pair('ok')], now)[0]!.kind).toBe('recovered');
  });

  it('feeds the snapshot with report values and live figures relative to the newest record', () => {
    const report = { generatedAt: '', input: { files: 1, records: 60, malformed: 0, from: null, to: null }, pairs: [pair('throttled')], recommendations: [], warmup: [], invalidDomains: [] } satisfies ReportJson;
    const snap = buildSnapshot({
      now: Date.parse('2026-11-29T12:00:00Z'),
      cells: cells(),
      report,
      alerts: [],
      source: { paths: ['/acct'], currentFile: 'acct.csv', recordsPerSecond: 0, state: 'idle', lagBytes: 0, lastRecordTime: Date.parse('2026-11-28T10:45:00Z'), malformed: 0 },
    });
    expect(snap.report.pairs).toHaveLength(1);
    expect(snap.hourly['yahoo|203.0.113.14|vmta-14']!.deliveredPerHour).toBe(10);
  });
});
