/**
 * `pmta-advisor report`: reads accounting files, estimates what each provider accepts from each
 * sending IP, and recommends PowerMTA settings with the evidence. The IO edge around the pure
 * buildReport (src/report) and renderers.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfigFile } from '../config/load-config-io.js';
import { UserError } from '../domain/user-error.js';
import { ingest } from '../ingest/ingest.js';
import type { IngestProgress } from '../ingest/ingest.js';
import { loadProviderModel } from '../providers/load-provider-model-io.js';
import { buildReport } from '../report/build-report.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import { reportSourceOf } from '../report/report-source.js';
import { parseTimeArg } from '../report/time-arg.js';
import { configViewOf } from '../rules/config-view-from-config.js';
import type { ConfigView } from '../rules/config-view.js';
import type { CliIo, Command, CommandContext } from './command.js';
import { useColor } from './command.js';

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
  --no-color            no colours in the text report (also NO_COLOR=1)
  -h, --help            show this help

Estimates, thresholds and rules are explained in docs/methodology.md.

Examples:
  pmta-advisor report /var/log/pmta/acct/ --config /etc/pmta/config --since 24h
  pmta-advisor report 'acct-2026-11-*.csv' --format markdown --out ticket.md
  pmta-advisor report /var/log/pmta/acct/ --format json | jq '.recommendations[0]'
`;

function stringFlag(ctx: CommandContext, name: string): string | undefined {
  const raw = ctx.values[name];
  return raw === undefined || typeof raw === 'boolean' ? undefined : String(raw);
}

function progressPrinter(io: CliIo): ((p: IngestProgress) => void) | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  const started = io.now();
  let last = 0;
  return (p) => {
    const now = io.now();
    if (now - last < 200 && p.bytes < p.totalBytes) return;
    last = now;
    const elapsed = (now - started) / 1000;
    const rate = elapsed > 0 ? p.bytes / elapsed : 0;
    const eta = rate > 0 && p.totalBytes > p.bytes ? `${Math.ceil((p.totalBytes - p.bytes) / rate)}s left` : '';
    const mb = (n: number): string => (n / 1_048_576).toFixed(1);
    io.stderr.write(`\rreading ${p.files} files: ${mb(p.bytes)}/${mb(p.totalBytes)} MB, ${p.records.toLocaleString('en-US')} records ${eta}\u001B[K`);
  };
}

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
  },
  async run(ctx) {
    const { io } = ctx;
    if (ctx.positionals.length === 0) throw new UserError('no accounting files given', { hint: "pass files, directories or globs, e.g. pmta-advisor report /var/log/pmta/acct/", exitCode: 2 });
    const formatArg = stringFlag(ctx, 'format') ?? 'text';
    if (!(FORMATS as readonly string[]).includes(formatArg)) throw new UserError(`--format must be text, markdown or json, got '${formatArg}'`, { exitCode: 2 });
    const format = formatArg as Format;
    const configPath = stringFlag(ctx, 'config');
    let view: ConfigView | undefined;
    if (configPath !== undefined) view = configViewOf(loadConfigFile(configPath, io.cwd));
    const model = await loadProviderModel();
    const onProgress = progressPrinter(io);
    const agg = await ingest(
      ctx.positionals.map((p) => resolve(io.cwd, p)),
      { model, signal: ctx.signal, ...(onProgress === undefined ? {} : { onProgress }) },
    );
    if (onProgress !== undefined) io.stderr.write('\r\u001B[K');
    const source = reportSourceOf(agg, view?.vmtaIps);
    const last = source.summary.lastTime;
    const sinceArg = stringFlag(ctx, 'since');
    const untilArg = stringFlag(ctx, 'until');
    const since = sinceArg === undefined ? null : parseTimeArg('since', sinceArg, last);
    const until = untilArg === undefined ? null : parseTimeArg('until', untilArg, last);
    if (since !== null && until !== null && since >= until) throw new UserError(`--since ${sinceArg} is not before --until ${untilArg}`, { exitCode: 2 });
    const report = buildReport(source, { now: io.now(), since, until, ...(view === undefined ? {} : { config: view }), configPath: configPath ?? null });
    const outPath = stringFlag(ctx, 'out');
    const color = outPath === undefined && ctx.values['no-color'] !== true && useColor(io);
    const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'markdown' ? renderMarkdown(report) : renderText(report, { color });
    if (outPath === undefined) io.stdout.write(text);
    else {
      try {
        writeFileSync(resolve(io.cwd, outPath), text);
      } catch (error) {
        throw new UserError(`cannot write ${outPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { hint: 'check the directory exists and is writable' });
      }
      io.stderr.write(`report written to ${outPath}\n`);
    }
    return 0;
  },
};
