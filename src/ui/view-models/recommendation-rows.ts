/**
 * Selector: snapshot + filter → the recommendations pane's rows, most confident first (ties by id so
 * the order never flickers between refreshes).
 */
import type { Recommendation } from '../../domain/report.js';
import type { DashboardSnapshot } from '../dashboard-snapshot.js';
import { cleanText } from '../format/clean-text.js';
import { filterTerms, matchesFilter } from './filter-match.js';

export interface RecommendationRow {
  readonly id: string;
  /** `vmta-14 / $yahoo`, or the domain alone when the change is for all virtual MTAs. */
  readonly scope: string;
  readonly directive: string;
  /** `unlimited → 350/h`. */
  readonly change: string;
  /** `0.91`. */
  readonly confidence: string;
  readonly recommendation: Recommendation;
}

export function scopeLabel(rec: Recommendation): string {
  const domain = cleanText(rec.scope.domain, { maxLength: 60 });
  return rec.scope.virtualMta === null ? domain : `${cleanText(rec.scope.virtualMta, { maxLength: 40 })} / ${domain}`;
}

export function changeLabel(rec: Recommendation): string {
  const current = rec.current === null ? '?' : cleanText(rec.current, { maxLength: 40 });
  return `${current} → ${cleanText(rec.suggested, { maxLength: 60 })}`;
}

export function buildRecommendationRow(rec: Recommendation): RecommendationRow {
  return {
    id: rec.id,
    scope: scopeLabel(rec),
    directive: cleanText(rec.directive, { maxLength: 40 }),
    change: changeLabel(rec),
    confidence: Number.isFinite(rec.confidence) ? rec.confidence.toFixed(2) : '–',
    recommendation: rec,
  };
}

export function selectRecommendationRows(snapshot: DashboardSnapshot | null, filter: string): RecommendationRow[] {
  if (snapshot === null) return [];
  const terms = filterTerms(filter);
  return snapshot.report.recommendations
    .filter((r) => matchesFilter([r.scope.domain, r.scope.virtualMta ?? '', r.directive], terms))
    .sort((a, b) => b.confidence - a.confidence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(buildRecommendationRow);
}
