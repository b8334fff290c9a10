/**
 * Selector: the evidence overlay for the selected row. For a recommendation: the change in PowerMTA's
 * words, confidence, reason and every evidence field; for a pair: its counts, interval, limit, episodes
 * and top responses with counts and times. Remote text is sanitised and wrapped to the width.
 */
import type { PairReport, Recommendation } from '../../domain/report.js';
import { cleanText, codePointLength } from '../format/clean-text.js';
import { fitText } from '../format/fit-text.js';
import { formatDuration, formatStamp, toEpochMs } from '../format/format-clock.js';
import { formatCount, formatPercent, formatPercentInterval } from '../format/format-number.js';
import { wrapLines } from '../format/wrap-lines.js';
import { flattenEvidence, formatResponse } from './evidence-values.js';
import type { EvidenceContext } from './evidence-values.js';
import { line } from './line-view.js';
import type { LineView } from './line-view.js';
import type { PairRow } from './pair-rows.js';
import { statusLabels, statusTone } from './pair-status.js';
import { bindingTexts, limitTexts } from './table-columns.js';

export interface EvidenceView {
  readonly title: LineView;
  readonly lines: readonly LineView[];
}

/** Long responses get at most this many wrapped lines each. */
const MAX_RESPONSE_LINES = 3;

type Entry = { readonly kind: 'field'; readonly label: string; readonly value: string } | { readonly kind: 'line'; readonly line: LineView };

/** Lay out `label  value` fields with one label width (the longest label, at most 24), values wrapped under themselves. */
function renderEntries(entries: readonly Entry[], width: number): LineView[] {
  const labelWidth = Math.min(24, Math.max(8, ...entries.map((e) => (e.kind === 'field' ? codePointLength(e.label) : 0)))) + 1;
  const indent = 2 + labelWidth;
  const out: LineView[] = [];
  for (const e of entries) {
    if (e.kind === 'line') {
      out.push(e.line);
      continue;
    }
    wrapLines(e.value, Math.max(10, width - indent), 6).forEach((text, i) =>
      out.push(line(`${i === 0 ? `  ${fitText(e.label, labelWidth)}` : ' '.repeat(indent)}${text}`)),
    );
  }
  return out;
}

const fieldEntry = (label: string, value: string): Entry => ({ kind: 'field', label, value });
const lineEntries = (lines: readonly LineView[]): Entry[] => lines.map((l) => ({ kind: 'line', line: l }));

/** A response line: `×8,412  rate  14:10–14:32  421 …`, continued lines indented. */
function responseLines(text: string, width: number): LineView[] {
  const indent = 4;
  return wrapLines(text, Math.max(10, width - indent), MAX_RESPONSE_LINES).map((t, i) => line(`${' '.repeat(i === 0 ? indent : indent + 2)}${t}`));
}

function scopeInPowerMtaWords(rec: Recommendation): string {
  const domain = `<domain ${cleanText(rec.scope.domain, { maxLength: 60 })}>`;
  return rec.scope.virtualMta === null ? domain : `<virtual-mta ${cleanText(rec.scope.virtualMta, { maxLength: 40 })}> ${domain}`;
}

const SOURCE_WORDS: Readonly<Record<Recommendation['currentSource'], string>> = {
  config: 'from your config',
  default: "PowerMTA's default",
  unknown: 'not known: run with --config',
};

export function recommendationEvidence(rec: Recommendation, width: number, ctx: EvidenceContext): EvidenceView {
  const title = line(`evidence · ${scopeInPowerMtaWords(rec)} ${cleanText(rec.directive, { maxLength: 40 })}`, 'accent', { bold: true });
  const current = rec.current === null ? '?' : cleanText(rec.current, { maxLength: 60 });
  const entries: Entry[] = [
    fieldEntry('change', `${current} → ${cleanText(rec.suggested, { maxLength: 60 })}  (current: ${SOURCE_WORDS[rec.currentSource]})`),
    fieldEntry('confidence', Number.isFinite(rec.confidence) ? rec.confidence.toFixed(2) : '–'),
    fieldEntry('reason', cleanText(rec.reason, { maxLength: 600 })),
  ];
  for (const e of flattenEvidence(rec.evidence, ctx)) {
    if (e.responses === undefined) {
      entries.push(fieldEntry(e.label, e.value));
      continue;
    }
    entries.push(...lineEntries([line(`  ${e.label} (${e.value})`, 'plain', { bold: true })]));
    for (const r of e.responses) entries.push(...lineEntries(responseLines(formatResponse(r, ctx), width)));
  }
  return { title, lines: renderEntries(entries, width) };
}

