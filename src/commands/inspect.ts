/** `pmta-advisor inspect <paths…>`: what was read from the accounting files. */
import { ingest } from '../ingest/ingest.js';
import { buildInspect } from '../inspect/build-inspect.js';
import { ANSI, PLAIN, renderInspectText } from '../inspect/render-inspect.js';
import { loadProviderModel } from '../providers/load-provider-model-io.js';
import { UserError } from '../domain/user-error.js';
import { type Command, useColor } from './command.js';
import { progressLine } from './progress.js';
import { writeOutput } from './write-output.js';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'what was read: records by type, malformed records, providers, IPs, top deferrals',
  help: `Usage: pmta-advisor inspect <paths…> [--format text|json] [--models DIR] [--out FILE]

Reads PowerMTA accounting files (files, directories or globs; plain or gzip, detected by content) and
says what they hold: records by type, malformed records by reason with their first locations
(file:line), the providers and sending IPs seen, and the top deferral classes and responses per
provider. Warns when there are no transient (t/tq) records, since then throttling is invisible.

Options:
  --format text|json   output format (default: text)
  --out FILE           write the output to FILE instead of stdout
  --models DIR         provider model directory (default: the built-in models/providers)
  -h, --help           show this help

Exit codes: 0 read, 1 bad input (missing path, invalid model), 2 usage error.

Examples:
  pmta-advisor inspect /var/log/pmta/acct/
  pmta-advisor inspect 'acct-2026-11-*.csv' --format json | jq .malformed
`,
  options: {
    format: { type: 'string', default: 'text' },
    out: { type: 'string' },
    models: { type: 'string' },
  },
  async run({ io, values, positionals, signal }) {
    const format = String(values['format']);
    if (format !== 'text' && format !== 'json') {
      throw new UserError(`--format must be text or json, not "${format}"`, { exitCode: 2 });
    }
    if (positionals.length === 0) {
      throw new UserError('no accounting files given', { hint: "pass files, directories or globs, e.g. 'pmta-advisor inspect /var/log/pmta/acct/'", exitCode: 2 });
    }
    const modelsDir = typeof values['models'] === 'string' ? values['models'] : undefined;
    const model = await loadProviderModel(modelsDir);
    const progress = progressLine(io);
    const agg = await ingest(positionals, { model, signal, onProgress: (p) => progress.update(p) });
    progress.done();
    const result = buildInspect(agg);
    const out = typeof values['out'] === 'string' ? values['out'] : undefined;
    const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderInspectText(result, out === undefined && useColor(io) ? ANSI : PLAIN);
    await writeOutput(io, text, out);
    return 0;
  },
};
