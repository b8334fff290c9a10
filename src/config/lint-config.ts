/**
 * `lintConfig(config) → Finding[]`: every rule of lint-rules/ plus the problems found while reading
 * (syntax, includes, macros), sorted by file (main config first, then in include order), line, column.
 * Pure: the same config gives the same findings.
 */
import type { Config } from './config-model.js';
import { configIndex } from './config-index.js';
import type { ConfigIssue } from './config-issue.js';
import type { Finding } from './lint-finding.js';
import { LINT_RULES } from './lint-rules/index.js';

const ISSUE_FIX: Readonly<Record<ConfigIssue['code'], string>> = {
  'unclosed-block': 'add the closing tag',
  'stray-close-tag': 'remove the closing tag or add the opening one',
  'bad-tag': 'write the tag alone on its line as <name argument>',
  'unterminated-quote': 'close the quote, or escape a literal quote as \\"',
  'include-not-found': 'fix the path (relative paths are relative to the including file)',
  'include-cycle': 'remove the include that loops back',
  'macro-loop': 'break the loop between the domain-macro definitions',
  'undefined-macro': 'define the domain-macro or fix its name',
};

export function lintConfig(config: Config): Finding[] {
  const index = configIndex(config);
  const findings: Finding[] = [...config.issues, ...index.issues].map((i) => ({
    file: i.file,
    line: i.line,
    column: i.column,
    severity: i.severity,
    rule: i.code === 'undefined-macro' || i.code === 'macro-loop' ? i.code : `syntax/${i.code}`,
    message: i.message,
    fix: ISSUE_FIX[i.code],
  }));
  for (const rule of LINT_RULES) findings.push(...rule.check({ config, index }));
  const fileOrder = new Map([...config.files.keys()].map((p, i) => [p, i]));
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.file}:${f.line}:${f.column}:${f.rule}:${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (fileOrder.get(a.file) ?? 1e9) - (fileOrder.get(b.file) ?? 1e9) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