function episodeText(e: PairReport['episodes'][number], ctx: EvidenceContext): string {
  const start = formatStamp(toEpochMs(e.start), ctx.now, ctx.timeZone);
  const end = formatStamp(toEpochMs(e.end), ctx.now, ctx.timeZone);
  return `${start}–${end} ${formatDuration(e.minutes * 60_000)} ${e.class}: ${formatCount(e.attempts)} attempts, ${formatCount(e.delivered)} delivered, ${formatCount(e.deferred)} deferred`;
}

export function pairEvidence(row: PairRow, width: number, ctx: EvidenceContext): EvidenceView {
  const p = row.pair;
  const status = statusLabels(row.status, row.since, ctx.now)[0] ?? row.status;
  const title = line(`evidence · ${row.isp} ${row.sourceIp}${row.vmta === '' ? '' : ` ${row.vmta}`} · ${status}`, statusTone(row.status), { bold: true });
  const byClass = Object.entries(p.deferralsByClass)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([c, n]) => `${c} ${formatCount(n ?? 0)}`)
    .join(' · ');
  const window = `${formatStamp(toEpochMs(p.firstSeen), ctx.now, ctx.timeZone)} → ${formatStamp(toEpochMs(p.lastSeen), ctx.now, ctx.timeZone)}`;
  const entries: Entry[] = [
    fieldEntry('domains', p.domains.map((d) => cleanText(d, { maxLength: 80 })).join(', ') || '–'),
    fieldEntry('window', window),
    fieldEntry('counts', `${formatCount(p.attempts)} attempts, ${formatCount(p.delivered)} delivered, ${formatCount(p.deferred)} deferred, ${formatCount(p.bounced)} bounced`),
    fieldEntry('accept', row.acceptance === null ? '– (no attempts)' : `${formatPercent(row.acceptance)} ${formatPercentInterval(row.acceptanceInterval)}`),
    fieldEntry('limit/h', `${limitTexts(p.maxHourlyRate)[0] ?? '–'}   binds: ${bindingTexts(p.binding)[0] ?? '–'}`),
    fieldEntry('deferrals', byClass === '' ? 'none' : byClass),
  ];
  if (p.episodes.length > 0) {
    entries.push(...lineEntries([line(`  throttle episodes (${p.episodes.length}), newest first`, 'plain', { bold: true })]));
    for (const e of [...p.episodes].reverse()) entries.push(...lineEntries(responseLines(episodeText(e, ctx), width)));
  }
  entries.push(...lineEntries([line(`  top responses (${p.topResponses.length})`, 'plain', { bold: true })]));
  if (p.topResponses.length === 0) entries.push(...lineEntries([line('    none recorded', 'muted')]));
  for (const r of p.topResponses) entries.push(...lineEntries(responseLines(formatResponse(r, ctx), width)));
  return { title, lines: renderEntries(entries, width) };
}

export interface ScrolledLines {
  readonly lines: readonly LineView[];
  /** The offset actually used (clamped). */
  readonly offset: number;
}

/** Lines that fit `height` from `offset`, the last line saying where we are when they do not all fit. */
export function scrollLines(lines: readonly LineView[], height: number, offset: number, hint: string): ScrolledLines {
  const h = Math.max(1, height);
  if (lines.length <= h) return { lines: [...lines], offset: 0 };
  const page = h - 1;
  const start = Math.min(Math.max(0, offset), lines.length - page);
  const end = start + page;
  return {
    lines: [...lines.slice(start, end), line(`  lines ${start + 1}–${end} of ${lines.length} · ${hint}`, 'muted')],
    offset: start,
  };
}

/** The largest useful offset for `count` lines in `height`. */
export function maxScrollOffset(count: number, height: number): number {
  const h = Math.max(1, height);
  return count <= h ? 0 : count - (h - 1);
}
