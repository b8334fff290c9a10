/**
 * Typo domains of big mailbox providers (gmial.com, hotmial.com, yahooo.com): within one edit
 * (insertion, deletion, substitution or swap of neighbours) of a known provider domain, or two edits
 * when the known domain is at least 10 characters long, without being a known domain itself.
 */
export const BIG_PROVIDER_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'aol.com', 'hotmail.com', 'outlook.com', 'live.com',
  'msn.com', 'icloud.com', 'me.com', 'comcast.net', 'att.net', 'verizon.net', 'gmx.de', 'gmx.net', 'web.de',
  'orange.fr', 'free.fr', 'yandex.ru', 'mail.ru', 'qq.com', '163.com',
];

/** The known domain this one is a typo of, or null. */
export function typoOf(domain: string, known: ReadonlySet<string>): string | null {
  if (known.has(domain)) return null;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const allowed = k.length >= 10 ? 2 : 1;
    if (Math.abs(k.length - domain.length) > allowed) continue;
    const d = editDistance(domain, k, allowed);
    if (d <= allowed && (d < bestDistance || (d === bestDistance && best !== null && k < best))) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance, giving up (returning limit + 1) beyond `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m]!;
}
