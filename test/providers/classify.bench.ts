/**
 * Throughput of classify on a realistic day of deferrals (see deferral-mix.ts), 100,000 records per
 * iteration. Run: npx vitest bench --run test/providers/classify.bench.ts
 * records/s = 100,000 x the reported hz.
 */
import { bench, describe } from 'vitest';
import { firstMatch } from '../../src/providers/classifier.js';
import { matchText } from '../../src/providers/match-text.js';
import { parseProviderModel } from '../../src/providers/parse-provider-model.js';
import type { ProviderModel } from '../../src/providers/types.js';
import { deferralMix } from './deferral-mix.js';
import { shippedModelFiles } from './model-files.js';

const N = 100_000;
const ITERATIONS = 10;
const files = shippedModelFiles();
const mix = deferralMix(N, 7);
const unique = new Set(mix.map((m) => `${m.provider}\u0000${m.text}`)).size;
console.log(`mix: ${N} records, ${unique} distinct (provider, text) pairs (${((100 * unique) / N).toFixed(1)}%)`);

const run = (model: ProviderModel): number => {
  let n = 0;
  for (const m of mix) if (model.classify(m.provider, m.text, m.status, m.bounceCat).class !== 'other') n++;
  return n;
};
const options = { iterations: ITERATIONS, warmupIterations: 1, time: 0, warmupTime: 0 };

describe('classify 100k realistic deferrals', () => {
  const warm = parseProviderModel(files).model;
  run(warm);
  bench('warm cache (every text seen before)', () => {
    run(warm);
  }, options);

  // a new model per iteration, built outside the timed function: the cache starts empty
  const fresh = Array.from({ length: ITERATIONS + 2 }, () => parseProviderModel(files).model);
  bench('cold cache (one pass over a new day)', () => {
    run(fresh.pop() ?? parseProviderModel(files).model);
  }, options);

  const lists = new Map(warm.providers.map((p) => [p.id, [...p.responses, ...warm.generic]]));
  bench('baseline: first-match regex loop alone (no cache, no fallbacks)', () => {
    for (const m of mix) firstMatch(lists.get(m.provider) ?? warm.generic, matchText(m.text));
  }, options);
});
