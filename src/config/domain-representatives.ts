/**
 * Concrete domains standing for a `<domain>` argument, to evaluate "what does this scope get":
 * macros expanded, `[*.]x` → x, `*.x` → a subdomain of x, `*` → `*`. IP-literal patterns have none.
 */
import type { DomainMacro } from './domain-macros.js';
import { expandDomainArg } from './domain-macros.js';
import { parseDomainPattern } from './domain-pattern.js';

export function domainRepresentatives(arg: string, macros: ReadonlyMap<string, DomainMacro>): string[] {
  const out: string[] = [];
  for (const name of expandDomainArg(arg, macros).names) {
    const p = parseDomainPattern(name);
    let rep: string | null;
    switch (p.kind) {
      case 'all':
        rep = '*';
        break;
      case 'exact':
        rep = p.name;
        break;
      case 'self-and-subdomains':
        rep = p.base;
        break;
      case 'subdomains':
        rep = `pmta-advisor-sub.${p.base}`;
        break;
      case 'ip':
        rep = null;
        break;
      default: {
        const never: never = p;
        rep = never;
      }
    }
    if (rep !== null && !out.includes(rep)) out.push(rep);
  }
  return out;
}

/** Same `<domain>` argument, ignoring case and blanks. */
export function sameDomainArg(a: string, b: string): boolean {
  return a.trim().toLowerCase().replace(/\s+/g, '') === b.trim().toLowerCase().replace(/\s+/g, '');
}
