/**
 * Throughput of classify on a realistic day of deferrals (see deferral-mix.ts), 100,000 records per
 * iteration. Run: npx vitest bench --run test/providers/classify.bench.ts
 * records/s = 100,000 x the reported hz.
 */
import { bench, describe } from 'vitest';
import { firstMatch } from '../../src/providers/classifier.js';
import { matchText } from '../../src/providers/match-text.js';
import { parseProviderModel } from '../../src/providers/parse-provider-model.js';
import { deferralMix } from './deferral-mix.js';
import { shippedModelFiles } from './model-files.js';

const N = 100_000;
const files = shippedModelFiles();
const mix = deferralMix(N, 7);
const unique = new Set(mix.map((m) => `${m.provider}\u0000${m.text}`)).size;
console.log(`mix: ${N} records, ${unique} distinct (provider, text) pairs (${((100 * unique) / N).toFixed(1)}%)`);

const run = (classify: ReturnType<typeof parseProviderModel>['model']['classify']): number => {
  let n = 0;
  for (const m of mix) if (classify(m.provider, m.text, m.status, m.bounceCat).class !== 'other') n++;
  return n;
};

describe('classify 100k realistic deferrals', () => {
  const warm = parseProviderModel(files).model;
  run(warm.classify);
  bench('warm model (default 50k-entry cache)', () => {
    run(warm.classify);
  });
  bench('fresh model each run (cold cache)', () => {
    run(parseProviderModel(files).model.classify);
  });
  const uncached = parseProviderModel(files, { classifyCacheSize: 1 }).model;
  bench('no cache (every text matched)', () => {
    run(uncached.classify);
  });
  const lists = new Map(warm.providers.map((p) => [p.id, [...p.responses, ...warm.generic]]));
  bench('baseline: no cache, no literal pre-check (every regex runs)', () => {
    for (const m of mix) firstMatch(lists.get(m.provider) ?? warm.generic, matchText(m.text));
  });
});
