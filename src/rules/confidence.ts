/**
 * Confidence of a recommendation in [0, 1] (docs/methodology.md "Confidence"): how much evidence
 * (a saturating n / (n + n0)) times how precise the estimate is (1 - relative half-width of its
 * interval, floored at 0.3), at most 0.99, rounded to two decimals.
 */
export function evidenceFactor(n: number, n0: number): number {
  return n <= 0 ? 0 : n / (n + n0);
}

export function precisionFactor(estimate: number, low: number, high: number): number {
  if (estimate <= 0) return 0.3;
  const rel = (high - low) / (2 * estimate);
  return Math.min(1, Math.max(0.3, 1 - rel));
}

export function confidence(...factors: readonly number[]): number {
  const c = factors.reduce((a, b) => a * b, 0.99);
  return Math.round(Math.min(0.99, Math.max(0, c)) * 100) / 100;
}
