/** The same setting copied into many <domain> blocks of one layer: it belongs in that layer's <domain *>. */
import type { Finding, LintRule } from '../lint-finding.js';
import type { DomainEntry } from '../config-index.js';
import { lastSetting } from '../config-model.js';
import { directiveSpec } from '../directives.js';
import { normalizeValue } from '../value-types.js';
import { finding } from './rule-helpers.js';

/** Blocks that must repeat a setting before it is reported. */
export const REPEAT_THRESHOLD = 5;

export const repeatedDomainSettings: LintRule = {
  id: 'repeated-domain-settings',
  summary: `same setting repeated in ${REPEAT_THRESHOLD} or more <domain> blocks: it belongs in <domain *>`,
  check: ({ index }) => {
    const out: Finding[] = [];
    const layers = new Map<string, DomainEntry[]>();
    for (const e of index.allDomains) {
      const key = e.layer.kind === 'global' ? '' : `${e.layer.kind}:${e.layer.name}`;
      layers.set(key, [...(layers.get(key) ?? []), e]);
    }
    for (const entries of layers.values()) {
      const star = entries.find((e) => e.block.arg.trim() === '*');
      const groups = new Map<string, { name: string; value: string; entries: DomainEntry[] }>();
      for (const e of entries) {
        if (e === star) continue;
        for (const s of e.block.settings) {
          const spec = directiveSpec(s.name);
          if (!spec || spec.repeatable || s.name === 'include') continue;
          if (lastSetting(e.block, s.name) !== s) continue;
          const key = `${s.name}=${normalizeValue(spec.type, s.value)}`;
          const g = groups.get(key) ?? { name: s.name, value: s.value, entries: [] };
          g.entries.push(e);
          groups.set(key, g);
        }
      }
      for (const g of groups.values()) {
        if (g.entries.length < REPEAT_THRESHOLD) continue;
        const first = lastSetting((g.entries[0] as DomainEntry).block, g.name);
        if (!first) continue;
        const starValue = star ? lastSetting(star.block, g.name)?.value : undefined;
        const caveat = starValue !== undefined ? ` (<domain *> sets ${starValue} today: moving it changes every other domain too)` : '';
        out.push(finding('repeated-domain-settings', 'info', first.loc, `${g.name} ${g.value} is repeated in ${g.entries.length} <domain> blocks of ${layerLabel((g.entries[0] as DomainEntry))} (lines ${g.entries.map((e) => lastSetting(e.block, g.name)?.loc.line).join(', ')})`, `set it once in <domain *> and remove the copies${caveat}`));
      }
    }
    return out;
  },
};

function layerLabel(entry: DomainEntry): string {
  return entry.layer.kind === 'global' ? 'the global level' : `<${entry.layer.kind} ${entry.layer.name}>`;
}
