/** `<virtual-mta vmta-14> <domain $yahoo>` / `<domain gmail.com>` / `<smtp-pattern-list x>`. */
import type { Recommendation } from '../domain/report.js';

export function scopeLabel(r: Recommendation): string {
  if (r.directive === 'smtp-pattern-list') return r.patternList ? `<smtp-pattern-list ${r.patternList}> (${r.scope.domain})` : `new smtp-pattern-list for <domain ${r.scope.domain}>`;
  const domain = `<domain ${r.scope.domain}>`;
  return r.scope.virtualMta === null ? domain : `<virtual-mta ${r.scope.virtualMta}> ${domain}`;
}

export function currentLabel(r: Recommendation): string {
  if (r.directive === 'smtp-pattern-list') return r.current === null ? 'not matched' : `matched by ${r.current}`;
  if (r.current === null) return '?';
  return r.currentSource === 'default' ? `${r.current} (default)` : r.current;
}
