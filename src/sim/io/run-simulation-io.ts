/**
 * A complete simulation run into a directory: `pmta.conf`, the accounting files and `truth.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderModel } from '../../providers/types.js';
import { createSimulation } from '../engine/simulation.js';
import { renderPmtaConf } from '../output/render-pmta-conf.js';
import { buildResponseCatalog } from '../provider/response-catalog.js';
import { resolveScenario } from '../scenario/resolve-scenario.js';
import type { RunOptions } from '../scenario/resolve-scenario.js';
import type { Scenario } from '../scenario/scenario-types.js';
import type { SimDefaults } from '../scenario/validate-defaults.js';
import type { SimTruth } from '../truth/truth-types.js';
import { createAcctWriter } from './acct-writer-io.js';

export interface RunToDirInput {
  readonly scenario: Scenario;
  readonly defaults: SimDefaults;
  readonly model: ProviderModel;
  readonly options: RunOptions;
  readonly outDir: string;
  /** Stops between batches when aborted (truth.json then says complete: false). */
  readonly signal?: AbortSignal;
  readonly rotateSeconds?: number;
  readonly maxBytes?: number;
}

export interface RunResult {
  readonly truth: SimTruth;
  readonly files: readonly string[];
}

export function writeRunHeader(outDir: string, scenario: Scenario, seed: number): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'pmta.conf'), renderPmtaConf(scenario, { seed, acctDir: '/var/log/pmta' }));
}

export function writeTruth(outDir: string, truth: SimTruth): void {
  writeFileSync(join(outDir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
}

export function runSimulationToDir(input: RunToDirInput): RunResult {
  const rs = resolveScenario(input.scenario, input.defaults, input.options);
  // Small batches keep records short-lived (cheap to collect); the writer buffers 1 MiB per write.
  const sim = createSimulation(rs, buildResponseCatalog(input.model, input.defaults.providers), { batchSeconds: 60 });
  writeRunHeader(input.outDir, input.scenario, input.options.seed);
  const writer = createAcctWriter({ dir: input.outDir, rotateSeconds: input.rotateSeconds, maxBytes: input.maxBytes });
  try {
    for (const batch of sim.batches()) {
      writer.write(batch.records);
      if (input.signal?.aborted) break;
    }
  } finally {
    writer.close();
  }
  const truth = sim.truth();
  writeTruth(input.outDir, truth);
  return { truth, files: writer.files };
}
