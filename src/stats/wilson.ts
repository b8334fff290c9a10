/**
 * Wilson score interval for a binomial proportion: better than the normal approximation near 0 and 1
 * and for small n. Returns [0, 1] when n is 0.
 */
import { EVIDENCE } from './evidence.js';

export function wilsonInterval(successes: number, n: number, z: number = EVIDENCE.z95): readonly [number, number] {
  if (n <= 0) return [0, 1];
  const k = Math.min(Math.max(successes, 0), n);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}
