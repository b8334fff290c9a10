/** Small comparators for deterministic sorting (no locale-dependent collation). */

export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** IPv4 addresses by value (10.0.0.9 before 10.0.0.10); anything else as text. */
export function compareIp(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  if (pa.length === 4 && pb.length === 4 && [...pa, ...pb].every((p) => /^\d{1,3}$/.test(p))) {
    for (let i = 0; i < 4; i += 1) {
      const d = Number(pa[i]) - Number(pb[i]);
      if (d !== 0) return d;
    }
    return 0;
  }
  return compareText(a, b);
}

/** Numbers ascending with null always last (whatever the direction the caller applies to the rest). */
export function compareNullable(a: number | null, b: number | null, descending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return descending ? b - a : a - b;
}
