import { describe, expect, it } from 'vitest';
import { analysePairs } from '../../src/stats/pair-analysis.js';
import { dailyCampaign, synthCells } from './helpers/synthetic-cells.js';

const DAY = 1440;

describe('hourly limit from saturated time', () => {
  it('measures a token-bucket limit the sender overruns, with an interval around it', () => {
    for (const limit of [120, 410, 2500]) {
      const cells = synthCells({ minutes: 2 * DAY, inject: dailyCampaign(Math.ceil((limit * 2) / 60), 8, 20), limitPerHour: () => limit });
      const [pair] = analysePairs(cells);
      expect(pair).toBeDefined();
      const l = pair!.limit;
      expect(l.method).toBe('saturated');
      expect(l.censored).toBe(false);
      expect(Math.abs(l.estimate! - limit) / limit).toBeLessThan(0.1);
      expect(l.low!).toBeLessThanOrEqual(limit * 1.02);
      expect(l.high!).toBeGreaterThanOrEqual(limit * 0.98);
      expect(pair!.binding).toBe('rate');
      expect(pair!.status).toBe('throttled');
    }
  });

  it('is not fooled by idle stretches: bursty campaigns still measure the refill rate', () => {
    // 20 minutes of heavy sending every 2 hours
    const inject = (i: number): number => (i % 120 < 20 ? 40 : 0);
    const cells = synthCells({ minutes: 2 * DAY, inject, limitPerHour: () => 600, burstMinutes: 10 });
    const [pair] = analysePairs(cells);
    expect(pair!.limit.method).toBe('saturated');
    expect(Math.abs(pair!.limit.estimate! - 600) / 600).toBeLessThan(0.15);
  });

  it('only bounds the limit from below when the provider never pushed back', () => {
    const cells = synthCells({ minutes: 2 * DAY, inject: dailyCampaign(3, 8, 20), limitPerHour: () => 1000 });
    const [pair] = analysePairs(cells);
    expect(pair!.limit.censored).toBe(true);
    expect(pair!.limit.method).toBe('censored');
    expect(pair!.limit.estimate).toBe(180);
    expect(pair!.limit.low).toBe(180);
    expect(pair!.limit.high).toBeNull();
    expect(pair!.binding).toBe('none');
    expect(pair!.status).toBe('ok');
    expect(pair!.acceptanceRate).toBe(1);
  });

  it('says insufficient data below the floor', () => {
    const cells = synthCells({ minutes: 90, inject: () => 1, limitPerHour: () => 1000 });
    const [pair] = analysePairs(cells);
    expect(pair!.limit.method).toBe('insufficient');
    expect(pair!.limit.estimate).toBeNull();
    expect(pair!.acceptanceRate).toBeNull();
    expect(pair!.binding).toBe('insufficient-data');
  });

  it('follows a growing young IP: the current limit, not the average of its past', () => {
    // limit 100/h on day 0, x1.5 every day; the sender always offers 3x the day's limit
    const limitAt = (i: number): number => Math.round(100 * 1.5 ** Math.floor(i / DAY));
    const inject = (i: number): number => {
      const h = Math.floor((i % DAY) / 60);
      return h >= 6 && h < 22 ? Math.ceil((3 * limitAt(i)) / 60) : 0;
    };
    const cells = synthCells({ minutes: 5 * DAY, inject, limitPerHour: limitAt });
    const [pair] = analysePairs(cells);
    const truth = limitAt(5 * DAY - 1);
    expect(Math.abs(pair!.limit.estimate! - truth) / truth).toBeLessThan(0.1);
    expect(pair!.trend.limitGrowth!.factor).toBeGreaterThan(1.35);
    expect(pair!.trend.limitGrowth!.factor).toBeLessThan(1.65);
  });

  it('keeps recipient-class deferrals out of the IP acceptance', () => {
    const cells = synthCells({ minutes: DAY, inject: dailyCampaign(2, 0, 24), limitPerHour: () => 10_000, recipientShare: 0.2 });
    const [pair] = analysePairs(cells);
    expect(pair!.acceptanceRate).toBe(1);
    expect(pair!.series.totals.attempts).toBeGreaterThan(pair!.series.totals.ipAttempts);
    expect(pair!.binding).toBe('none');
  });

  it('measures refusals logged per refused connection (tq) the same way', () => {
    const cells = synthCells({ minutes: 2 * DAY, inject: dailyCampaign(20, 8, 20), limitPerHour: () => 500, asQueueFailures: true });
    const [pair] = analysePairs(cells);
    expect(pair!.limit.method).toBe('saturated');
    expect(Math.abs(pair!.limit.estimate! - 500) / 500).toBeLessThan(0.1);
    expect(pair!.binding).toBe('rate');
  });
});
