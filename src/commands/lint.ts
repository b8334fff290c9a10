/** `pmta-advisor lint FILE`: PowerMTA config hygiene, one finding per problem with its fix. */
import { isAbsolute, relative } from 'node:path';
import { ANSI_COLORS, NO_COLORS, countFindings, renderFindingsText } from '../config/format-findings.js';
import { lintConfig } from '../config/lint-config.js';
import type { Severity } from '../config/lint-finding.js';
import { SEVERITY_ORDER } from '../config/lint-finding.js';
import { LINT_RULES } from '../config/lint-rules/index.js';
import { loadConfigFile } from '../config/load-config-io.js';
import { UserError } from '../domain/user-error.js';
import { type Command, useColor } from './command.js';

const ruleList = LINT_RULES.map((r) => `  ${r.id.padEnd(26)} ${r.summary}`).join('\n');

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check a PowerMTA config for mistakes, open relays, invisible throttling and dead settings',
  help: `Usage: pmta-advisor lint FILE [--format text|json] [--min-severity error|warning|info]

Reads a PowerMTA config (following its include lines, wildcards included) and reports problems, each
with file:line, severity, rule and the fix. Syntax problems (unclosed blocks, stray tags, missing
include files) are reported too; reading never stops at the first one. The file is never changed.

Options:
  --format text|json         output format (default: text)
  --min-severity LEVEL       hide findings below LEVEL: error, warning or info (default: info)
  -h, --help                 show this help

Rules:
${ruleList}
  syntax/*                   the file cannot be read as PowerMTA reads it

Exit codes: 0 no errors (warnings and info allowed), 1 errors found or the file cannot be read,
2 usage error.

Examples:
  pmta-advisor lint /etc/pmta/config
  pmta-advisor lint /etc/pmta/config --min-severity warning
  pmta-advisor lint config --format json | jq '.findings[] | select(.rule == "open-relay")'

See docs/config.md for every rule with an example.
`,
  options: {
    format: { type: 'string', default: 'text' },
    'min-severity': { type: 'string', default: 'info' },
  },
  async run({ io, values, positionals }) {
    const format = String(values['format']);
    if (format !== 'text' && format !== 'json') throw new UserError(`--format must be text or json, not "${format}"`, { exitCode: 2 });
    const min = String(values['min-severity']);
    if (!(min in SEVERITY_ORDER)) throw new UserError(`--min-severity must be error, warning or info, not "${min}"`, { exitCode: 2 });
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UserError('no config file given', { hint: "pass the path of your PowerMTA config, e.g. 'pmta-advisor lint /etc/pmta/config'", exitCode: 2 });
    if (extra.length > 0) throw new UserError(`lint takes one config file, got ${positionals.length}`, { hint: 'included files are read through the include lines of the main config', exitCode: 2 });

    const config = loadConfigFile(file, io.cwd);
    const all = lintConfig(config);
    const shown = all.filter((f) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[min as Severity]);
    const display = (p: string): string => {
      if (isAbsolute(file)) return p;
      const rel = relative(io.cwd, p);
      return rel.startsWith('..') ? p : rel;
    };
    if (format === 'json') {
      const findings = shown.map((f) => ({ ...f, file: display(f.file) }));
      io.stdout.write(`${JSON.stringify({ config: display(config.rootPath), files: [...config.files.keys()].map(display), counts: countFindings(all), findings }, null, 2)}\n`);
    } else {
      io.stdout.write(renderFindingsText(shown, display, useColor(io) ? ANSI_COLORS : NO_COLORS));
    }
    return countFindings(all).error > 0 ? 1 : 0;
  },
};
