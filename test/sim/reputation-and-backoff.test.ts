/**
 * Day-by-day reputation of a new IP, complaint and block episodes, and PowerMTA's backoff mode.
 */
import { describe, expect, it } from 'vitest';
import { oneIpScenario, runScenario } from './helpers/sim-harness.js';

describe('warm-up of a new IP', () => {
  it('grows after good days and stalls or shrinks after heavily throttled ones', async () => {
    // Load doubles daily; the limit grows 1.5x a day from 20/h until the load outruns it.
    const json = oneIpScenario({
      provider: 'google',
      volume: 60000,
      days: 8,
      newIp: true,
      dayWeights: [1, 2, 4, 8, 16, 32, 64, 128],
      behaviour: { hourlyLimit: 5000, burstMinutes: 10, warmup: { startHourlyLimit: 20, growth: 1.5, stallAbove: 0.25, shrinkAbove: 0.5, shrinkFactor: 0.75 } },
    });
    const { truth } = await runScenario(json);
    const days = truth.pairs[0]?.hourlyLimitByDay ?? [];
    expect(days).toHaveLength(8);
    expect(days[0]?.hourlyLimit).toBe(20);
    for (let i = 1; i < days.length; i += 1) {
      const prev = days[i - 1];
      const cur = days[i];
      if (!prev || !cur) continue;
      const share = prev.attempts === 0 ? 0 : prev.throttled / prev.attempts;
      if (share <= 0.25) expect(cur.hourlyLimit).toBeCloseTo(Math.min(5000, prev.hourlyLimit * 1.5), 1);
      else if (share > 0.5) expect(cur.hourlyLimit).toBeCloseTo(Math.max(10, prev.hourlyLimit * 0.75), 1);
      else expect(cur.hourlyLimit).toBeCloseTo(prev.hourlyLimit, 1);
    }
    // The plan outruns the provider at some point: at least one day is heavily throttled.
    expect(days.some((d) => d.attempts > 0 && d.throttled / d.attempts > 0.5)).toBe(true);
    expect(truth.pairs[0]?.finalHourlyLimit).toBe(days[days.length - 1]?.hourlyLimit);
  });
});

describe('episodes', () => {
  it('a block episode bounces with the block text only while it lasts', async () => {
    const json = {
      ...oneIpScenario({ provider: 'microsoft', volume: 4800, behaviour: { hourlyLimit: 100000, perConnection: 1000 } }),
      episodes: [{ kind: 'block', provider: 'microsoft', vmta: 'vmta-1', day: 1, hour: 10, hours: 2 }],
    };
    const { records, truth } = await runScenario(json);
    const start = Date.UTC(2026, 10, 2, 10) / 1000;
    const blocked = records.filter((r) => r.type === 'b');
    expect(blocked.length).toBeGreaterThan(100);
    for (const r of blocked) {
      expect(r.time).toBeGreaterThanOrEqual(start);
      expect(r.time).toBeLessThan(start + 7200);
      expect(r.dsnStatus.startsWith('5.')).toBe(true);
    }
    expect(truth.pairs[0]?.problems).toEqual(['block']);
    expect(truth.pairs[0]?.episodes).toEqual([{ kind: 'block', from: '2026-11-02T10:00:00Z', to: '2026-11-02T12:00:00Z' }]);
  });
});

describe('backoff mode', () => {
  const throttled = {
    provider: 'yahoo',
    volume: 24000,
    behaviour: { hourlyLimit: 300, burstMinutes: 10, perConnection: 1000, connections: 50 },
  };

  it('a mode=backoff reply slows the queue to backoff-max-msg-rate and returns to normal after backoff-to-normal-after', async () => {
    const json = oneIpScenario({
      ...throttled,
      domains: { '*': { 'max-smtp-out': 5, 'retry-after': '5m', 'smtp-pattern-list': 'p', 'backoff-max-msg-rate': '120/h', 'backoff-retry-after': '5m', 'backoff-to-normal-after': '30m' } },
      patternLists: { p: [{ regex: 'TS0|GL01|TSS0', actions: 'mode=backoff' }] },
    });
    const { records, truth } = await runScenario(json);
    const pair = truth.pairs[0];
    // Queues left backoff after 30 quiet minutes and entered it again: more entries than queues.
    expect(pair?.backoff.entries).toBeGreaterThan(Object.keys(pair?.configured ?? {}).length);
    // Backing off means fewer refused attempts than hammering on without it.
    const weakRun = await runScenario(oneIpScenario({ ...throttled, domains: { '*': { 'max-smtp-out': 5, 'retry-after': '5m' } } }));
    const tBackoff = records.filter((r) => r.type === 't').length;
    const tNone = weakRun.records.filter((r) => r.type === 't').length;
    expect(tBackoff).toBeLessThan(tNone);
  });

  it('without backoff-to-normal-after a queue that entered backoff stays there', async () => {
    const json = oneIpScenario({
      ...throttled,
      domains: { '*': { 'max-smtp-out': 5, 'retry-after': '5m', 'smtp-pattern-list': 'p', 'backoff-max-msg-rate': '20000/h' } },
      patternLists: { p: [{ regex: 'TS0|GL01|TSS0', actions: 'mode=backoff' }] },
    });
    const { truth } = await runScenario(json);
    const pair = truth.pairs[0];
    expect(pair?.configured['yahoo.com']?.['backoff-to-normal-after']).toBe('never');
    // Each queue entered backoff once and never left it.
    const queues = Object.keys(pair?.configured ?? {}).length;
    expect(pair?.backoff.entries).toBeLessThanOrEqual(queues);
    expect(pair?.backoff.entries).toBeGreaterThan(0);
    expect(pair?.problems).toContain('rate');
  });
});
