/** The `<domain>` names for a provider as a whole: its domains over all its pairs (see scope.ts). */
import { scopeDomains } from './scope.js';
import type { RuleContext } from './types.js';

export function providerScopes(ctx: RuleContext, provider: string): string[] {
  const domains = new Map<string, number>();
  for (const p of ctx.pairs) {
    if (p.series.provider !== provider) continue;
    for (const [d, n] of p.series.domains) domains.set(d, (domains.get(d) ?? 0) + n);
  }
  return scopeDomains(domains, ctx.config.macros).map((s) => s.domain);
}
