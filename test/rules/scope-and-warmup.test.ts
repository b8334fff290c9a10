import { describe, expect, it } from 'vitest';
import { scopeDomains } from '../../src/rules/scope.js';
import { warmupPlan } from '../../src/rules/warmup-plan.js';
import { analysePairs } from '../../src/stats/pair-analysis.js';
import { synthCells, T0 } from '../stats/helpers/synthetic-cells.js';
import { viewOf } from './helpers.js';

describe('scopeDomains', () => {
  const macros = new Map([['yahoo', ['yahoo.com', 'aol.com', 'ymail.com']]]);
  it('uses the smallest macro covering every domain with 1% of the traffic', () => {
    expect(scopeDomains(new Map([['yahoo.com', 60], ['aol.com', 39], ['ymail.com', 1]]), macros)).toEqual([{ domain: '$yahoo', share: 1 }]);
  });
  it('uses the main domain when it carries 90%, else splits by share among domains with 5%', () => {
    expect(scopeDomains(new Map([['gmail.com', 95], ['googlemail.com', 5]]), new Map())).toEqual([{ domain: 'gmail.com', share: 1 }]);
    const split = scopeDomains(new Map([['gmx.de', 50], ['web.de', 46], ['gmx.at', 4]]), new Map());
    expect(split.map((s) => s.domain)).toEqual(['gmx.de', 'web.de']);
    expect(split.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 9);
  });
  it('never uses a macro for per-queue values', () => {
    expect(scopeDomains(new Map([['yahoo.com', 60], ['aol.com', 40]]), macros, { perQueue: true }).map((s) => s.domain)).toEqual(['yahoo.com', 'aol.com']);
  });
});

describe('warmupPlan', () => {
  const DAY = 1440;
  /** A young IP (first record a day after the input starts) that the provider lets grow 1.4×/day. */
  function young(offered: number) {
    const limitAt = (i: number): number => 100 * 1.4 ** Math.floor(i / DAY);
    const other = synthCells({ provider: 'google', sourceIp: '203.0.113.1', domain: 'gmail.com', minutes: 6 * DAY, inject: () => 1, limitPerHour: () => 1e6 });
    const cells = synthCells({ start: T0 + DAY * 60_000, minutes: 5 * DAY, inject: (i) => (Math.floor((i % DAY) / 60) >= 6 && Math.floor((i % DAY) / 60) < 22 ? Math.ceil((offered * limitAt(i)) / 60) : 0), limitPerHour: limitAt });
    return analysePairs([...other, ...cells]).find((p) => p.series.sourceIp === '203.0.113.14')!;
  }

  it('grows from what was accepted when the last full day cleared the bar', () => {
    const p = young(0.5);
    expect(p.trend.young).toBe(true);
    const plan = warmupPlan(p, p.lastSeen)!;
    expect(plan.basis!.decision).toBe('grow');
    expect(plan.days).toHaveLength(14);
    expect(plan.days[0]!.maxMessages).toBeGreaterThan(plan.basis!.delivered);
    for (let k = 1; k < 14; k++) expect(plan.days[k]!.maxMessages).toBeGreaterThanOrEqual(plan.days[k - 1]!.maxMessages);
    expect(plan.days[0]!.perHour).toBe(Math.ceil(plan.days[0]!.maxMessages / plan.basis!.sendingHours));
    expect(plan.coldVirtualMtaMsg).toMatch(/^\d+\/day(,\d+\/day){13}$/);
    expect(plan.days[0]!.day).toBe(6);
  });

  it('holds or steps back after a throttled day, never above 85% of the measured limit', () => {
    const p = young(3);
    const plan = warmupPlan(p, p.lastSeen)!;
    expect(['hold', 'step-back']).toContain(plan.basis!.decision);
    expect(plan.days[0]!.maxMessages).toBeLessThanOrEqual(Math.ceil(0.85 * p.limit.estimate! * plan.basis!.sendingHours * 1.01));
  });

  it('has no plan for an established IP', () => {
    const cells = synthCells({ minutes: 3 * DAY, inject: () => 3, limitPerHour: () => 1e6 });
    expect(warmupPlan(analysePairs(cells)[0]!, T0 + 3 * DAY * 60_000)).toBeNull();
  });
});

describe('configViewOf', () => {
  const view = viewOf(`domain-macro yahoo yahoo.com,aol.com
<virtual-mta warm-1>
  smtp-source-host 203.0.113.1 a.example.com
  cold-virtual-mta cold-9
</virtual-mta>
<virtual-mta cold-9>
  smtp-source-host 203.0.113.9 b.example.com
</virtual-mta>
<smtp-pattern-list errs>
  reply /\\[TS0[1-3]\\]/ mode=backoff
</smtp-pattern-list>
<domain $yahoo>
  max-smtp-out 10
  smtp-pattern-list errs
</domain>
`);
  it('reads current values with their location, defaults otherwise', () => {
    expect(view.current('max-smtp-out', '$yahoo', 'cold-9')).toEqual({ value: '10', source: 'config', where: '/etc/pmta/config:13' });
    expect(view.current('max-smtp-out', 'gmail.com', null)).toEqual({ value: '20', source: 'default' });
  });
  it('knows macros, IPs, the cold VMTA link and which replies the pattern list matches', () => {
    expect(view.macros.get('yahoo')).toEqual(['yahoo.com', 'aol.com']);
    expect(view.vmtaIps.get('cold-9')).toEqual(['203.0.113.9']);
    expect(view.warmVmtaFor('cold-9')).toBe('warm-1');
    const list = view.patternList('$yahoo', null)!;
    expect(list.name).toBe('errs');
    expect(list.matching('421 4.7.0 [TS02] Messages from 1.2.3.4 temporarily deferred')).toBe('/\\[TS0[1-3]\\]/ mode=backoff');
    expect(list.matching('421 4.7.0 [TSS04] Messages')).toBeNull();
  });
});
