/** The report as Markdown for a change ticket: the same sections as the text report, as tables. */
import type { ReportJson } from '../domain/report.js';
import { sanitizeMarkdown } from '../domain/sanitize-text.js';
import { attentionDetail, needsAttention } from './attention.js';
import { currentLabel, scopeLabel } from './scope-label.js';
import { fmtInt, fmtInterval, fmtLimit, fmtPct, fmtTime } from './text-format.js';

const md = (s: string, maxLength?: number): string => sanitizeMarkdown(s, maxLength === undefined ? {} : { maxLength });

function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function renderMarkdown(r: ReportJson, options: { readonly warmupDays?: number } = {}): string {
  const out: string[] = [];
  const i = r.input;
  out.push('# pmta-advisor report', '');
  out.push(`${fmtInt(i.files)} files · ${fmtInt(i.records)} records (${fmtInt(i.malformed)} malformed) · ${fmtTime(i.from)} → ${fmtTime(i.to)} UTC · generated ${fmtTime(r.generatedAt)}`);
  out.push('', r.window?.config ? `Config: \`${md(r.window.config)}\`` : 'No config given: current values are PowerMTA defaults.', '');
  out.push('## Needs attention', '');
  const attention = needsAttention(r.pairs);
  if (attention.length === 0) out.push('Nothing: no pair was throttled, paused or blocked in the period.');
  else
    out.push(
      ...mdTable(
        ['provider', 'IP', 'vmta', 'acceptance', 'binding', 'what happened', 'top response'],
        attention.map((a) => {
          const top = a.topResponses[0];
          return [md(a.isp), md(a.sourceIp), md(a.vmta ?? '–'), `${fmtPct(a.acceptanceRate)} ${fmtInterval(a.acceptanceInterval)}`, a.binding, md(attentionDetail(a)), top ? `×${fmtInt(top.count)} ${md(top.text, 120)}` : ''];
        }),
      ),
    );
  out.push('', '## Pairs', '');
  out.push(
    ...mdTable(
      ['provider', 'IP', 'vmta', 'attempts', 'acceptance (95%)', 'deferred', 'limit/h (est)', 'binds', 'status'],
      r.pairs.map((x) => [md(x.isp), md(x.sourceIp || '(unknown)'), md(x.vmta ?? '–'), fmtInt(x.attempts), `${fmtPct(x.acceptanceRate)} ${fmtInterval(x.acceptanceInterval)}`, fmtInt(x.deferred + (x.queueFailures ?? 0)), fmtLimit(x.maxHourlyRate), x.binding, x.status]),
    ),
  );
  out.push('', '## Recommendations', '');
  if (r.recommendations.length === 0) out.push('None: nothing clears the evidence floor, or nothing needs changing.');
  else
    out.push(
      ...mdTable(
        ['scope', 'directive', 'current', 'suggested', 'confidence', 'reason'],
        r.recommendations.map((x) => [md(scopeLabel(x)), md(x.directive), md(currentLabel(x)), `\`${x.suggested.replace(/`/g, "'")}\``, x.confidence.toFixed(2), md(x.reason, 240)]),
      ),
    );
  const nDays = options.warmupDays ?? 7;
  out.push('', '## Warm-up', '');
  if (r.warmup.length === 0) out.push('No young IP in the period.');
  else {
    const first = r.warmup[0]!.days.slice(0, nDays);
    out.push(
      ...mdTable(
        ['IP', 'provider', 'vmta', ...first.map((d) => `day ${d.day} (${d.date})`), 'basis'],
        r.warmup.map((w) => [md(w.sourceIp), md(w.isp), md(w.vmta ?? '–'), ...w.days.slice(0, nDays).map((d) => `${fmtInt(d.maxMessages)} (${fmtInt(d.perHour)}/h)`), w.basis ? md(`${w.basis.decision}, ×${w.basis.growth.toFixed(2)}/day`) : '']),
      ),
    );
  }
  out.push('', '## Invalid domains', '');
  if (r.invalidDomains.length === 0) out.push('None found.');
  else out.push(...mdTable(['domain', 'attempts', 'reason'], r.invalidDomains.map((d) => [md(d.domain), fmtInt(d.attempts), md(d.reason)])));
  out.push('');
  return out.join('\n');
}
