/**
 * The PowerMTA `<domain>` directives the sender model obeys, how each value is checked, and how the
 * blocks that apply to a queue (domain/vmta) merge into its settings.
 */
import { UNLIMITED, parseIntervalOrNever, parseRate, parseTimeInterval, parseTimeIntervalList } from '../pmta-values.js';
import type { Rate } from '../pmta-values.js';
import type { DirectiveBlock, SenderSpec } from './scenario-types.js';

export const DIRECTIVES = [
  'max-smtp-out',
  'backoff-max-smtp-out',
  'max-msg-per-connection',
  'max-msg-rate',
  'backoff-max-msg-rate',
  'retry-after',
  'backoff-retry-after',
  'backoff-to-normal-after',
  'bounce-after',
  'smtp-pattern-list',
  'bounce-upon-no-mx',
] as const;
export type Directive = (typeof DIRECTIVES)[number];

/** An error message for a directive's value, or null when it is valid. */
export function checkDirective(name: Directive, value: string | number, patternLists: readonly string[]): string | null {
  const text = String(value);
  switch (name) {
    case 'max-smtp-out':
    case 'backoff-max-smtp-out':
      return /^[1-9]\d*$/.test(text) ? null : `expected a whole number of connections ≥ 1, got ${text}`;
    case 'max-msg-per-connection':
      return /^\d+$/.test(text) ? null : `expected a whole number (0 = unlimited), got ${text}`;
    case 'max-msg-rate':
    case 'backoff-max-msg-rate':
      return parseRate(text) ? null : `expected a rate such as 350/h, 100/15m or unlimited, got ${text}`;
    case 'retry-after':
    case 'backoff-retry-after':
      return parseTimeIntervalList(text) ? null : `expected intervals such as 10m,20m,1h, got ${text}`;
    case 'backoff-to-normal-after':
      return parseIntervalOrNever(text) !== null ? null : `expected an interval such as 1h or never, got ${text}`;
    case 'bounce-after':
      return (parseTimeInterval(text) ?? 0) > 0 ? null : `expected an interval such as 4d12h, got ${text}`;
    case 'smtp-pattern-list':
      return patternLists.includes(text) ? null : `no <smtp-pattern-list ${text}> in sender.patternLists`;
    case 'bounce-upon-no-mx':
      return /^(yes|no|true|false)$/i.test(text) ? null : `expected yes or no, got ${text}`;
    default: {
      const unreachable: never = name;
      return unreachable;
    }
  }
}

/** Settings of one queue as the simulated PowerMTA uses them (PowerMTA defaults where unset). */
export interface QueueSettings {
  readonly maxSmtpOut: number;
  readonly backoffMaxSmtpOut: number;
  /** 0 = unlimited. */
  readonly maxMsgPerConnection: number;
  readonly maxMsgRate: Rate;
  readonly backoffMaxMsgRate: Rate;
  readonly retryAfter: readonly number[];
  readonly backoffRetryAfter: readonly number[];
  /** Seconds; Infinity for never. */
  readonly backoffToNormalAfter: number;
  readonly bounceAfter: number;
  readonly patternList: string | null;
  /** Bounce at once when the domain has no MX (instead of trying its A record until bounce-after). */
  readonly bounceUponNoMx: boolean;
  /** Effective directive values in PowerMTA syntax, defaults filled in (for truth.json). */
  readonly values: Readonly<Record<string, string>>;
}

/**
 * PowerMTA's documented defaults for the directives above (User's Guide directive reference); the
 * backoff rate and connection count default to their normal counterparts.
 */
export const PMTA_DEFAULTS = {
  'max-smtp-out': '20',
  'max-msg-per-connection': '0',
  'max-msg-rate': 'unlimited',
  'retry-after': '10m',
  'backoff-retry-after': '1h',
  'backoff-to-normal-after': 'never',
  'bounce-after': '4d12h',
  'bounce-upon-no-mx': 'no',
} as const;

/** Merges the blocks that apply to `domain` on `vmta`: `*`, macro, exact; global first, then the vmta's. */
export function resolveQueueSettings(sender: SenderSpec, domain: string, vmta: string): QueueSettings {
  const merged: Record<string, string> = {};
  const apply = (blocks: Readonly<Record<string, DirectiveBlock>> | undefined): void => {
    if (!blocks) return;
    for (const pattern of matchingPatterns(sender, blocks, domain)) {
      for (const [k, v] of Object.entries(blocks[pattern] ?? {})) merged[k] = String(v);
    }
  };
  apply(sender.domains);
  apply(sender.vmtaDomains[vmta]);
  const d = PMTA_DEFAULTS;
  const values: Record<string, string> = {
    'max-smtp-out': merged['max-smtp-out'] ?? d['max-smtp-out'],
    'max-msg-per-connection': merged['max-msg-per-connection'] ?? d['max-msg-per-connection'],
    'max-msg-rate': merged['max-msg-rate'] ?? d['max-msg-rate'],
    'retry-after': merged['retry-after'] ?? d['retry-after'],
    'backoff-retry-after': merged['backoff-retry-after'] ?? d['backoff-retry-after'],
    'backoff-to-normal-after': merged['backoff-to-normal-after'] ?? d['backoff-to-normal-after'],
    'bounce-after': merged['bounce-after'] ?? d['bounce-after'],
    'bounce-upon-no-mx': merged['bounce-upon-no-mx'] ?? d['bounce-upon-no-mx'],
  };
  values['backoff-max-smtp-out'] = merged['backoff-max-smtp-out'] ?? values['max-smtp-out'] ?? '20';
  values['backoff-max-msg-rate'] = merged['backoff-max-msg-rate'] ?? values['max-msg-rate'] ?? 'unlimited';
  const v = (k: string): string => values[k] ?? '';
  return {
    maxSmtpOut: Number(v('max-smtp-out')),
    backoffMaxSmtpOut: Number(v('backoff-max-smtp-out')),
    maxMsgPerConnection: Number(v('max-msg-per-connection')),
    maxMsgRate: parseRate(v('max-msg-rate')) ?? UNLIMITED,
    backoffMaxMsgRate: parseRate(v('backoff-max-msg-rate')) ?? UNLIMITED,
    retryAfter: parseTimeIntervalList(v('retry-after')) ?? [600],
    backoffRetryAfter: parseTimeIntervalList(v('backoff-retry-after')) ?? [3600],
    backoffToNormalAfter: parseIntervalOrNever(v('backoff-to-normal-after')) ?? Number.POSITIVE_INFINITY,
    bounceAfter: parseTimeInterval(v('bounce-after')) ?? 388800,
    patternList: merged['smtp-pattern-list'] ?? null,
    bounceUponNoMx: /^(yes|true)$/i.test(v('bounce-upon-no-mx')),
    values,
  };
}

/** Block patterns that match a domain, from least to most specific. */
function matchingPatterns(sender: SenderSpec, blocks: Readonly<Record<string, DirectiveBlock>>, domain: string): string[] {
  const out: string[] = [];
  if (blocks['*']) out.push('*');
  for (const pattern of Object.keys(blocks)) {
    if (pattern.startsWith('$') && (sender.domainMacros[pattern.slice(1)] ?? []).includes(domain)) out.push(pattern);
  }
  if (blocks[domain]) out.push(domain);
  return out;
}
