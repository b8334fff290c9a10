/** `pmta-advisor watch <paths…>`: the live warm-up dashboard. */
import { resolve } from 'node:path';
import { loadConfigFile } from '../config/load-config-io.js';
import { UserError } from '../domain/user-error.js';
import { loadProviderModel } from '../providers/load-provider-model-io.js';
import { intervalMinutes } from '../rules/interval-minutes.js';
import { defaultWatchStatePath, runWatch, type WatchOutput } from '../watch/run-watch-io.js';
import { WatchSession } from '../watch/watch-session.js';
import { type Command, stringOption, useColor } from './command.js';

export const watchCommand: Command = {
  name: 'watch',
  summary: 'live dashboard of providers × sending IPs while IPs warm up (follows the accounting files)',
  help: `Usage: pmta-advisor watch <paths…> [options]

Follows PowerMTA's accounting directory (and its move-to directory) or globs as PowerMTA writes them,
and shows per provider and sending IP: attempts and deliveries per hour, acceptance with its interval,
throttled share, estimated hourly limit, binding knob and status, with the recommendations and their
evidence. Nothing is lost or counted twice across rotations and restarts: offsets and aggregates are
checkpointed together in the state file. See docs/watch.md for the screen and keys.

On a terminal it draws the dashboard (press ? for keys, q to quit). When stdout is not a terminal it
prints one summary line per interval; with --format json, one JSON object per line per interval shaped
like 'report --format json'.

Options:
  --config FILE      your PowerMTA config (current values, vmta → IP mapping; needed to write diffs)
  --state FILE       state file (default: ~/.local/state/pmta-advisor/watch-<inputs>.json, or under
                     $XDG_STATE_HOME)
  --format FORMAT    text (default) or json (only when stdout is not a terminal, or with --no-tui)
  --interval SEC     seconds between lines when not drawing the dashboard (default 10)
  --poll MS          how often files are checked (default 500; file events only wake it earlier)
  --no-tui           print lines even on a terminal
  --diff-dir DIR     where the 'd' key writes diffs (default: the current directory)
  --retain SPAN      keep this much history before the newest record (default 14d; 'never' to keep
                     all); older minutes are dropped from the screen's aggregates and the state file
  --models DIR       provider model directory (default: the built-in one)
  -h, --help         show this help

Exit codes: 0 stopped by q or Ctrl-C, 1 bad input (config, state file), 2 usage error.

Examples:
  pmta-advisor watch /var/log/pmta/acct/ --config /etc/pmta/config
  pmta-advisor watch /var/log/pmta/acct/ --format json --interval 60 | your-alerting
`,
  options: {
    config: { type: 'string' },
    state: { type: 'string' },
    format: { type: 'string', default: 'text' },
    interval: { type: 'string' },
    poll: { type: 'string' },
    'no-tui': { type: 'boolean' },
    'diff-dir': { type: 'string' },
    retain: { type: 'string', default: '14d' },
    models: { type: 'string' },
  },
  async run({ io, values, positionals, signal }) {
    const str = (k: string): string | undefined => stringOption(values, k);
    if (positionals.length === 0) throw new UserError('no accounting paths given', { hint: 'e.g. pmta-advisor watch /var/log/pmta/acct/', exitCode: 2 });
    const format = str('format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UserError(`--format must be text or json, not "${format}"`, { exitCode: 2 });
    const intervalS = Number(str('interval') ?? '10');
    if (!(intervalS > 0)) throw new UserError(`--interval must be a number of seconds above 0, not "${str('interval')}"`, { exitCode: 2 });
    const pollMs = Number(str('poll') ?? '500');
    if (!(pollMs >= 20)) throw new UserError(`--poll must be at least 20 ms, not "${str('poll')}"`, { exitCode: 2 });
    const tty = io.stdout.isTTY === true && io.stdin.isTTY === true && values['no-tui'] !== true;
    const output: WatchOutput = tty ? 'dashboard' : format === 'json' ? 'json' : 'summary';
    const configPath = str('config');
    const config = configPath === undefined ? null : loadConfigFile(configPath, io.cwd);
    const model = await loadProviderModel(str('models'));
    const stateFile = resolve(io.cwd, str('state') ?? defaultWatchStatePath(io, positionals));
    const retainText = str('retain') ?? '14d';
    const retainMinutes = retainText === 'never' ? Number.POSITIVE_INFINITY : intervalMinutes(retainText);
    if (retainMinutes === null || !(retainMinutes >= 60)) throw new UserError(`--retain must be a span of at least 1h such as 14d or 36h, or never; not "${retainText}"`, { exitCode: 2 });
    const session = await WatchSession.open({ inputs: positionals, cwd: io.cwd, stateFile, model, config, pollMs, retainMs: retainMinutes * 60_000 });
    for (const p of session.ingest.loaded.problems) io.stderr.write(`warning: state file: ${p}\n`);
    await runWatch({
      io,
      session,
      output,
      intervalMs: intervalS * 1000,
      color: useColor(io),
      config,
      diffDir: resolve(io.cwd, str('diff-dir') ?? '.'),
      signal,
    });
    return 0;
  },
};
