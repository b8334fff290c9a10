import { describe, expect, it } from 'vitest';
import { selectAlertLine } from '../../../src/ui/view-models/alert-line.js';
import { selectFooter } from '../../../src/ui/view-models/footer-line.js';
import { selectHeader } from '../../../src/ui/view-models/header-line.js';
import { bodyHeight, planScreen } from '../../../src/ui/view-models/screen-layout.js';
import { initialDashboardState } from '../../../src/ui/state/dashboard-state.js';
import { buildSnapshot, NOW } from '../helpers/snapshot-fixture.js';

describe('header line', () => {
  it('says what is watched, the current file, the record rate and the time', () => {
    const h = selectHeader(buildSnapshot(), 160, 'UTC');
    expect(h.text).toBe('pmta-advisor · watching /var/log/pmta/acct (acct-2026-11-29-0011.csv +1,240 rec/s)');
    expect(h.right).toBe('  14:32:07   ? help');
  });

  it('says what it is waiting for', () => {
    const h = selectHeader(buildSnapshot({ source: { state: 'waiting-for-path', currentFile: null, recordsPerSecond: 0 } }), 100, 'UTC');
    expect(h.text).toBe('pmta-advisor · waiting for /var/log/pmta/acct to appear');
    expect(h.tone).toBe('warn');
  });

  it('reports idleness, lag and malformed records', () => {
    const h = selectHeader(buildSnapshot({ source: { state: 'idle', lastRecordTime: NOW - 3 * 60_000, lagBytes: 5 * 1024 * 1024, malformed: 3 } }), 160, 'UTC');
    expect(h.text).toBe('pmta-advisor · watching /var/log/pmta/acct (idle, last record 3m ago, 5.0 MiB behind, 3 malformed)');
  });

  it('shortens a long path and drops the file name to fit 80 columns', () => {
    const snapshot = buildSnapshot({ source: { paths: ['/srv/pmta/node-07/var/log/pmta/accounting/current', '/srv/b'] } });
    const h = selectHeader(snapshot, 80, 'UTC');
    expect([...h.text].length + [...h.right].length).toBeLessThanOrEqual(80);
    expect(h.text).toContain('+1 more');
    expect(h.text).toContain('…/');
    expect(h.text).toContain('+1,240 rec/s');
  });
});

describe('alert line', () => {
  it('shows the newest alert with its time, pair and sanitised response', () => {
    const a = selectAlertLine(buildSnapshot(), 'UTC');
    expect(a?.text.startsWith('─ 14:10 yahoo/203.0.113.14 started throttling: 421 4.7.0 [TSS04] Messages from 203.0.113.14')).toBe(true);
    expect(a?.text).not.toMatch(/[\u001B\u0007\u009B\u202E]/);
    expect(a?.tone).toBe('warn');
  });

  it('is absent without alerts and says "recovered" for recoveries', () => {
    expect(selectAlertLine(buildSnapshot({ alerts: [] }))).toBeNull();
    const r = selectAlertLine(buildSnapshot({ alerts: [{ time: NOW, isp: 'yahoo', sourceIp: '203.0.113.14', kind: 'recovered', text: '' }] }), 'UTC');
    expect(r?.text).toBe('─ 14:32 yahoo/203.0.113.14 recovered');
  });
});

describe('footer line', () => {
  const base = { ...initialDashboardState(), snapshot: buildSnapshot() };
  it('is the filter input while typing', () => {
    expect(selectFooter({ ...base, filterEditing: true, filter: 'yah' }, { shownPairs: 1, totalPairs: 6 }).text).toBe('filter: yah▏  1 of 6 pairs · Enter keep · Esc clear');
  });
  it('says where the diff went, or why not', () => {
    expect(selectFooter({ ...base, diff: { state: 'written', path: '/tmp/tune.diff' } }, { shownPairs: 6, totalPairs: 6 }).text).toMatch(/^diff written to \/tmp\/tune\.diff · sort: status/);
    const failed = selectFooter({ ...base, diff: { state: 'failed', message: 'EACCES: permission denied, open \u001B[2J/etc/x' } }, { shownPairs: 6, totalPairs: 6 });
    expect(failed.text).toMatch(/^could not write the diff: EACCES: permission denied, open \/etc\/x/);
    expect(failed.tone).toBe('danger');
  });
  it('otherwise shows sort, filter and keys', () => {
    const f = selectFooter({ ...base, filter: 'yahoo', sort: { column: 'acceptance', reversed: true } }, { shownPairs: 1, totalPairs: 6 });
    expect(f.text).toMatch(/^sort: accept \(reversed\) · filter "yahoo": 1 of 6 pairs · /);
  });
});

describe('screen plan', () => {
  it('never uses more lines than the terminal has, less one', () => {
    for (let rows = 4; rows <= 60; rows += 1) {
      for (const [pairs, recs, warm, alert] of [[0, 0, 0, false], [6, 3, 2, true], [500, 40, 16, true], [2, 0, 9, true]] as const) {
        const p = planScreen({ rows, pairs, recommendations: recs, warmups: warm, hasAlert: alert });
        const lines = 1 + p.tableRows + (p.showRecommendations ? 1 : 0) + p.recommendationRows + (p.warmupRows > 0 ? 1 + p.warmupRows : 0) + (p.showAlert ? 1 : 0);
        expect(lines, `rows ${rows} pairs ${pairs}`).toBeLessThanOrEqual(bodyHeight(rows));
      }
    }
  });

  it('gives every pair a line when there is room, and keeps some recommendations visible when there is not', () => {
    expect(planScreen({ rows: 40, pairs: 6, recommendations: 3, warmups: 2, hasAlert: true })).toEqual({ tableRows: 6, showRecommendations: true, recommendationRows: 3, warmupRows: 2, showAlert: true });
    const busy = planScreen({ rows: 24, pairs: 500, recommendations: 12, warmups: 8, hasAlert: true });
    expect(busy.recommendationRows).toBe(4);
    expect(busy.warmupRows).toBe(4);
    expect(busy.tableRows).toBe(24 - 3 - 1 - 1 - 1 - 4 - 1 - 4);
  });
});
