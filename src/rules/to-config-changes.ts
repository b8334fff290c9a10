/** Recommendations → ConfigChange (what the diff exporter applies), in the recommendations' order. */
import type { ConfigChange } from '../domain/config-change.js';
import type { Recommendation } from '../domain/report.js';

export function toConfigChanges(recs: readonly Recommendation[]): ConfigChange[] {
  return recs.map((r): ConfigChange => {
    const comment = `${r.reason} (confidence ${r.confidence.toFixed(2)})`;
    if (r.directive === 'smtp-pattern-list' && r.regex !== undefined && r.actions !== undefined) {
      return { kind: 'pattern-reply', list: r.patternList ?? null, regex: r.regex, actions: r.actions, comment };
    }
    return { kind: 'set', directive: r.directive, domain: r.scope.domain, virtualMta: r.scope.virtualMta, value: r.suggested, comment };
  });
}
