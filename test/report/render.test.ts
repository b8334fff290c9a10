import { describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/domain/report.js';
import { buildReport } from '../../src/report/build-report.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { dailyCampaign, synthCells } from '../stats/helpers/synthetic-cells.js';
import { PROVIDERS, response } from '../rules/helpers.js';

const HOSTILE = '421 4.7.0 [TSS04] \u001B]0;pwned\u0007Messages from 203.0.113.14 |deferred| `x` <b>';

function report(): ReportJson {
  const cells = [
    ...synthCells({ minutes: 2 * 1440, inject: dailyCampaign(14, 8, 20), limitPerHour: () => 400 }),
    ...synthCells({ provider: 'google', sourceIp: '203.0.113.15', vmta: 'vmta-15', domain: 'gmail.com', minutes: 2 * 1440, inject: dailyCampaign(10, 8, 20), limitPerHour: () => 5000 }),
  ];
  const first = Math.min(...cells.map((c) => c.minute));
  const last = Math.max(...cells.map((c) => c.minute)) + 59_999;
  return buildReport(
    {
      cells,
      responses: [response({ text: HOSTILE, class: 'rate', count: 900 })],
      summary: { files: ['a.csv'], bytes: 1, recordsByType: { d: 10, t: 5 }, malformed: { byReason: { 'field-count': 2 }, examples: [] }, firstTime: first, lastTime: last, vmtaIps: {} },
      providers: PROVIDERS,
    },
    { now: Date.UTC(2026, 11, 1) },
  );
}

describe('buildReport', () => {
  it('fills the contract and puts pairs that need attention first', () => {
    const r = report();
    expect(r.generatedAt).toBe('2026-12-01T00:00:00.000Z');
    // the period is the summary's first and last record time
    expect(r.input).toEqual({ files: 1, records: 15, malformed: 2, from: '2026-11-20T08:00:00.000Z', to: '2026-11-21T23:59:59.999Z' });
    expect(r.pairs.map((p) => [p.isp, p.status])).toEqual([['yahoo', 'throttled'], ['google', 'ok']]);
    expect(r.pairs[0]!.maxHourlyRate.censored).toBe(false);
    expect(r.pairs[1]!.maxHourlyRate.censored).toBe(true);
  });

  it('narrows to --since/--until', () => {
    const cells = synthCells({ minutes: 2 * 1440, inject: () => 1, limitPerHour: () => 1e6 });
    const since = cells[0]!.minute + 1440 * 60_000;
    const r = buildReport({ cells, responses: [], summary: { files: [], bytes: 0, recordsByType: {}, malformed: { byReason: {}, examples: [] }, firstTime: cells[0]!.minute, lastTime: since + 1439 * 60_000, vmtaIps: {} }, providers: PROVIDERS }, { now: 0, since });
    expect(r.pairs[0]!.attempts).toBe(1440);
    expect(r.input.from).toBe(new Date(since).toISOString());
    expect(r.window?.since).toBe(new Date(since).toISOString());
  });
});

describe('renderText', () => {
  it('shows the sections in order, without colour unless asked, with remote text sanitised', () => {
    const text = renderText(report());
    const order = ['NEEDS ATTENTION', 'PAIRS', 'RECOMMENDATIONS', 'WARM-UP', 'INVALID DOMAINS'].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toMatch(/\u001B/);
    expect(text).toContain('[TSS04]');
    expect(text).not.toContain('pwned\u0007');
    expect(text).toMatch(/yahoo\s+203\.0\.113\.14\s+vmta-14\s+accept/);
    expect(renderText(report(), { color: true })).toMatch(/\u001B\[1m/);
  });
});

describe('renderMarkdown', () => {
  it('escapes table syntax and HTML in remote text', () => {
    const md = renderMarkdown(report());
    expect(md).toContain('## Recommendations');
    expect(md).toContain('\\|deferred\\|');
    expect(md).toContain('\\<b\\>');
    expect(md).not.toMatch(/\u001B|\u0007/);
  });
});
