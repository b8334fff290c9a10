/**
 * Runs a built-in simulator scenario into a temporary directory and `pmta-advisor report` on its
 * accounting files (through the real CLI entry, --format json, --config pmta.conf), returning the
 * report and the simulator's ground truth.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../../src/cli.js';
import type { CliIo } from '../../../src/commands/command.js';
import type { ReportJson } from '../../../src/domain/report.js';
import { loadProviderModel } from '../../../src/providers/load-provider-model-io.js';
import { loadScenario, loadSimDefaults } from '../../../src/sim/io/load-scenario-io.js';
import { runSimulationToDir } from '../../../src/sim/io/run-simulation-io.js';
import type { SimTruth } from '../../../src/sim/truth/truth-types.js';

export interface ScenarioRun {
  readonly truth: SimTruth;
  readonly report: ReportJson;
  readonly dir: string;
  readonly stderr: string;
}

export function fakeIo(cwd: string, now = Date.UTC(2026, 11, 1)): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => (o += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (e += d.toString('utf8')));
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd, now: () => now };
  return { io, out: () => o, err: () => e };
}

export async function runScenario(name: string, seed: number, opts: { volume?: number; days?: number; extraArgs?: readonly string[]; keep?: boolean } = {}): Promise<ScenarioRun> {
  const dir = mkdtempSync(join(tmpdir(), `pmta-report-${name}-`));
  try {
    const defaults = loadSimDefaults();
    const scenario = loadScenario(name, dir, defaults);
    const model = await loadProviderModel();
    const options = { seed, ...(opts.volume === undefined ? {} : { volume: opts.volume }), ...(opts.days === undefined ? {} : { days: opts.days }) };
    const t0 = Date.now();
    const { truth } = runSimulationToDir({ scenario, defaults, model, options, outDir: dir });
    const t1 = Date.now();
    const { io, out, err } = fakeIo(dir);
    const code = await main(['report', dir, '--config', join(dir, 'pmta.conf'), '--format', 'json', ...(opts.extraArgs ?? [])], io, new AbortController().signal);
    if (code !== 0) throw new Error(`report exited ${code}: ${err()}`);
    const report = JSON.parse(out()) as ReportJson;
    if (process.env['TIMING'] !== undefined) console.log(`${name}: simulate ${t1 - t0}ms, report ${Date.now() - t1}ms`);
    JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    return { truth, report, dir, stderr: err() };
  } finally {
    if (opts.keep !== true) rmSync(dir, { recursive: true, force: true });
  }
}
