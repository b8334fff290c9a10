/**
 * Log-linear fit y = a · g^t of a positive daily series (t in days): the daily growth factor g with the
 * fit's r². Points with y ≤ 0 are skipped.
 */
import { linearRegression, linearRegressionLine, rSquared } from 'simple-statistics';

export interface GrowthFit {
  /** Daily growth factor (e^slope). */
  readonly factor: number;
  readonly r2: number;
  /** Points the fit used. */
  readonly points: number;
  /** Fitted value at the last point. */
  readonly last: number;
}

export function fitGrowth(points: readonly { readonly t: number; readonly y: number }[]): GrowthFit | null {
  const data = points.filter((p) => p.y > 0).map((p) => [p.t, Math.log(p.y)] as [number, number]);
  if (data.length < 2) return null;
  const model = linearRegression(data);
  const line = linearRegressionLine(model);
  const r2 = data.length > 2 ? rSquared(data, line) : 1;
  const lastT = data[data.length - 1]![0];
  return { factor: Math.exp(model.m), r2: Number.isFinite(r2) ? r2 : 0, points: data.length, last: Math.exp(line(lastT)) };
}
