/**
 * Checks across files: provider ids, pattern ids, domains and MX globs must each belong to one place,
 * and every example must be classified by its own pattern (not shadowed by an earlier one).
 */
import { firstMatch } from './classifier.js';
import { matchText } from './match-text.js';
import type { ModelError } from './model-error.js';
import { OTHER_PROVIDER } from './domain-index.js';
import type { FallbackRule, StatusFallbacks } from './status-fallbacks.js';
import type { Provider, ResponsePattern } from './types.js';

export interface Located<T> {
  readonly file: string;
  readonly value: T;
}

function entryOf(source: string): string {
  return source.slice(source.indexOf('#') + 1);
}
function fileOf(source: string): string {
  return source.slice(0, source.indexOf('#'));
}

/** Providers in the given order with the second and later holders of an id, domain or glob reported. */
export function checkUniqueness(providers: readonly Located<Provider>[], generic: readonly ResponsePattern[], errors: ModelError[]): Provider[] {
  const ids = new Map<string, string>();
  const domains = new Map<string, string>();
  const globs = new Map<string, string>();
  const patternIds = new Map<string, string>();
  const kept: Provider[] = [];
  const claimPatterns = (patterns: readonly ResponsePattern[]): void => {
    for (const p of patterns) {
      const prior = patternIds.get(p.id);
      if (prior === undefined) patternIds.set(p.id, p.source);
      else errors.push({ file: fileOf(p.source), entry: `${entryOf(p.source)}.id`, message: `"${p.id}" is already used by ${prior}; pattern ids must be unique` });
    }
  };
  claimPatterns(generic);
  for (const { file, value: p } of providers) {
    const prior = ids.get(p.id);
    if (prior !== undefined) {
      errors.push({ file, entry: 'id', message: `"${p.id}" is already defined in ${prior}; this file is ignored` });
      continue;
    }
    ids.set(p.id, file);
    p.domains.forEach((d, i) => {
      const owner = domains.get(d);
      if (owner === undefined) domains.set(d, `${p.id} (${file})`);
      else errors.push({ file, entry: `domains[${i}]`, message: `"${d}" is already claimed by ${owner}; a domain belongs to one provider` });
    });
    p.mxPatterns.forEach((g, i) => {
      const owner = globs.get(g);
      if (owner === undefined) globs.set(g, `${p.id} (${file})`);
      else errors.push({ file, entry: `mxPatterns[${i}]`, message: `"${g}" is already claimed by ${owner}` });
    });
    claimPatterns(p.responses);
    kept.push(p);
  }
  return kept;
}

/** Every example must reach its own pattern in classification order. */
export function checkExamples(providers: readonly Provider[], generic: readonly ResponsePattern[], errors: ModelError[]): void {
  const check = (pattern: ResponsePattern, order: readonly ResponsePattern[]): void => {
    if (pattern.example === null) return;
    const winner = firstMatch(order, matchText(pattern.example));
    if (winner === null || winner === pattern) return;
    errors.push({
      file: fileOf(pattern.source),
      entry: `${entryOf(pattern.source)}.example`,
      message: `is classified by the earlier pattern "${winner.id}" (${winner.source}, class ${winner.class}) before this one; move this pattern up or narrow the other`,
    });
  };
  for (const g of generic) check(g, generic);
  for (const p of providers) for (const r of p.responses) check(r, p.responses);
}

/** A fallback rule's `provider` must be `other` or a provider of the model. */
export function checkFallbackScopes(file: string, fallbacks: StatusFallbacks, providers: readonly Provider[], errors: ModelError[]): void {
  const ids = new Set([OTHER_PROVIDER, ...providers.map((p) => p.id)]);
  for (const r of [...fallbacks.status, ...fallbacks.bounceCat] as readonly FallbackRule[]) {
    if (r.provider !== null && !ids.has(r.provider)) {
      errors.push({ file, entry: `${r.entry}.provider`, message: `"${r.provider}" is not a provider of the model (use "other" or one of the provider ids)` });
    }
  }
}
