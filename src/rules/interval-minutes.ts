/** Minutes of a PowerMTA TIME-INTERVAL (`1h30m`, `600`, `10m,20m` → first item); never → Infinity; null when unreadable. */
export function intervalMinutes(text: string): number | null {
  const t = text.trim().toLowerCase().split(',')[0] ?? '';
  if (t === 'never') return Number.POSITIVE_INFINITY;
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) / 60;
  if (!/^(\d+(\.\d+)?[wdhms])+$/.test(t)) return null;
  const unit: Readonly<Record<string, number>> = { w: 10080, d: 1440, h: 60, m: 1, s: 1 / 60 };
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)([wdhms])/g)) total += Number(m[1]) * (unit[m[2] ?? 'm'] ?? 1);
  return total;
}
