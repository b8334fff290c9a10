/** A known directive in a block where PowerMTA does not accept it (e.g. a <source> setting in <domain>). */
import { directiveSpec } from '../directives.js';
import type { Scope } from '../directives.js';
import type { Finding, LintRule } from '../lint-finding.js';
import { allBlocks, blockPath, finding } from './rule-helpers.js';

export const wrongScope: LintRule = {
  id: 'wrong-scope',
  summary: 'directive placed in a block where PowerMTA does not accept it',
  check: ({ config }) => {
    const out: Finding[] = [];
    for (const block of allBlocks(config)) {
      const scope = (block.tag === '' ? 'global' : block.tag) as Scope;
      if (block.tag === 'bounce-category-patterns' || (block.node?.prefix ?? '') !== '') continue;
      for (const s of block.settings) {
        const spec = directiveSpec(s.name);
        if (!spec || spec.scopes.includes(scope)) continue;
        const where = spec.scopes.map((x) => (x === 'global' ? 'the global level' : `<${x}>`)).join(' or ');
        out.push(finding('wrong-scope', 'warning', s.loc, `${s.name} does not belong in ${blockPath(block)}`, `move it to ${where}`));
      }
    }
    return out;
  },
};
