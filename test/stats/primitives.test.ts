import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/wilson.js';
import { medianInterval } from '../../src/stats/median-interval.js';
import { fitGrowth } from '../../src/stats/log-linear-fit.js';
import { editDistance, typoOf } from '../../src/stats/typo-domains.js';

describe('wilsonInterval', () => {
  it('matches the textbook value for 81 of 263', () => {
    const [lo, hi] = wilsonInterval(81, 263);
    expect(lo).toBeCloseTo(0.2553, 3);
    expect(hi).toBeCloseTo(0.3662, 3);
  });

  it('stays inside [0, 1] at the edges and is wide for small n', () => {
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
    const [lo, hi] = wilsonInterval(5, 5);
    expect(lo).toBeLessThan(0.6);
    expect(hi).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});

describe('medianInterval', () => {
  it('returns the range with its coverage below 6 values', () => {
    const mi = medianInterval([5, 1, 3])!;
    expect(mi.median).toBe(3);
    expect([mi.low, mi.high]).toEqual([1, 5]);
    expect(mi.coverage).toBeCloseTo(0.75, 6);
  });

  it('narrows to inner order statistics with at least 95% coverage for larger samples', () => {
    const values = Array.from({ length: 30 }, (_, i) => i + 1);
    const mi = medianInterval(values)!;
    expect(mi.median).toBe(15.5);
    expect(mi.coverage).toBeGreaterThanOrEqual(0.95);
    expect(mi.low).toBeGreaterThan(1);
    expect(mi.high).toBeLessThan(30);
    // the classical ranks for n = 30 are the 10th and 21st values
    expect([mi.low, mi.high]).toEqual([10, 21]);
  });

  it('is null for no data', () => {
    expect(medianInterval([])).toBeNull();
  });
});

describe('fitGrowth', () => {
  it('recovers a 1.3x daily growth', () => {
    const fit = fitGrowth([0, 1, 2, 3, 4].map((t) => ({ t, y: 100 * 1.3 ** t })))!;
    expect(fit.factor).toBeCloseTo(1.3, 6);
    expect(fit.r2).toBeCloseTo(1, 6);
    expect(fit.last).toBeCloseTo(100 * 1.3 ** 4, 3);
  });

  it('needs two positive points', () => {
    expect(fitGrowth([{ t: 0, y: 0 }, { t: 1, y: 5 }])).toBeNull();
  });
});

describe('typo domains', () => {
  const known = new Set(['gmail.com', 'hotmail.com', 'yahoo.com', 'ymail.com', 'googlemail.com']);

  it('finds swaps, insertions and deletions of big provider domains', () => {
    expect(typoOf('gmial.com', known)).toBe('gmail.com');
    expect(typoOf('hotmial.com', known)).toBe('hotmail.com');
    expect(typoOf('yahooo.com', known)).toBe('yahoo.com');
    expect(typoOf('gmail.co', known)).toBe('gmail.com');
    expect(typoOf('googlemial.con', known)).toBe('googlemail.com');
  });

  it('leaves known and unrelated domains alone', () => {
    expect(typoOf('ymail.com', known)).toBeNull();
    expect(typoOf('example.org', known)).toBeNull();
    expect(typoOf('gmx.de', known)).toBeNull();
  });

  it('computes optimal string alignment distances', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});
