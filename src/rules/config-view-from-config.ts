/** A ConfigView over a config loaded by src/config (effective settings by PowerMTA's merge rules). */
import type { Config } from '../config/config-model.js';
import { domainMacros, listVirtualMtas, patternListFor } from '../config/config-queries.js';
import { matchReply } from '../config/pattern-lists.js';
import { effectiveValue } from '../config/resolve-effective.js';
import type { ConfigView, CurrentValue } from './config-view.js';

export function configViewOf(config: Config): ConfigView {
  const macros = new Map<string, readonly string[]>();
  for (const [name, m] of domainMacros(config)) macros.set(name, m.expanded.map((d) => d.toLowerCase()));
  const vmtas = listVirtualMtas(config);
  const vmtaIps = new Map<string, readonly string[]>(vmtas.map((v) => [v.name, v.sourceHosts.map((h) => h.ip)]));
  const cold = new Map<string, string>();
  for (const v of vmtas) {
    for (const block of v.blocks) {
      for (const s of block.settings) {
        if (s.name === 'cold-virtual-mta' && !cold.has(s.value)) cold.set(s.value, v.name);
      }
    }
  }
  return {
    fromConfig: true,
    current(directive, domain, virtualMta): CurrentValue | null {
      const eff = effectiveValue(config, firstDomain(domain, macros), virtualMta, directive);
      if (!eff) return null;
      return eff.source === 'default'
        ? { value: eff.value, source: 'default' }
        : { value: eff.value, source: 'config', where: `${eff.source.file}:${eff.source.line}` };
    },
    macros,
    patternList(domain, virtualMta) {
      const applied = patternListFor(config, firstDomain(domain, macros), virtualMta);
      if (!applied) return null;
      const list = applied.list;
      return {
        name: applied.name,
        matching(text) {
          const reply = list ? matchReply(list, text) : null;
          return reply ? `/${reply.regex}/ ${reply.actions.join(',')}` : null;
        },
      };
    },
    warmVmtaFor: (coldVmta) => cold.get(coldVmta) ?? null,
    vmtaIps,
  };
}

/** A macro scope (`$yahoo`) is looked up through its first domain. */
function firstDomain(domain: string, macros: ReadonlyMap<string, readonly string[]>): string {
  if (!domain.startsWith('$')) return domain;
  return macros.get(domain.slice(1))?.[0] ?? '*';
}
