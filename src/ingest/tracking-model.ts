/**
 * A provider model that reports how the Aggregator attributed domains, for the range-parallel check of
 * attribution (attribution-guard.ts). The Aggregator learns a domain's provider from the first record of
 * the domain that names a dsnMta (the MX match, else the domain's owner) and uses it for every later
 * record of the domain; records before that, without a dsnMta, get the domain's owner. A reader that
 * starts mid-file has not seen the earlier records, so the coordinator must know, per unit:
 * - `preLearning`: domains that had records attributed before the unit learned them;
 * - `unmatchedFirst`: domains learned from a dsnMta that matched no provider's MX (their provider is
 *   the domain's owner; the ones that matched are in the snapshot's domainProvider).
 * It relies on the order of calls in Aggregator.providerIdOf: providerOfMx(dsnMta) and, when that gives
 * null, providerOfDomain(domain) right after; providerOfDomain alone for a record before learning.
 * test/ingest/ingest-parallel.test.ts compares the results with a sequential read, so a change there
 * shows.
 */
import type { ProviderModel } from '../providers/types.js';

export interface TrackedAttribution {
  readonly preLearning: Set<string>;
  readonly unmatchedFirst: Set<string>;
}

export function trackingModel(model: ProviderModel): { model: ProviderModel; tracked: TrackedAttribution } {
  const tracked: TrackedAttribution = { preLearning: new Set(), unmatchedFirst: new Set() };
  let mxMissed = false;
  return {
    tracked,
    model: {
      providers: model.providers,
      generic: model.generic,
      providerOfMx(dsnMta) {
        const p = model.providerOfMx(dsnMta);
        mxMissed = p === null;
        return p;
      },
      providerOfDomain(domain) {
        if (mxMissed) tracked.unmatchedFirst.add(domain);
        else tracked.preLearning.add(domain);
        mxMissed = false;
        return model.providerOfDomain(domain);
      },
      classify: (providerId, text, status, bounceCat) => model.classify(providerId, text, status, bounceCat),
    },
  };
}
