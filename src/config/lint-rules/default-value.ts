/**
 * Settings that equal PowerMTA's documented default and override nothing: the line changes nothing.
 * For <domain> settings "override nothing" means every block merged before it (for the same queues)
 * leaves the directive at its default too.
 */
import type { Finding, LintRule } from '../lint-finding.js';
import type { ModelBlock, Setting } from '../config-model.js';
import { lastSetting } from '../config-model.js';
import { directiveSpec } from '../directives.js';
import { domainRepresentatives } from '../domain-representatives.js';
import { domainChain } from '../resolve-effective.js';
import { normalizeValue } from '../value-types.js';
import { baseSource, blockPath, finding } from './rule-helpers.js';
import type { DomainEntry } from '../config-index.js';

export const defaultValue: LintRule = {
  id: 'default-value',
  summary: "setting equal to PowerMTA's documented default that overrides nothing",
  check: ({ config, index }) => {
    const out: Finding[] = [];
    const report = (s: Setting, block: ModelBlock, def: string): void => {
      out.push(finding('default-value', 'info', s.loc, `${s.name} ${s.raw} in ${blockPath(block)} is PowerMTA's default (${def === '' ? '""' : def}) and overrides nothing`, 'remove the line (or keep it as documentation)'));
    };
    const equalsDefault = (s: Setting): string | null => {
      const spec = directiveSpec(s.name);
      if (!spec || spec.default === null || spec.defaultFrom || spec.repeatable) return null;
      return normalizeValue(spec.type, s.value) === normalizeValue(spec.type, spec.default) ? spec.default : null;
    };
    const finalSettings = (block: ModelBlock): Setting[] => block.settings.filter((s) => lastSetting(block, s.name) === s);

    for (const s of finalSettings(config.root)) {
      const def = equalsDefault(s);
      if (def !== null && directiveSpec(s.name)?.scopes.includes('global')) report(s, config.root, def);
    }
    const base = baseSource(index.sources);
    if (base) for (const s of finalSettings(base)) {
      const def = equalsDefault(s);
      if (def !== null) report(s, base, def);
    }
    for (const f of index.acctFiles) for (const s of finalSettings(f.block)) {
      const def = equalsDefault(s);
      if (def !== null) report(s, f.block, def);
    }
    for (const entry of index.allDomains) {
      for (const s of finalSettings(entry.block)) {
        const def = equalsDefault(s);
        if (def === null || !inheritsDefault(config, index.macros, entry, s)) continue;
        report(s, entry.block, def);
      }
    }
    return out;
  },
};

/** Whether every block merged before `entry` leaves `s.name` unset, for each queue the block covers. */
function inheritsDefault(config: Parameters<typeof domainChain>[0], macros: Parameters<typeof domainRepresentatives>[1], entry: DomainEntry, s: Setting): boolean {
  const vmta = entry.layer.kind === 'global' ? null : entry.layer.name;
  const reps = domainRepresentatives(entry.block.arg, macros);
  if (reps.length === 0) return false;
  return reps.every((domain) => {
    const chain = domainChain(config, { domain, virtualMta: vmta });
    const at = chain.indexOf(entry);
    if (at < 0) return false;
    return chain.slice(0, at).every((e) => lastSetting(e.block, s.name) === undefined);
  });
}
