/**
 * The provider model: which mailbox provider a recipient domain or MX host belongs to, and what each of
 * its responses means for tuning. Loaded from models/providers/*.json (see docs/providers.md).
 */
import type { ResponseClass } from '../domain/response-class.js';

export interface ResponsePattern {
  /** Stable id, e.g. `yahoo-tss04`. */
  readonly id: string;
  readonly class: ResponseClass;
  readonly regex: RegExp;
  /** A real response text this pattern matches (used by tests and by the simulator). */
  readonly example: string | null;
  /** Where the pattern was defined: `models/providers/yahoo.json#responses[3]`. */
  readonly source: string;
}

export interface ProviderLimits {
  /** Published or widely used connection cap per sending IP. */
  readonly connections?: number;
  /** Published or widely used messages-per-connection cap. */
  readonly perConnection?: number;
}

export interface Provider {
  /** Short id used everywhere in output, e.g. `google`, `yahoo`, `microsoft`. */
  readonly id: string;
  readonly name: string;
  /** Recipient domains (exact, lower case). */
  readonly domains: readonly string[];
  /** MX host glob patterns matched against the host in dsnMta, e.g. `*.google.com`. */
  readonly mxPatterns: readonly string[];
  readonly limits: ProviderLimits;
  readonly responses: readonly ResponsePattern[];
}

export interface Classification {
  readonly class: ResponseClass;
  /** Id of the pattern that matched, or a fallback id such as `status:4.2.2` or `default`. */
  readonly patternId: string;
}

export interface ProviderModel {
  readonly providers: readonly Provider[];
  /** Patterns that apply to every provider, tried after the provider's own. */
  readonly generic: readonly ResponsePattern[];
  /** Provider id for a recipient domain; `other` when unknown. */
  providerOfDomain(domain: string): string;
  /** Provider id for a dsnMta value (`mx.example.com (1.2.3.4)`); null when no MX pattern matches. */
  providerOfMx(dsnMta: string): string | null;
  /**
   * Class of a non-success response. `text` is dsnDiag without `smtp;`, `status` the enhanced code
   * (`4.7.0`, may be ''), `bounceCat` PowerMTA's bounce category (may be '').
   */
  classify(providerId: string, text: string, status: string, bounceCat: string): Classification;
}
