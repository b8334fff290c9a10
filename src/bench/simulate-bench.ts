/**
 * Benchmark of the simulator: generates a scenario of about a million records (in memory only, and
 * written to files in a temporary directory) and reports records, seconds and records per second.
 * Run: `npm run build && node dist/bench/simulate-bench.js [scenario] [volume]` (default steady, 1,000,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadProviderModel } from '../providers/load-provider-model-io.js';
import { createSimulation } from '../sim/engine/simulation.js';
import { loadScenario, loadSimDefaults } from '../sim/io/load-scenario-io.js';
import { runSimulationToDir } from '../sim/io/run-simulation-io.js';
import { formatRecord } from '../sim/output/format-record.js';
import { buildResponseCatalog } from '../sim/provider/response-catalog.js';
import { resolveScenario } from '../sim/scenario/resolve-scenario.js';

export interface SimBenchResult {
  readonly scenario: string;
  readonly volume: number;
  readonly records: number;
  /** Simulation and CSV formatting in memory, no file system (wall clock). */
  readonly memorySeconds: number;
  /** CPU time (user + system) of the in-memory run: stable when the machine is shared. */
  readonly memoryCpuSeconds: number;
  /** The full command path: simulation, formatting and writing rotated files, pmta.conf, truth.json. */
  readonly filesSeconds: number;
  readonly bytes: number;
}

export async function benchSimulate(scenarioName = 'steady', volume = 1_000_000, seed = 1): Promise<SimBenchResult> {
  const model = await loadProviderModel();
  const defaults = loadSimDefaults();
  const scenario = loadScenario(scenarioName, process.cwd(), defaults);

  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const sim = createSimulation(resolveScenario(scenario, defaults, { seed, volume }), buildResponseCatalog(model, defaults.providers), { batchSeconds: 60 });
  let records = 0;
  let bytes = 0;
  for (const batch of sim.batches()) {
    for (const r of batch.records) bytes += formatRecord(r).length;
    records += batch.records.length;
  }
  const memorySeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const memoryCpuSeconds = (cpu.user + cpu.system) / 1e6;

  const dir = mkdtempSync(join(tmpdir(), 'pmta-simbench-'));
  try {
    t0 = performance.now();
    runSimulationToDir({ scenario, defaults, model, options: { seed, volume }, outDir: dir });
    const filesSeconds = (performance.now() - t0) / 1000;
    return { scenario: scenarioName, volume, records, memorySeconds, memoryCpuSeconds, filesSeconds, bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  try {
    return entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const [name, volume] = process.argv.slice(2);
  const r = await benchSimulate(name ?? 'steady', volume === undefined ? 1_000_000 : Number(volume));
  const rate = (s: number): string => Math.round(r.records / s).toLocaleString('en-US');
  process.stdout.write(
    `${r.scenario} volume ${r.volume.toLocaleString('en-US')}: ${r.records.toLocaleString('en-US')} records, ${(r.bytes / 1e6).toFixed(0)} MB\n` +
      `  in memory: ${r.memorySeconds.toFixed(1)} s wall, ${r.memoryCpuSeconds.toFixed(1)} s CPU (${rate(r.memoryCpuSeconds)} records per CPU second)\n` +
      `  to files:  ${r.filesSeconds.toFixed(1)} s (${rate(r.filesSeconds)} records/s)\n`,
  );
}
