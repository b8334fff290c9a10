/** Renders lint findings as aligned text lines (optionally coloured) or as JSON. */
import { sanitizeText } from '../domain/sanitize-text.js';
import type { Finding, Severity } from './lint-finding.js';

export interface FindingColors {
  readonly error: (s: string) => string;
  readonly warning: (s: string) => string;
  readonly info: (s: string) => string;
  readonly dim: (s: string) => string;
}

export const NO_COLORS: FindingColors = { error: (s) => s, warning: (s) => s, info: (s) => s, dim: (s) => s };
export const ANSI_COLORS: FindingColors = {
  error: (s) => `\u001B[31m${s}\u001B[39m`,
  warning: (s) => `\u001B[33m${s}\u001B[39m`,
  info: (s) => `\u001B[36m${s}\u001B[39m`,
  dim: (s) => `\u001B[2m${s}\u001B[22m`,
};

export type FindingCounts = Readonly<Record<Severity, number>>;

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * `FILE:LINE  severity  message  [rule]` with the fix on the next line, then a summary line.
 * `displayPath` turns absolute paths into what the user typed.
 */
export function renderFindingsText(findings: readonly Finding[], displayPath: (p: string) => string, colors: FindingColors = NO_COLORS): string {
  const locs = findings.map((f) => `${sanitizeText(displayPath(f.file))}:${f.line}`);
  const width = Math.max(0, ...locs.map((l) => l.length));
  const lines: string[] = [];
  findings.forEach((f, i) => {
    const sev = colors[f.severity](f.severity.padEnd(8));
    lines.push(`${(locs[i] ?? '').padEnd(width)}   ${sev} ${sanitizeText(f.message)}  ${colors.dim(`[${f.rule}]`)}`);
    lines.push(`${' '.repeat(width + 3 + 9)}${colors.dim('fix:')} ${sanitizeText(f.fix)}`);
  });
  const c = countFindings(findings);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(findings.length === 0 ? 'no problems found' : `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`);
  return `${lines.join('\n')}\n`;
}
