/**
 * Selector: today's warm-up progress per new IP and provider: accepted so far against today's planned
 * cap, as a bar. Sorted by IP, then provider.
 */
import type { DashboardSnapshot } from '../dashboard-snapshot.js';
import { cleanText } from '../format/clean-text.js';
import { compareIp, compareText } from './compare-values.js';
import { filterTerms, matchesFilter } from './filter-match.js';

export interface WarmupRow {
  readonly key: string;
  readonly sourceIp: string;
  readonly isp: string;
  readonly day: number | null;
  readonly accepted: number;
  readonly cap: number | null;
  /** accepted / cap, or null without a plan for today. */
  readonly fraction: number | null;
}

export function selectWarmupRows(snapshot: DashboardSnapshot | null, filter: string): WarmupRow[] {
  if (snapshot === null) return [];
  const terms = filterTerms(filter);
  return snapshot.warmupProgress
    .map((w) => ({
      key: `${w.sourceIp}|${w.isp}`,
      sourceIp: cleanText(w.sourceIp, { maxLength: 45 }),
      isp: cleanText(w.isp, { maxLength: 40 }),
      day: w.day,
      accepted: w.acceptedToday,
      cap: w.capToday,
      fraction: w.capToday !== null && w.capToday > 0 ? w.acceptedToday / w.capToday : null,
    }))
    .filter((w) => matchesFilter([w.sourceIp, w.isp], terms))
    .sort((a, b) => compareIp(a.sourceIp, b.sourceIp) || compareText(a.isp, b.isp));
}

/** `███████░░░` for a fraction of a plan (over 100% fills the bar). */
export function progressBar(fraction: number, width: number): string {
  const w = Math.max(1, width);
  const filled = Math.min(w, Math.max(0, Math.round(fraction * w)));
  return '█'.repeat(filled) + '░'.repeat(w - filled);
}
