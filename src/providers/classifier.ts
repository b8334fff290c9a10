/**
 * Response classification, in this order (first hit wins):
 * 1. the provider's own patterns, in file order;
 * 2. the generic patterns (generic.json), in file order;
 * 3. the enhanced status code, then PowerMTA's bounce category (status-codes.json);
 * 4. `other` (patternId `default`).
 * Steps 1–2 run regular expressions and are cached per (provider, text) in a bounded map, so a text
 * seen before costs one lookup; a pattern's regex runs only when one of its required literals occurs in
 * the text (required-literals.ts), which skips most of them with a plain substring search; step 3 is a
 * map lookup. Patterns see matchText(text): no `smtp;`,
 * multi-line continuation markers removed, cut to MAX_MATCH_TEXT characters.
 */
import { BoundedCache } from './bounded-cache.js';
import { OTHER_PROVIDER } from './domain-index.js';
import { cutText, joinReplyLines } from './match-text.js';
import { mayMatch, requiredLiterals, type RequiredLiterals } from './required-literals.js';
import { createFallbackLookup, type StatusFallbacks } from './status-fallbacks.js';
import type { Classification, Provider, ResponsePattern } from './types.js';

export const DEFAULT_CLASSIFICATION: Classification = Object.freeze({ class: 'other', patternId: 'default' });
export const DEFAULT_CLASSIFY_CACHE_SIZE = 50_000;

export type Classify = (providerId: string, text: string, status: string, bounceCat: string) => Classification;

interface CompiledPattern {
  readonly regex: RegExp;
  readonly check: RequiredLiterals | null;
  readonly result: Classification;
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
    patterns.map((p) => ({ regex: p.regex, check: requiredLiterals(p.regex), result: Object.freeze({ class: p.class, patternId: p.id }) }));
  const genericOnly = compile(generic);
  const byProvider = new Map<string, readonly CompiledPattern[]>();
  for (const p of providers) byProvider.set(p.id, [...compile(p.responses), ...genericOnly]);

  const fallback = createFallbackLookup(fallbacks);
  const cache = new BoundedCache<string, Classification | null>(cacheSize);

  return (providerId, text, status, bounceCat) => {
    const cut = cutText(text);
    const key = `${providerId}\u0000${cut}`;
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = null;
      const t = joinReplyLines(cut);
      const lower = t.toLowerCase();
      for (const p of byProvider.get(providerId) ?? genericOnly) {
        if ((p.check === null || mayMatch(p.check, t, lower)) && p.regex.test(t)) {
          hit = p.result;
          break;
        }
      }
      cache.set(key, hit);
    }
    if (hit !== null) return hit;
    return fallback(byProvider.has(providerId) ? providerId : OTHER_PROVIDER, status, bounceCat) ?? DEFAULT_CLASSIFICATION;
  };
}
