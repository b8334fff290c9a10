/**
 * Response classification, in this order (first hit wins):
 * 1. the provider's own patterns, in file order;
 * 2. the generic patterns (generic.json), in file order;
 * 3. the enhanced status code, then PowerMTA's bounce category (status-codes.json);
 * 4. `other` (patternId `default`).
 * Steps 1–2 run regular expressions; their result is cached per (provider, text), one map per provider
 * keyed by the text (no key concatenation), all emptied together when they hold `cacheSize` entries, so
 * a text seen before costs one lookup and one-off texts cannot grow memory. Step 3 is a map lookup.
 * Patterns see matchText(text): no `smtp;`, multi-line continuation markers removed, cut to
 * MAX_MATCH_TEXT characters.
 */
import { OTHER_PROVIDER } from './domain-index.js';
import { cutText, joinReplyLines } from './match-text.js';
import { createFallbackLookup, type StatusFallbacks } from './status-fallbacks.js';
import type { Classification, Provider, ResponsePattern } from './types.js';

export const DEFAULT_CLASSIFICATION: Classification = Object.freeze({ class: 'other', patternId: 'default' });
export const DEFAULT_CLASSIFY_CACHE_SIZE = 50_000;

export type Classify = (providerId: string, text: string, status: string, bounceCat: string) => Classification;

interface CompiledPattern {
  readonly regex: RegExp;
  readonly result: Classification;
}

interface ProviderEntry {
  readonly patterns: readonly CompiledPattern[];
  /** The provider id used for scoped fallbacks (`other` for unknown ids). */
  readonly scope: string;
  cache: Map<string, Classification | null>;
}

/** The first pattern that matches, or null. No cache: for validation and tests. */
export function firstMatch(patterns: readonly ResponsePattern[], text: string): ResponsePattern | null {
  for (const p of patterns) if (p.regex.test(text)) return p;
  return null;
}

export function createClassifier(
  providers: readonly Provider[],
  generic: readonly ResponsePattern[],
  fallbacks: StatusFallbacks,
  cacheSize = DEFAULT_CLASSIFY_CACHE_SIZE,
): Classify {
  const compile = (patterns: readonly ResponsePattern[]): CompiledPattern[] =>
    patterns.map((p) => ({ regex: p.regex, result: Object.freeze({ class: p.class, patternId: p.id }) }));
  const genericOnly = compile(generic);
  const entries = new Map<string, ProviderEntry>();
  for (const p of providers) entries.set(p.id, { patterns: [...compile(p.responses), ...genericOnly], scope: p.id, cache: new Map() });
  // Every id the model does not know behaves like `other`: generic patterns only, so one shared entry.
  const unknown: ProviderEntry = { patterns: genericOnly, scope: OTHER_PROVIDER, cache: new Map() };

  const fallback = createFallbackLookup(fallbacks);
  let cached = 0;

  return (providerId, text, status, bounceCat) => {
    const entry = entries.get(providerId) ?? unknown;
    const cut = cutText(text);
    let hit = entry.cache.get(cut);
    if (hit === undefined) {
      hit = null;
      const t = joinReplyLines(cut);
      for (const p of entry.patterns) {
        if (p.regex.test(t)) {
          hit = p.result;
          break;
        }
      }
      if (cached >= cacheSize) {
        for (const e of entries.values()) e.cache = new Map();
        unknown.cache = new Map();
        cached = 0;
      }
      entry.cache.set(cut, hit);
      cached++;
    }
    if (hit !== null) return hit;
    return fallback(entry.scope, status, bounceCat) ?? DEFAULT_CLASSIFICATION;
  };
}
