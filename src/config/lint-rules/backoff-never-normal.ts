/** Queues that enter backoff on a pattern but have no way back to normal mode. */
import type { Finding, LintRule } from '../lint-finding.js';
import type { DomainEntry } from '../config-index.js';
import { lastSetting } from '../config-model.js';
import { domainRepresentatives } from '../domain-representatives.js';
import { effectiveValue } from '../resolve-effective.js';
import { parseBool } from '../value-types.js';
import { blockPath, finding } from './rule-helpers.js';

export function layerVmta(entry: DomainEntry): string | null {
  return entry.layer.kind === 'global' ? null : entry.layer.name;
}

export const backoffNeverNormal: LintRule = {
  id: 'backoff-never-normal',
  summary: 'mode=backoff patterns but no backoff-to-normal-after(-delivery) or mode=normal: backoff never ends',
  check: ({ config, index }) => {
    const out: Finding[] = [];
    for (const entry of index.allDomains) {
      const s = lastSetting(entry.block, 'smtp-pattern-list');
      const list = s ? index.patternLists.get(s.value.toLowerCase()) : undefined;
      if (!s || !list) continue;
      const backoff = list.replies.filter((r) => r.actions.includes('mode=backoff'));
      if (backoff.length === 0 || list.replies.some((r) => r.actions.includes('mode=normal'))) continue;
      if (backoff.every((r) => r.actions.some((a) => a.startsWith('backoff-to-normal-after=')))) continue;
      const vmta = layerVmta(entry);
      const stuck = domainRepresentatives(entry.block.arg, index.macros).some((d) => {
        const after = effectiveValue(config, d, vmta, 'backoff-to-normal-after')?.value.toLowerCase() ?? 'never';
        const delivery = parseBool(effectiveValue(config, d, vmta, 'backoff-to-normal-after-delivery')?.value ?? 'false');
        return after === 'never' && delivery !== true;
      });
      if (!stuck) continue;
      out.push(finding('backoff-never-normal', 'warning', s.loc, `queues of ${blockPath(entry.block)} enter backoff on ${backoff.length} patterns of smtp-pattern-list ${list.name} but never return to normal: no backoff-to-normal-after, backoff-to-normal-after-delivery or mode=normal pattern`, `add backoff-to-normal-after 1h (or backoff-to-normal-after-delivery yes) next to smtp-pattern-list ${list.name}`));
    }
    return out;
  },
};
