/** `pmta-advisor diff --config FILE <paths…>`: the recommendations as a unified diff of your config. */
import { configDiff } from '../advice/config-diff.js';
import { analyse } from '../advice/analyse-io.js';
import { UserError } from '../domain/user-error.js';
import { type Command, stringOption } from './command.js';
import { writeChanges } from './diff-config-io.js';
import { progressLine } from './progress.js';
import { writeOutput } from './write-output.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'the recommendations as a unified diff of your PowerMTA config (--write applies it, with a backup)',
  help: `Usage: pmta-advisor diff --config FILE <accounting paths…> [options]

Reads the accounting files, builds the same recommendations as 'pmta-advisor report', and prints them
as a unified diff of your own PowerMTA config: a value is changed in the block that decides it today,
otherwise added to the most specific fitting block (a nested <domain> inside a <virtual-mta> when the
change is for one IP), reply lines go to the smtp-pattern-list in force; nothing else is touched.
Edits to an included file go to that file. The diff applies with 'git apply' or 'patch -p1' run in the
base directory (default: the directory of the config).

Options:
  --config FILE          the PowerMTA config to change (required)
  --annotate             add a '# pmta-advisor: reason' comment above each change
  --min-confidence X     only recommendations with confidence ≥ X (0–1, default 0)
  --since T, --until T   analysed period, as for 'report' (ISO time or 24h / 7d back from the last record)
  --base-dir DIR         make the diff's paths relative to DIR
  --out FILE             write the diff to FILE instead of standard output
  --write                apply the changes to the config in place, after a timestamped backup
                         (FILE.pmta-advisor-YYYYmmddTHHMMSS.bak); refused if the file changed meanwhile
  --models DIR           provider model directory (default: the built-in one)
  -h, --help             show this help

Exit codes: 0 done (also when nothing is to change), 1 bad input, 2 usage error.

Examples:
  pmta-advisor diff --config /etc/pmta/config /var/log/pmta/acct/ > tune.diff && git apply tune.diff
  pmta-advisor diff --config /etc/pmta/config /var/log/pmta/acct/ --annotate --min-confidence 0.8 --write
`,
  options: {
    config: { type: 'string' },
    annotate: { type: 'boolean' },
    'min-confidence': { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    'base-dir': { type: 'string' },
    out: { type: 'string' },
    write: { type: 'boolean' },
    models: { type: 'string' },
  },
  async run({ io, values, positionals, signal }) {
    const str = (k: string): string | undefined => stringOption(values, k);
    const configPath = str('config');
    if (configPath === undefined) throw new UserError('--config FILE is required: the diff is of your PowerMTA config', { exitCode: 2 });
    const minRaw = str('min-confidence');
    const minConfidence = minRaw === undefined ? 0 : Number(minRaw);
    if (!Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 1) {
      throw new UserError(`--min-confidence must be a number from 0 to 1, not "${minRaw}"`, { exitCode: 2 });
    }
    const progress = progressLine(io);
    const since = str('since');
    const until = str('until');
    const models = str('models');
    const { report, config } = await analyse({
      paths: positionals,
      cwd: io.cwd,
      now: io.now(),
      configPath,
      signal,
      onProgress: (p) => progress.update(p),
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
      ...(models === undefined ? {} : { modelsDir: models }),
    });
    progress.done();
    if (config === null) throw new Error('config was not loaded');
    const baseDir = str('base-dir');
    const result = configDiff(config, report.recommendations, {
      annotate: values['annotate'] === true,
      minConfidence,
      ...(baseDir === undefined ? {} : { baseDir }),
    });
    for (const s of result.plan.skipped) io.stderr.write(`skipped: ${s.change.kind === 'set' ? `${s.change.directive} for ${s.change.domain}` : `reply /${s.change.regex}/`}: ${s.reason}\n`);
    if (values['write'] === true) {
      if (result.plan.files.length === 0) {
        io.stderr.write('nothing to change\n');
        return 0;
      }
      const written = writeChanges(result.plan.files, { now: io.now });
      for (const w of written) io.stderr.write(`wrote ${w.path} (backup ${w.backup})\n`);
      return 0;
    }
    if (result.diff === '') io.stderr.write(`nothing to change (${result.used.length} recommendation(s) considered)\n`);
    await writeOutput(io, result.diff, str('out'));
    return 0;
  },
};
