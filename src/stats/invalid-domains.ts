/**
 * Recipient domains that cannot receive mail (docs/methodology.md "Invalid domains"): no delivery at
 * all over the input, and either invalid-domain responses (NXDOMAIN, no MX, no answer from host) or a
 * name within a typo of a big provider's domain. `attempts` counts every row for the domain (t, b, tq
 * and d): the tries the sender wasted on it.
 */
import type { Cell, ResponseStat } from '../aggregate/types.js';
import { groupPairs } from './pair-series.js';
import type { PairSeries } from './pair-series.js';
import { BIG_PROVIDER_DOMAINS, typoOf } from './typo-domains.js';

export type InvalidKind = 'nxdomain' | 'no-mx' | 'no-answer' | 'invalid-domain' | 'typo';

export interface InvalidDomainFinding {
  readonly domain: string;
  readonly attempts: number;
  readonly kind: InvalidKind;
  readonly reason: string;
  /** Rows of the invalid-domain class. */
  readonly invalidSignals: number;
  /** Refused or unanswered connections (tq rows). */
  readonly queueFailures: number;
  readonly typoOf: string | null;
  readonly providers: readonly string[];
}

interface DomainAcc {
  rows: number;
  delivered: number;
  invalid: number;
  queueFailures: number;
  providers: Set<string>;
}

export function findInvalidDomains(cells: readonly Cell[], knownDomains: readonly string[], responses: readonly ResponseStat[] = []): InvalidDomainFinding[] {
  return invalidDomainsOf(groupPairs(cells), knownDomains, responses);
}

/** The same from already grouped pairs (one pass over the cells serves both). */
export function invalidDomainsOf(series: readonly PairSeries[], knownDomains: readonly string[], responses: readonly ResponseStat[] = []): InvalidDomainFinding[] {
  const acc = new Map<string, DomainAcc>();
  for (const s of series) {
    for (const [domain, c] of s.domainCounts) {
      if (domain === '') continue;
      let a = acc.get(domain);
      if (a === undefined) {
        a = { rows: 0, delivered: 0, invalid: 0, queueFailures: 0, providers: new Set() };
        acc.set(domain, a);
      }
      a.rows += c.rows;
      a.delivered += c.delivered;
      a.invalid += c.invalid;
      a.queueFailures += c.queueFailures;
      a.providers.add(s.provider);
    }
  }
  const known = new Set([...BIG_PROVIDER_DOMAINS, ...knownDomains.map((d) => d.toLowerCase())]);
  const invalidTexts = responses.filter((r) => r.class === 'invalid-domain').map((r) => r.text);
  const out: InvalidDomainFinding[] = [];
  for (const [domain, a] of acc) {
    if (a.delivered > 0 || a.rows === 0) continue;
    const typo = typoOf(domain, known);
    if (a.invalid === 0 && typo === null) continue;
    const kind = a.invalid > 0 ? kindFromTexts(domain, invalidTexts) : 'typo';
    out.push({
      domain,
      attempts: a.rows,
      kind,
      reason: reasonText(kind, a, typo),
      invalidSignals: a.invalid,
      queueFailures: a.queueFailures,
      typoOf: typo,
      providers: [...a.providers].sort(),
    });
  }
  return out.sort((x, y) => y.attempts - x.attempts || (x.domain < y.domain ? -1 : 1));
}

function kindFromTexts(domain: string, texts: readonly string[]): InvalidKind {
  const mine = texts.filter((t) => t.toLowerCase().includes(domain));
  const pool = mine.length > 0 ? mine : [];
  const joined = pool.join('\n').toLowerCase();
  if (/nxdomain|does not exist|domain not found|host not found|unknown domain|no such domain/.test(joined)) return 'nxdomain';
  if (/no mx|mx record|no valid mx/.test(joined)) return 'no-mx';
  if (/no answer|timed? ?out|connection refused|unreachable/.test(joined)) return 'no-answer';
  return 'invalid-domain';
}

function reasonText(kind: InvalidKind, a: DomainAcc, typo: string | null): string {
  const tail = typo !== null ? `, looks like a typo of ${typo}` : '';
  switch (kind) {
    case 'nxdomain':
      return `domain does not exist (NXDOMAIN), 0 delivered${tail}`;
    case 'no-mx':
      return `no MX record, 0 delivered${tail}`;
    case 'no-answer':
      return `no answer from host (${a.queueFailures} connection failures), 0 delivered${tail}`;
    case 'invalid-domain':
      return `${a.invalid} invalid-domain responses (NXDOMAIN, no MX or no answer), 0 delivered${tail}`;
    case 'typo':
      return `typo of ${typo ?? '?'}: ${a.rows} failed tries, 0 delivered`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}
