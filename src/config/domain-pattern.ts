/**
 * PowerMTA domain patterns [UG5 §3.2]: `*`, `example.com`, `*.example.com` (subdomains only),
 * `[*.]example.com` (domain and subdomains), `[ip/mask]` (IP-literal domains). Matching is
 * case-insensitive; a trailing dot is ignored.
 */
export type DomainPattern =
  | { readonly kind: 'all' }
  | { readonly kind: 'exact'; readonly name: string }
  | { readonly kind: 'subdomains'; readonly base: string }
  | { readonly kind: 'self-and-subdomains'; readonly base: string }
  | { readonly kind: 'ip'; readonly addr: number; readonly bits: number };

export function parseDomainPattern(text: string): DomainPattern {
  const t = normalizeDomain(text);
  if (t === '*') return { kind: 'all' };
  if (t.startsWith('[*.]')) return { kind: 'self-and-subdomains', base: t.slice(4) };
  if (t.startsWith('*.')) return { kind: 'subdomains', base: t.slice(2) };
  const ip = /^\[(\d{1,3}(?:\.\d{1,3}){0,3})(?:\/(\d{1,2}))?\]$/.exec(t);
  if (ip) {
    const parsed = parseIpv4Prefix(ip[1] ?? '');
    if (parsed) return { kind: 'ip', addr: parsed.addr, bits: ip[2] === undefined ? parsed.octets * 8 : Number(ip[2]) };
  }
  return { kind: 'exact', name: t };
}

export function normalizeDomain(text: string): string {
  const t = text.trim().toLowerCase();
  return t.endsWith('.') && t.length > 1 ? t.slice(0, -1) : t;
}

export function matchesDomain(pattern: DomainPattern, domain: string): boolean {
  const d = normalizeDomain(domain);
  switch (pattern.kind) {
    case 'all':
      return true;
    case 'exact':
      return d === pattern.name;
    case 'subdomains':
      return d.endsWith(`.${pattern.base}`);
    case 'self-and-subdomains':
      return d === pattern.base || d.endsWith(`.${pattern.base}`);
    case 'ip': {
      const m = /^\[(\d{1,3}(?:\.\d{1,3}){3})\]$/.exec(d);
      const parsed = m ? parseIpv4Prefix(m[1] ?? '') : null;
      return parsed !== null && sameNetwork(parsed.addr, pattern.addr, pattern.bits);
    }
    default: {
      const never: never = pattern;
      return never;
    }
  }
}

/**
 * How specific a pattern is, as a tuple compared left to right: more matched labels first, then
 * `*` < `[*.]x` < `*.x` < exact (the order PowerMTA merges them in, general to specific).
 */
export function specificity(pattern: DomainPattern): readonly [number, number] {
  switch (pattern.kind) {
    case 'all':
      return [0, 0];
    case 'self-and-subdomains':
      return [labels(pattern.base), 1];
    case 'subdomains':
      return [labels(pattern.base), 2];
    case 'exact':
      return [labels(pattern.name), 3];
    case 'ip':
      return [1 + pattern.bits / 8, 3];
    default: {
      const never: never = pattern;
      return never;
    }
  }
}

function labels(name: string): number {
  return name.split('.').length;
}

export function parseIpv4Prefix(text: string): { addr: number; octets: number } | null {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  let addr = 0;
  for (let i = 0; i < 4; i++) {
    const p = parts[i];
    const n = p === undefined ? 0 : Number(p);
    if (p !== undefined && !/^\d{1,3}$/.test(p)) return null;
    if (n > 255) return null;
    addr = addr * 256 + n;
  }
  return { addr, octets: parts.length };
}

export function sameNetwork(a: number, b: number, bits: number): boolean {
  if (bits <= 0) return true;
  const size = 2 ** (32 - Math.min(32, bits));
  return Math.floor(a / size) === Math.floor(b / size);
}
