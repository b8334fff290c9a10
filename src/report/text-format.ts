/** Number, percentage, time and table formatting shared by the text and Markdown renderers. */
export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function fmtPct(p: number | null, digits = 1): string {
  return p === null ? '–' : `${(p * 100).toFixed(digits)}%`;
}

export function fmtInterval(i: readonly [number, number]): string {
  return `[${(i[0] * 100).toFixed(1)}–${(i[1] * 100).toFixed(1)}]`;
}

/** `2026-11-28 06:00` (UTC). */
export function fmtTime(iso: string | null): string {
  return iso === null ? '–' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export function fmtLimit(l: { estimate: number | null; low: number | null; high: number | null; censored: boolean }): string {
  if (l.estimate === null) return l.low !== null ? `≥${fmtInt(l.low)} (insufficient)` : 'insufficient data';
  if (l.censored) return `≥${fmtInt(l.estimate)} (cens.)`;
  return `${fmtInt(l.estimate)} (${fmtInt(l.low ?? l.estimate)}–${fmtInt(l.high ?? l.estimate)})`;
}

export type Align = 'left' | 'right';

/** Columns padded to their widest cell; `align` per column. Returns lines without trailing blanks. */
export function table(rows: readonly (readonly string[])[], align: readonly Align[], indent = '  ', gap = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) =>
    (indent + r.map((c, i) => {
      const pad = ' '.repeat((widths[i] ?? 0) - [...c].length);
      return align[i] === 'right' ? pad + c : c + pad;
    }).join(gap)).replace(/\s+$/, ''),
  );
}
