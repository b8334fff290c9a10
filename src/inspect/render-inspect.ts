/** Text rendering of `inspect` (the JSON is InspectJson as is). */
import { RECORD_TYPES } from '../domain/accounting-record.js';
import type { InspectJson } from './build-inspect.js';

export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly warn: (s: string) => string;
}

export const PLAIN: Style = { bold: (s) => s, dim: (s) => s, warn: (s) => s };
export const ANSI: Style = {
  bold: (s) => `\u001B[1m${s}\u001B[22m`,
  dim: (s) => `\u001B[2m${s}\u001B[22m`,
  warn: (s) => `\u001B[33m${s}\u001B[39m`,
};

const n = (x: number): string => x.toLocaleString('en-US');
const pct = (a: number, b: number): string => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);

export function renderInspectText(r: InspectJson, style: Style = PLAIN): string {
  const lines: string[] = [];
  lines.push(style.bold(`pmta-advisor inspect · ${r.files.length} file(s) · ${n(r.records)} records (${n(r.malformed.total)} malformed) · ${r.from ?? '–'} → ${r.to ?? '–'}`));
  lines.push('');
  lines.push(style.bold('RECORDS BY TYPE'));
  lines.push(`  ${RECORD_TYPES.filter((t) => (r.recordsByType[t] ?? 0) > 0).map((t) => `${t} ${n(r.recordsByType[t] ?? 0)}`).join(' · ') || 'none'}`);
  if (r.malformed.total > 0) {
    lines.push('');
    lines.push(style.bold('MALFORMED'));
    for (const [reason, count] of Object.entries(r.malformed.byReason)) {
      const where = r.malformed.examples
        .filter((e) => e.reason === reason)
        .map((e) => `${e.file}:${e.line !== undefined ? `${e.line}` : `@${e.offset}`}`)
        .join(', ');
      lines.push(`  ${reason.padEnd(20)} ${n(count ?? 0).padStart(9)}   ${style.dim(where)}`);
    }
  }
  lines.push('');
  lines.push(style.bold('PROVIDERS') + style.dim('   attempts  delivered  accept   deferred  bounced  tq     IPs  domains'));
  for (const p of r.providers) {
    lines.push(
      `  ${p.provider.padEnd(12)}${n(p.attempts).padStart(10)} ${n(p.delivered).padStart(10)}  ${pct(p.delivered, p.attempts).padStart(6)} ${n(p.deferred).padStart(9)} ${n(p.bounced).padStart(8)} ${n(p.queueFailures).padStart(6)} ${String(p.sourceIps).padStart(5)} ${String(p.domains).padStart(8)}`,
    );
  }
  lines.push('');
  lines.push(style.bold('SENDING IPS'));
  for (const ip of r.sourceIps.slice(0, 20)) lines.push(`  ${ip.sourceIp.padEnd(40)} ${ip.vmtas.join(',').padEnd(24)} ${n(ip.attempts).padStart(10)} attempts`);
  if (r.sourceIps.length > 20) lines.push(style.dim(`  … ${r.sourceIps.length - 20} more (use --format json for all)`));
  const withDeferrals = r.providers.filter((p) => p.topResponses.length > 0);
  if (withDeferrals.length > 0) {
    lines.push('');
    lines.push(style.bold('TOP DEFERRALS'));
    for (const p of withDeferrals) {
      const classes = Object.entries(p.deferralsByClass)
        .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
        .map(([c, k]) => `${c} ${n(k ?? 0)}`)
        .join(' · ');
      lines.push(`  ${p.provider}: ${classes}`);
      for (const resp of p.topResponses) lines.push(`    ${n(resp.count).padStart(8)} × ${resp.recordType.padEnd(2)} ${resp.class.padEnd(14)} ${resp.text.slice(0, 110)}`);
    }
  }
  if (r.warnings.length > 0) {
    lines.push('');
    for (const w of r.warnings) lines.push(style.warn(`warning: ${w.message}`));
  }
  return `${lines.join('\n')}\n`;
}
