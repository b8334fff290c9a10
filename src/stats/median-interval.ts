/**
 * Median of a sample and a distribution-free 95% interval for it from order statistics: the interval
 * [x(j), x(k)] with the narrowest symmetric ranks whose binomial(n, 1/2) coverage reaches 95%. With
 * fewer than 6 values no such ranks exist and the sample range is returned (coverage 1 - 2^(1-n)).
 */
import { medianSorted } from 'simple-statistics';

export interface MedianInterval {
  readonly median: number;
  readonly low: number;
  readonly high: number;
  /** Actual coverage of [low, high] for the median under any continuous distribution. */
  readonly coverage: number;
}

export function medianInterval(values: readonly number[], level = 0.95): MedianInterval | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = medianSorted(sorted);
  // [x(j+1), x(n-j)] (1-based ranks) covers the median with P(j+1 <= B <= n-j-1), B ~ Bin(n, 1/2)
  // the number of values below the median; move inwards while the coverage stays at the level.
  const pmf = binomialHalfPmf(n);
  let best = { j: 0, coverage: 1 - 2 * (pmf[0] ?? 0) };
  for (let j = 1; 2 * j + 2 <= n; j++) {
    let cov = 0;
    for (let i = j + 1; i <= n - j - 1; i++) cov += pmf[i] ?? 0;
    if (cov < level) break;
    best = { j, coverage: cov };
  }
  return { median, low: sorted[best.j] ?? median, high: sorted[n - 1 - best.j] ?? median, coverage: best.coverage };
}

function binomialHalfPmf(n: number): number[] {
  const out: number[] = new Array<number>(n + 1).fill(0);
  let logC = 0;
  const logHalfN = n * Math.log(0.5);
  for (let k = 0; k <= n; k++) {
    out[k] = Math.exp(logC + logHalfN);
    logC += Math.log(n - k) - Math.log(k + 1);
  }
  return out;
}
