/**
 * `pmta-advisor demo` (what `npm start` runs): the simulator writes live PowerMTA accounting files
 * into a temporary directory at accelerated time, and the real `watch` pipeline and dashboard follow
 * them. Nothing in the demo is faked: only the mail is simulated.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFile } from '../config/load-config-io.js';
import { UserError } from '../domain/user-error.js';
import { loadProviderModel } from '../providers/load-provider-model-io.js';
import { runLiveSimulation, systemClock } from '../sim/io/live-simulation-io.js';
import { loadScenario, loadSimDefaults } from '../sim/io/load-scenario-io.js';
import { runWatch } from '../watch/run-watch-io.js';
import { WatchSession } from '../watch/watch-session.js';
import { type Command, useColor } from './command.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'the live dashboard on simulated PowerMTA traffic (what npm start runs)',
  help: `Usage: pmta-advisor demo [options]

Simulates a PowerMTA server warming up new IPs beside established ones (see docs/simulator.md): accounting files are written
live into a temporary directory at accelerated time, and 'pmta-advisor watch' follows them with the
simulated server's own config. Press ? for keys and q to quit; the directory is removed on exit.

Options:
  --scenario NAME    simulator scenario (default: mixed: new IPs warming up beside established
                     ones, with every kind of problem; the list: 'pmta-advisor simulate --help')
  --speed X          simulated seconds per real second (default 1800: an hour every 2 s)
  --seed N           simulator seed (default 1)
  --duration SEC     stop after SEC seconds (default: on q / Ctrl-C on a terminal, 20 s otherwise)
  --keep             keep the directory (its path is printed)
  -h, --help         show this help
`,
  options: {
    scenario: { type: 'string', default: 'mixed' },
    speed: { type: 'string', default: '1800' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string' },
    keep: { type: 'boolean' },
  },
  async run({ io, values, signal }) {
    const speed = Number(values['speed']);
    if (!(speed > 0)) throw new UserError(`--speed must be above 0, not "${String(values['speed'])}"`, { exitCode: 2 });
    const seed = Number(values['seed']);
    if (!Number.isInteger(seed) || seed < 0) throw new UserError(`--seed must be a whole number, not "${String(values['seed'])}"`, { exitCode: 2 });
    const tty = io.stdout.isTTY === true && io.stdin.isTTY === true;
    const durationS = values['duration'] === undefined ? (tty ? null : 20) : Number(values['duration']);
    if (durationS !== null && !(durationS > 0)) throw new UserError(`--duration must be a number of seconds above 0`, { exitCode: 2 });

    const defaults = loadSimDefaults();
    const scenario = loadScenario(String(values['scenario']), io.cwd, defaults);
    const model = await loadProviderModel();
    const dir = await mkdtemp(join(tmpdir(), 'pmta-advisor-demo-'));
    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const timer = durationS === null ? null : setTimeout(onAbort, durationS * 1000);
    if (!tty) io.stdout.write(`demo: simulating '${scenario.name}' at ${speed}× into ${dir}\n`);
    const sim = runLiveSimulation({ scenario, defaults, model, options: { seed }, outDir: dir, speed, signal: stop.signal, clock: systemClock });
    try {
      while (!existsSync(join(dir, 'pmta.conf')) && !stop.signal.aborted) await new Promise((r) => setTimeout(r, 20));
      const config = loadConfigFile(join(dir, 'pmta.conf'), dir);
      const session = await WatchSession.open({ inputs: [dir], cwd: dir, stateFile: join(dir, '.state', 'state.json'), model, config });
      await runWatch({
        io,
        session,
        output: tty ? 'dashboard' : 'summary',
        intervalMs: 2000,
        color: useColor(io),
        config,
        diffDir: io.cwd,
        signal: stop.signal,
      });
    } finally {
      stop.abort();
      if (timer !== null) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      await sim.catch(() => undefined);
      if (values['keep'] === true) io.stderr.write(`demo files kept in ${dir}\n`);
      else await rm(dir, { recursive: true, force: true });
    }
    return 0;
  },
};
