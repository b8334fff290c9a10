/**
 * The text report for a terminal: header, NEEDS ATTENTION, pairs, RECOMMENDATIONS (most confident
 * first), WARM-UP, INVALID DOMAINS. Colour only when asked (the command decides with useColor).
 * Remote text is sanitised again here (it may come from a JSON file someone else wrote).
 */
import type { PairReport, ReportJson } from '../domain/report.js';
import { sanitizeText } from '../domain/sanitize-text.js';
import { attentionDetail, needsAttention } from './attention.js';
import { currentLabel, scopeLabel } from './scope-label.js';
import { fmtInt, fmtInterval, fmtLimit, fmtPct, fmtTime, table } from './text-format.js';

interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  status(s: PairReport['status'], text: string): string;
}

function paint(color: boolean): Paint {
  const wrap = (code: string) => (s: string): string => (color ? `\u001B[${code}m${s}\u001B[0m` : s);
  const red = wrap('31');
  const yellow = wrap('33');
  const green = wrap('32');
  return {
    bold: wrap('1'),
    dim: wrap('2'),
    status: (s, text) => (s === 'blocked' || s === 'paused' ? red(text) : s === 'throttled' ? yellow(text) : s === 'ok' ? green(text) : text),
  };
}

export interface TextOptions {
  readonly color?: boolean;
  /** Warm-up days shown as columns (the JSON has all 14). */
  readonly warmupDays?: number;
}

export function renderText(r: ReportJson, options: TextOptions = {}): string {
  const p = paint(options.color === true);
  const out: string[] = [];
  const i = r.input;
  out.push(p.bold(`pmta-advisor report · ${fmtInt(i.files)} files · ${fmtInt(i.records)} records (${fmtInt(i.malformed)} malformed) · ${fmtTime(i.from)} → ${fmtTime(i.to)} UTC`));
  out.push(p.dim(r.window?.config ? `config: ${r.window.config}` : 'no --config: "current" values are PowerMTA defaults'));
  out.push('');
  out.push(p.bold('NEEDS ATTENTION'));
  const attention = needsAttention(r.pairs);
  if (attention.length === 0) out.push('  nothing: no pair was throttled, paused or blocked in the period');
  const ispWidth = Math.max(10, ...attention.map((a) => a.isp.length));
  const ipWidth = Math.max(15, ...attention.map((a) => a.sourceIp.length));
  const vmtaWidth = Math.max(10, ...attention.map((a) => (a.vmta ?? '–').length));
  const indent = ' '.repeat(ispWidth);
  for (const a of attention) {
    const top = a.topResponses.find((t) => t.class === a.binding || (a.binding === 'rate' && t.class === 'reputation')) ?? a.topResponses[0];
    out.push(`  ${a.isp.padEnd(ispWidth)} ${a.sourceIp.padEnd(ipWidth)} ${(a.vmta ?? '–').padEnd(vmtaWidth)} accept ${fmtPct(a.acceptanceRate)} ${fmtInterval(a.acceptanceInterval)}  binding: ${p.status(a.status, a.binding)}`);
    const detail = attentionDetail(a);
    if (detail !== '') out.push(`  ${indent} ${detail}`);
    if (top) out.push(p.dim(`  ${indent} ×${fmtInt(top.count)} ${sanitizeText(top.text, { maxLength: 90 })}`));
  }
  out.push('');
  out.push(p.bold('PAIRS'));
  if (r.pairs.length === 0) out.push('  no deliveries, deferrals or bounces in the period');
  else {
    const rows = r.pairs.map((x) => [
      x.isp,
      x.sourceIp || '(unknown)',
      x.vmta ?? '–',
      fmtInt(x.attempts),
      x.status === 'insufficient-data' && x.ipAttempts !== undefined && x.ipAttempts < 100 ? 'insufficient' : fmtPct(x.acceptanceRate),
      fmtInterval(x.acceptanceInterval),
      fmtInt(x.deferred + (x.queueFailures ?? 0)),
      fmtLimit(x.maxHourlyRate),
      x.binding === 'none' ? '–' : x.binding,
      x.status,
    ]);
    const lines = table([['provider', 'IP', 'vmta', 'attempts', 'accept', '95% int.', 'deferred', 'limit/h (est)', 'binds', 'status'], ...rows], ['left', 'left', 'left', 'right', 'right', 'left', 'right', 'left', 'left', 'left']);
    out.push(p.dim(lines[0]!));
    lines.slice(1).forEach((l, k) => out.push(p.status(r.pairs[k]!.status, l)));
  }
  out.push('');
  out.push(p.bold('RECOMMENDATIONS') + p.dim('  (most confident first; current → suggested, confidence)'));
  if (r.recommendations.length === 0) out.push('  none: nothing clears the evidence floor, or nothing needs changing');
  for (const rec of r.recommendations) {
    const what = rec.directive === 'smtp-pattern-list' ? rec.suggested : `${rec.directive}  ${currentLabel(rec)} → ${rec.suggested}`;
    out.push(`  ${scopeLabel(rec)}  ${what}  ${p.bold(rec.confidence.toFixed(2))}`);
    out.push(p.dim(`      ${sanitizeText(rec.reason, { maxLength: 200 })}`));
    const top = (rec.evidence['topResponses'] as { text: string; count: number }[] | undefined)?.[0];
    if (top && typeof top.text === 'string') out.push(p.dim(`      top response ×${fmtInt(top.count)}: ${sanitizeText(top.text, { maxLength: 110 })}`));
  }
  out.push('');
  const nDays = options.warmupDays ?? 3;
  out.push(p.bold('WARM-UP') + p.dim(`  (young IPs: messages per day, next ${nDays} of 14 days; per-hour rate in the JSON)`));
  if (r.warmup.length === 0) out.push('  no young IP in the period');
  else {
    const first = r.warmup[0]!.days.slice(0, nDays);
    const head = ['IP', 'provider', 'vmta', ...first.map((d) => `day ${d.day}`), 'basis'];
    const rows = r.warmup.map((w) => [
      w.sourceIp,
      w.isp,
      w.vmta ?? '–',
      ...w.days.slice(0, nDays).map((d) => fmtInt(d.maxMessages)),
      w.basis ? `${w.basis.decision}: ${fmtInt(w.basis.delivered)} accepted ${w.basis.date} (${fmtPct(w.basis.acceptanceRate)}), ×${w.basis.growth.toFixed(2)}/day` : '',
    ]);
    const lines = table([head, ...rows], ['left', 'left', 'left', ...first.map((): 'right' => 'right'), 'left']);
    out.push(p.dim(lines[0]!), ...lines.slice(1));
  }
  out.push('');
  out.push(p.bold('INVALID DOMAINS'));
  if (r.invalidDomains.length === 0) out.push('  none found');
  else out.push(...table(r.invalidDomains.map((d) => [sanitizeText(d.domain), fmtInt(d.attempts), sanitizeText(d.reason)]), ['left', 'right', 'left']));
  out.push('');
  return out.join('\n');
}
