/**
 * What the rules need to know about the user's PowerMTA config, independent of how it was read:
 * current values (or PowerMTA's documented defaults), domain macros, which smtp-pattern-list applies
 * to a queue and whether it matches a reply, and which warm virtual MTA feeds a cold one.
 */
import { directiveSpec } from '../config/directives.js';

export interface CurrentValue {
  /** PowerMTA syntax, e.g. `20`, `unlimited`, `350/h`; '' when cleared. */
  readonly value: string;
  readonly source: 'config' | 'default';
  /** `file:line` of the deciding setting, when from the config. */
  readonly where?: string;
}

export interface AppliedList {
  /** `<smtp-pattern-list NAME>` used by the queue. */
  readonly name: string;
  /** The first `reply` line matching the text (`/regex/ actions`), or null. */
  matching(text: string): string | null;
}

export interface ConfigView {
  /** true when values come from a real config file. */
  readonly fromConfig: boolean;
  /** Effective value for the queue (domain, virtual MTA); null when neither set nor defaulted. */
  current(directive: string, domain: string, virtualMta: string | null): CurrentValue | null;
  /** `domain-macro` name → expanded domains. */
  readonly macros: ReadonlyMap<string, readonly string[]>;
  /** The pattern list applied to a queue, or null when none is. */
  patternList(domain: string, virtualMta: string | null): AppliedList | null;
  /** The virtual MTA whose `cold-virtual-mta` names `coldVmta`, or null. */
  warmVmtaFor(coldVmta: string): string | null;
  /** virtual MTA → its source IPs (from `smtp-source-host`). */
  readonly vmtaIps: ReadonlyMap<string, readonly string[]>;
}

/** No config given: every value is PowerMTA's documented default. */
export function defaultsView(): ConfigView {
  return {
    fromConfig: false,
    current(directive) {
      const d = directiveSpec(directive)?.default;
      return d === undefined || d === null ? null : { value: d, source: 'default' };
    },
    macros: new Map(),
    patternList: () => null,
    warmVmtaFor: () => null,
    vmtaIps: new Map(),
  };
}
