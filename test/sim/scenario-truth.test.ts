/**
 * Each problem scenario produces the problem it is named for, at the providers its description names,
 * and no other (one simulated day at a reduced volume).
 */
import { describe, expect, it } from 'vitest';
import type { SimTruth } from '../../src/sim/truth/truth-types.js';
import { loadScenario } from '../../src/sim/io/load-scenario-io.js';
import { createSimulation } from '../../src/sim/engine/simulation.js';
import { buildResponseCatalog } from '../../src/sim/provider/response-catalog.js';
import { resolveScenario } from '../../src/sim/scenario/resolve-scenario.js';
import { fixtures } from './helpers/sim-harness.js';

async function truthOf(name: string, volume: number, days: number): Promise<SimTruth> {
  const { model, defaults } = await fixtures();
  const sim = createSimulation(resolveScenario(loadScenario(name, '/', defaults), defaults, { seed: 1, volume, days }), buildResponseCatalog(model, defaults.providers), { batchSeconds: 600 });
  for (const batch of sim.batches()) void batch;
  return sim.truth();
}

/** provider → problems seen on any of its pairs. */
function problemsByProvider(truth: SimTruth): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  for (const p of truth.pairs) for (const problem of p.problems) (out[p.provider] ??= new Set()).add(problem);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

describe('problem scenarios', () => {
  it('connections: Microsoft and AT&T refuse the connections over their caps', async () => {
    const truth = await truthOf('connections', 200_000, 1);
    expect(problemsByProvider(truth)).toEqual({ att: ['connections'], microsoft: ['connections'] });
    for (const p of truth.pairs.filter((x) => x.provider === 'microsoft')) {
      expect(p.events.peakConnectionsOpen).toBe(p.connectionCap);
      expect(p.configured['hotmail.com']?.['max-smtp-out']).toBeGreaterThan(p.connectionCap ?? Infinity);
    }
  });

  it('per-connection: Yahoo and Apple refuse the message after their per-session cap', async () => {
    const truth = await truthOf('per-connection', 200_000, 1);
    expect(problemsByProvider(truth)).toEqual({ apple: ['per-connection'], yahoo: ['per-connection'] });
  });

  it('backoff: Yahoo and Microsoft stay rate-throttled while their queues sit in a backoff that never ends', async () => {
    const truth = await truthOf('backoff', 160_000, 1);
    expect(problemsByProvider(truth)).toEqual({ microsoft: ['rate'], yahoo: ['rate'] });
    for (const p of truth.pairs.filter((x) => x.provider === 'yahoo')) {
      expect(p.backoff.entries).toBeGreaterThan(0);
      expect(p.backoff.entries).toBeLessThanOrEqual(Object.keys(p.configured).length);
    }
    expect(truth.plantedConfigProblems).toEqual(['backoff-neutered', 'backoff-never-normal']);
  });

  it('invalid-domains: typo domains of both kinds, no throttling', async () => {
    const truth = await truthOf('invalid-domains', 100_000, 2);
    expect(problemsByProvider(truth)).toEqual({});
    const byKind = (kind: string): string[] => truth.invalidDomains.filter((d) => d.kind === kind).map((d) => d.domain).sort();
    expect(byKind('nxdomain')).toEqual(['comcast.nte', 'outlok.com', 'yahooo.com']);
    expect(byKind('no-mx')).toEqual(['gmail.co', 'gmial.com', 'hotmial.com']);
    for (const d of truth.invalidDomains) {
      if (d.kind === 'no-mx') expect(d.queueFailures).toBeGreaterThan(0);
      else expect(d.bounced).toBe(d.messages);
    }
  });
});
