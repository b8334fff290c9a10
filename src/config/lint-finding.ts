/** What `pmta-advisor lint` reports: where, how bad, which rule, what is wrong and how to fix it. */
import type { Config } from './config-model.js';
import type { ConfigIndex } from './config-index.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  /** Rule id, e.g. `open-relay`. */
  readonly rule: string;
  readonly message: string;
  /** What to change. */
  readonly fix: string;
}

export interface LintContext {
  readonly config: Config;
  readonly index: ConfigIndex;
}

export interface LintRule {
  readonly id: string;
  /** One line for docs and --help. */
  readonly summary: string;
  readonly check: (ctx: LintContext) => readonly Finding[];
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
