/**
 * Runs small, controlled scenarios in memory against the real provider model (models/providers).
 */
import { loadProviderModel } from '../../../src/providers/load-provider-model-io.js';
import type { ProviderModel } from '../../../src/providers/types.js';
import { createSimulation } from '../../../src/sim/engine/simulation.js';
import { loadSimDefaults } from '../../../src/sim/io/load-scenario-io.js';
import { buildResponseCatalog } from '../../../src/sim/provider/response-catalog.js';
import { resolveScenario } from '../../../src/sim/scenario/resolve-scenario.js';
import type { RunOptions } from '../../../src/sim/scenario/resolve-scenario.js';
import type { Scenario } from '../../../src/sim/scenario/scenario-types.js';
import type { SimDefaults } from '../../../src/sim/scenario/validate-defaults.js';
import { validateScenario } from '../../../src/sim/scenario/validate-scenario.js';
import type { SimRecord } from '../../../src/sim/sim-record.js';
import type { SimTruth } from '../../../src/sim/truth/truth-types.js';

let cached: { model: ProviderModel; defaults: SimDefaults } | null = null;

export async function fixtures(): Promise<{ model: ProviderModel; defaults: SimDefaults }> {
  cached ??= { model: await loadProviderModel(), defaults: loadSimDefaults() };
  return cached;
}

export function scenarioFrom(json: unknown, defaults: SimDefaults): Scenario {
  const known = { providers: Object.keys(defaults.providers), audiences: defaults.audiences, invalidDomains: defaults.invalidDomains };
  const { scenario, errors } = validateScenario(json, 'test-scenario.json', known);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return scenario;
}

export interface RunOutput {
  readonly records: SimRecord[];
  readonly truth: SimTruth;
}

export async function runScenario(json: unknown, options: RunOptions = { seed: 1 }): Promise<RunOutput> {
  const { model, defaults } = await fixtures();
  const rs = resolveScenario(scenarioFrom(json, defaults), defaults, options);
  const sim = createSimulation(rs, buildResponseCatalog(model, defaults.providers));
  const records: SimRecord[] = [];
  for (const batch of sim.batches()) for (const r of batch.records) records.push(r);
  return { records, truth: sim.truth() };
}

/** Hidden behaviour without recipient noise, so only the sending IP's limits show. */
export const QUIET = { unknownUsers: 0, mailboxFull: 0, greylisting: 0, complaintChancePerDay: 0 };

/** One virtual MTA sending to one provider, with load evenly over the day (background only). */
export function oneIpScenario(over: {
  provider: string;
  volume: number;
  days?: number;
  behaviour?: Record<string, unknown>;
  domains?: Record<string, Record<string, string | number>>;
  patternLists?: Record<string, { regex: string; actions: string }[]>;
  campaigns?: { hour: number; minutes: number; weight: number }[];
  audience?: Record<string, number>;
  invalidDomains?: { domain: string; kind: string; weight: number }[];
  newIp?: boolean;
  dayWeights?: number[];
}): Record<string, unknown> {
  return {
    name: 'test',
    days: over.days ?? 1,
    start: '2026-11-02',
    volume: over.volume,
    sender: {
      vmtas: [{ name: 'vmta-1', ip: '203.0.113.14', new: over.newIp ?? false }],
      pools: { p: ['vmta-1'] },
      domains: over.domains ?? { '*': { 'max-smtp-out': 5, 'retry-after': '5m' } },
      patternLists: over.patternLists ?? {},
    },
    audiences: { only: over.audience ?? { [over.provider]: 1 } },
    ...(over.invalidDomains ? { invalidDomains: over.invalidDomains } : {}),
    load: [
      {
        pool: 'p',
        share: 1,
        audience: 'only',
        dayWeights: over.dayWeights ?? [1],
        campaigns: over.campaigns ?? [],
        background: over.campaigns ? 0 : 1,
      },
    ],
    providers: { [over.provider]: { ...QUIET, ...over.behaviour } },
  };
}
