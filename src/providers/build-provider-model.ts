/**
 * Assembles a ProviderModel from validated parts: the domain and MX indexes and the classifier.
 * Callers normally use parseProviderModel (files) or loadProviderModel (a directory).
 */
import { createClassifier, DEFAULT_CLASSIFY_CACHE_SIZE } from './classifier.js';
import { createDomainIndex } from './domain-index.js';
import { createMxIndex, type MxRule } from './mx-index.js';
import type { StatusFallbacks } from './status-fallbacks.js';
import type { Provider, ProviderModel, ResponsePattern } from './types.js';

export interface ModelParts {
  readonly providers: readonly Provider[];
  readonly generic: readonly ResponsePattern[];
  readonly fallbacks: StatusFallbacks;
}

export interface BuildOptions {
  /** Entries in the (provider, text) classification cache before it is cleared. */
  readonly classifyCacheSize?: number;
}

export function buildProviderModel(parts: ModelParts, options: BuildOptions = {}): ProviderModel {
  const owners = new Map<string, string>();
  const mxRules: MxRule[] = [];
  for (const p of parts.providers) {
    for (const d of p.domains) if (!owners.has(d)) owners.set(d, p.id);
    for (const glob of p.mxPatterns) mxRules.push({ glob, providerId: p.id });
  }
  const providerOfDomain = createDomainIndex(owners, parts.providers.map((p) => p.id));
  const providerOfMx = createMxIndex(mxRules);
  const classify = createClassifier(parts.providers, parts.generic, parts.fallbacks, options.classifyCacheSize ?? DEFAULT_CLASSIFY_CACHE_SIZE);
  return {
    providers: parts.providers,
    generic: parts.generic,
    providerOfDomain,
    providerOfMx,
    classify,
  };
}
