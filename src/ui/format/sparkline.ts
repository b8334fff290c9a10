/**
 * Sparklines from hourly points. Acceptance uses an absolute 0–100% scale (a healthy pair is a flat
 * row of full blocks; a dip is a real dip, not noise stretched to fill the height). Volume is scaled to
 * the busiest hour of the series. An hour with no attempts is a blank.
 */
import type { HourlyPoint } from '../dashboard-snapshot.js';

export const SPARK_BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const EMPTY = ' ';

function block(fraction: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const index = Math.min(SPARK_BLOCKS.length - 1, Math.floor(clamped * SPARK_BLOCKS.length));
  return SPARK_BLOCKS[index] ?? EMPTY;
}

/** delivered / attempts per hour, on 0–100%. */
export function acceptanceSparkline(hours: readonly HourlyPoint[]): string {
  return hours.map((h) => (h.attempts > 0 ? block(h.delivered / h.attempts) : EMPTY)).join('');
}

/** Attempts per hour, relative to the busiest hour shown. */
export function volumeSparkline(hours: readonly HourlyPoint[]): string {
  const max = hours.reduce((m, h) => Math.max(m, h.attempts), 0);
  return hours.map((h) => (h.attempts > 0 && max > 0 ? block(h.attempts / max) : EMPTY)).join('');
}
