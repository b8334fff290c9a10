/**
 * Checks, link by link in file order, that the units read in parallel attributed every domain to the
 * provider a sequential read would have (see tracking-model.ts for how the Aggregator learns a domain's
 * provider), and gives each unit's learned domains as the sequential read would have kept them.
 *
 * A unit that starts mid-file attributes a domain's records before it learns the domain to the
 * domain's owner, and after that to what it learned. A sequential read would have used what an earlier
 * unit learned first, for all of them. The two agree when no earlier unit learned the domain, or when
 * it learned the same provider (for records before learning: the domain's owner). Otherwise the result
 * is not exact and the caller reads sequentially.
 */
import type { ProviderModel } from '../providers/types.js';

export class AttributionGuard {
  readonly #model: ProviderModel;
  /** Provider each domain was first learned as, over the links so far. */
  readonly #first = new Map<string, string>();
  #links = 0;

  constructor(model: ProviderModel) {
    this.#model = model;
  }

  /**
   * Takes the next link's learned domains; returns the reason the result is not exact, or null, and
   * the link's domainProvider entries a sequential read would have kept.
   */
  accept(
    domainProvider: readonly (readonly [string, string])[],
    preLearning: readonly string[],
    unmatchedFirst: readonly string[],
  ): { readonly inexact: string | null; readonly domainProvider: (readonly [string, string])[] } {
    const owner = (d: string): string => this.#model.providerOfDomain(d);
    let inexact: string | null = null;
    if (this.#links > 0) {
      const differs = (d: string, used: string): boolean => {
        const g = this.#first.get(d);
        return g !== undefined && g !== used;
      };
      const bad =
        preLearning.find((d) => differs(d, owner(d))) ??
        unmatchedFirst.find((d) => differs(d, owner(d))) ??
        domainProvider.find(([d, p]) => differs(d, p))?.[0];
      if (bad !== undefined) inexact = `the provider of ${bad} was learned before this part of the input`;
    }
    const kept = domainProvider.filter(([d]) => !this.#first.has(d));
    for (const [d, p] of domainProvider) if (!this.#first.has(d)) this.#first.set(d, p);
    for (const d of unmatchedFirst) if (!this.#first.has(d)) this.#first.set(d, owner(d));
    this.#links++;
    return { inexact, domainProvider: kept };
  }
}
