/**
 * `pmta-advisor simulate`: writes PowerMTA accounting files, pmta.conf and truth.json for a scenario of
 * simulated mailbox providers, at once or live (real or accelerated time) for the dashboard.
 */
import { resolve } from 'node:path';
import { UserError } from '../domain/user-error.js';
import { loadProviderModel } from '../providers/load-provider-model-io.js';
import { builtInScenarioNames, loadScenario, loadSimDefaults } from '../sim/io/load-scenario-io.js';
import { runLiveSimulation } from '../sim/io/live-simulation-io.js';
import { runSimulationToDir } from '../sim/io/run-simulation-io.js';
import type { RunResult } from '../sim/io/run-simulation-io.js';
import { parseIsoDate } from '../sim/time-format.js';
import { type Command, type CommandContext, stringOption } from './command.js';

const HELP = `Usage: pmta-advisor simulate --scenario NAME|FILE --out DIR [options]

Simulates a PowerMTA sender and mailbox providers with hidden limits, and writes what PowerMTA would
log: accounting files (acct-YYYY-MM-DD-NNNN.csv, records d,b,t,tq, rotated hourly), the sender's
pmta.conf, and truth.json (what the providers really accepted, to judge an advisor against).

Options:
  --scenario NAME|FILE  a built-in scenario or your own JSON file; built in:
                        ${builtInScenarioNames().join(', ')}
  --out DIR             directory to write into (created if missing)
  --seed N              random seed (default 1); the same seed gives byte-identical files
  --days N              simulated days (default: the scenario's; alone, keeps its daily traffic)
  --volume N            messages to inject over the run; the providers' hourly limits scale with
                        the traffic per day, so the same share of it is throttled at any size
  --start YYYY-MM-DD    first simulated day (default: the scenario's; with --live: now)
  --live                write in real time, appending small batches as PowerMTA does (Ctrl-C stops)
  --speed X             with --live: simulated seconds per real second (60 = an hour a minute; default 1)
  -h, --help            show this help

The scenario format and truth.json are described in docs/simulator.md.

Examples:
  pmta-advisor simulate --scenario steady --out /tmp/acct
  pmta-advisor simulate --scenario warmup --out /tmp/warm --volume 200000 --seed 7
  pmta-advisor simulate --scenario mixed --out /tmp/live --live --speed 60
`;

function intFlag(ctx: CommandContext, name: string, min: number, max: number): number | undefined {
  const raw = ctx.values[name];
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UserError(`--${name} must be a whole number from ${min} to ${max}, got '${text}'`, { exitCode: 2 });
  }
  return Number(text);
}


function summary(result: RunResult, outDir: string, stopped: boolean): string {
  const c = result.truth.counts;
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return [
    `${stopped ? 'stopped early: ' : ''}${fmt(c.total)} records (d ${fmt(c.d)}, b ${fmt(c.b)}, t ${fmt(c.t)}, tq ${fmt(c.tq)}) in ${result.files.length} file${result.files.length === 1 ? '' : 's'}`,
    `${fmt(result.truth.messagesInjected)} messages, ${result.truth.pairs.length} provider/IP pairs, ${result.truth.start} → ${result.truth.end}`,
    `wrote ${outDir}/pmta.conf, ${outDir}/truth.json`,
    '',
  ].join('\n');
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'write simulated PowerMTA accounting files with known truth (tests, demos, what-ifs)',
  help: HELP,
  options: {
    scenario: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    days: { type: 'string' },
    volume: { type: 'string' },
    start: { type: 'string' },
    live: { type: 'boolean' },
    speed: { type: 'string' },
  },
  async run(ctx) {
    const scenarioArg = stringOption(ctx.values, 'scenario');
    const out = stringOption(ctx.values, 'out');
    if (scenarioArg === undefined || out === undefined) {
      throw new UserError('--scenario and --out are required', { hint: `built-in scenarios: ${builtInScenarioNames().join(', ')}`, exitCode: 2 });
    }
    const seed = intFlag(ctx, 'seed', 0, 2 ** 32 - 1) ?? 1;
    const days = intFlag(ctx, 'days', 1, 366);
    const volume = intFlag(ctx, 'volume', 1, 1_000_000_000);
    const start = stringOption(ctx.values, 'start');
    if (start !== undefined && parseIsoDate(start) === null) throw new UserError(`--start must be a date YYYY-MM-DD, got '${start}'`, { exitCode: 2 });
    const live = ctx.values['live'] === true;
    const speedText = stringOption(ctx.values, 'speed');
    if (speedText !== undefined && !live) throw new UserError('--speed only applies with --live', { exitCode: 2 });
    const speed = speedText === undefined ? 1 : Number(speedText);
    if (!(speed > 0) || !Number.isFinite(speed) || speed > 1e6) throw new UserError(`--speed must be a number above 0, got '${speedText ?? ''}'`, { exitCode: 2 });

    const defaults = loadSimDefaults();
    const scenario = loadScenario(scenarioArg, ctx.io.cwd, defaults);
    const model = await loadProviderModel();
    const outDir = resolve(ctx.io.cwd, out);
    const options = { seed, days, volume, start };
    if (!live) {
      const result = runSimulationToDir({ scenario, defaults, model, options, outDir, signal: ctx.signal });
      ctx.io.stdout.write(summary(result, outDir, ctx.signal.aborted));
      return ctx.signal.aborted ? 130 : 0;
    }
    ctx.io.stdout.write(`simulating ${scenario.name} live at ${speed}× into ${outDir} (Ctrl-C stops)\n`);
    const result = await runLiveSimulation({ scenario, defaults, model, options, outDir, speed, signal: ctx.signal });
    ctx.io.stdout.write(summary(result, outDir, result.stoppedEarly));
    return 0;
  },
};
