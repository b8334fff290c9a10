/**
 * `pmta-advisor report`: reads accounting files, estimates what each provider accepts from each
 * sending IP, and recommends PowerMTA settings with the evidence. The IO edge around the pure
 * buildReport (src/report) and renderers.
 */
import { UserError } from '../domain/user-error.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import { analyse } from '../advice/analyse-io.js';
import { configDiff } from '../advice/config-diff.js';
import { type Command, stringOption, useColor } from './command.js';
import { progressLine } from './progress.js';
import { writeOutput } from './write-output.js';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: pmta-advisor report <paths…> [options]

Reads PowerMTA accounting files (files, directories or globs; .gz too) and reports, for each mailbox
provider and sending IP: attempts, acceptance with its 95% interval, the most the provider accepted per
hour while it pushed back (or a lower bound when it never did), which knob binds, throttling episodes,
warm-up plans for young IPs and invalid recipient domains. Then PowerMTA settings to change, most
confident first, each with its reason and evidence. Nothing is changed: see 'pmta-advisor diff'.
Records t and tq must be logged (<acct-file> records d,b,t,tq) or throttling is invisible.

Options:
  --config FILE         your PowerMTA config: current values, domain macros, pattern lists and the
                        vmta → IP mapping come from it (without it, PowerMTA's defaults are shown)
  --format FORMAT       text (default), markdown (for a change ticket) or json (docs/schema.md)
  --since T             analyse from T: an ISO time (2026-11-28T06:00Z, 2026-11-28) or a span counted
                        back from the last record (24h, 7d, 90m)
  --until T             analyse up to T (same forms)
  --out FILE            write the report to FILE instead of standard output
  --diff FILE           also write the recommendations as a unified diff of --config to FILE
                        (see 'pmta-advisor diff'); --annotate adds the reason above each change
  --no-color            no colours in the text report (also NO_COLOR=1)
  -h, --help            show this help

Estimates, thresholds and rules are explained in docs/methodology.md.

Examples:
  pmta-advisor report /var/log/pmta/acct/ --config /etc/pmta/config --since 24h
  pmta-advisor report 'acct-2026-11-*.csv' --format markdown --out ticket.md
  pmta-advisor report /var/log/pmta/acct/ --format json | jq '.recommendations[0]'
`;


export const reportCommand: Command = {
  name: 'report',
  summary: 'estimate what each provider accepts per IP and recommend PowerMTA settings',
  help: HELP,
  options: {
    config: { type: 'string' },
    format: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    out: { type: 'string' },
    'no-color': { type: 'boolean' },
    diff: { type: 'string' },
    annotate: { type: 'boolean' },
  },
  async run(ctx) {
    const { io } = ctx;
    const formatArg = stringOption(ctx.values, 'format') ?? 'text';
    if (!(FORMATS as readonly string[]).includes(formatArg)) throw new UserError(`--format must be text, markdown or json, got '${formatArg}'`, { exitCode: 2 });
    const format = formatArg as Format;
    const configPath = stringOption(ctx.values, 'config');
    const diffPath = stringOption(ctx.values, 'diff');
    if (diffPath !== undefined && configPath === undefined) throw new UserError('--diff needs --config FILE: the diff is of your PowerMTA config', { exitCode: 2 });
    const since = stringOption(ctx.values, 'since');
    const until = stringOption(ctx.values, 'until');
    const progress = progressLine(io);
    const { report, config } = await analyse({
      paths: ctx.positionals,
      cwd: io.cwd,
      now: io.now(),
      signal: ctx.signal,
      onProgress: (p) => progress.update(p),
      ...(configPath === undefined ? {} : { configPath }),
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
    });
    progress.done();
    const outPath = stringOption(ctx.values, 'out');
    const color = outPath === undefined && ctx.values['no-color'] !== true && useColor(io);
    const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'markdown' ? renderMarkdown(report) : renderText(report, { color });
    await writeOutput(io, text, outPath);
    if (outPath !== undefined) io.stderr.write(`report written to ${outPath}\n`);
    if (diffPath !== undefined && config !== null) {
      const { diff, plan } = configDiff(config, report.recommendations, { annotate: ctx.values['annotate'] === true });
      await writeOutput(io, diff, diffPath);
      io.stderr.write(`config diff (${plan.applied.length} change(s), ${plan.skipped.length} skipped) written to ${diffPath}\n`);
    }
    return 0;
  },
};
