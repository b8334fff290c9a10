/** Names that point nowhere: an smtp-pattern-list, virtual MTA, pool or pattern-list that is not defined. */
import type { Finding, LintRule } from '../lint-finding.js';
import { allBlocks, finding } from './rule-helpers.js';

const VMTA_REFS = new Set(['default-virtual-mta', 'backoff-reroute-to-virtual-mta', 'reroute-to-virtual-mta', 'cold-virtual-mta', 'invalid-virtual-mta-fallback', 'virtual-mta']);

export const undefinedReference: LintRule = {
  id: 'undefined-reference',
  summary: 'reference to an smtp-pattern-list, virtual MTA, pool or pattern-list that is not defined; a VMTA in two pools with <domain> blocks',
  check: ({ config, index }) => {
    const out: Finding[] = [];
    const patternLists = new Set(config.root.blocks.filter((b) => b.tag === 'pattern-list').map((b) => b.arg.toLowerCase()));
    for (const block of allBlocks(config)) {
      for (const s of block.settings) {
        const name = s.value.trim().toLowerCase();
        if (name === '') continue;
        if (s.name === 'smtp-pattern-list' && block.tag === 'domain' && !index.patternLists.has(name)) {
          out.push(finding('undefined-reference', 'error', s.loc, `smtp-pattern-list ${s.value}: no <smtp-pattern-list ${s.value}> is defined, so no reply triggers backoff for these queues`, `define <smtp-pattern-list ${s.value}> or name an existing list`, s.valueColumn));
        }
        if (VMTA_REFS.has(s.name) && !(s.name === 'virtual-mta' && block.tag !== 'virtual-mta-pool') && !index.virtualMtas.has(name) && !index.pools.has(name)) {
          out.push(finding('undefined-reference', 'error', s.loc, `${s.name} ${s.value}: no <virtual-mta ${s.value}> or <virtual-mta-pool ${s.value}> is defined`, 'define it or fix the name', s.valueColumn));
        }
        if (s.name === 'pattern-list' && block.tag === 'source' && !patternLists.has(name)) {
          out.push(finding('undefined-reference', 'error', s.loc, `pattern-list ${s.value}: no <pattern-list ${s.value}> is defined`, 'define it or fix the name', s.valueColumn));
        }
      }
    }
    for (const vmta of index.virtualMtas.values()) {
      const withDomains = vmta.pools.filter((p) => (index.pools.get(p)?.domains.length ?? 0) > 0);
      if (withDomains.length > 1) {
        out.push(finding('undefined-reference', 'error', vmta.loc, `<virtual-mta ${vmta.name}> is in pools ${withDomains.join(' and ')}, which both have <domain> blocks: PowerMTA rejects this`, 'keep the virtual MTA in one of those pools, or move the <domain> blocks out of one pool'));
      }
    }
    return out;
  },
};
