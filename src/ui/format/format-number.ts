/**
 * Number formatting for the dashboard, independent of the process locale so every face (dashboard,
 * summary line, tests) prints the same digits: `12,430`, `97.1%`.
 */

/** Integer with thousands separators: 12430 → `12,430`. Non-finite values print as `–`. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = Math.round(value);
  const digits = Math.abs(rounded).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

/** A rate in [0, 1] as a percentage: 0.9712 → `97.1%`; `100%` without decimals when exactly 1. */
export function formatPercent(rate: number, digits = 1): string {
  if (!Number.isFinite(rate)) return '–';
  if (rate >= 1) return '100%';
  return `${(rate * 100).toFixed(digits)}%`;
}

/** An interval of rates as whole percentages: [0.59, 0.63] → `[59–63]`. */
export function formatPercentInterval(interval: readonly [number, number]): string {
  const [low, high] = interval;
  if (!Number.isFinite(low) || !Number.isFinite(high)) return '';
  return `[${Math.floor(low * 100)}–${Math.ceil(high * 100)}]`;
}

/** Bytes in binary units: `512 B`, `3.4 MiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}
