/** Values of the wrong type or unit (`10 minutes`, `500/hour`, `yes please`). */
import { directiveSpec } from '../directives.js';
import type { Scope } from '../directives.js';
import type { Finding, LintRule } from '../lint-finding.js';
import { checkValue } from '../value-types.js';
import { allBlocks, finding } from './rule-helpers.js';

export const badValue: LintRule = {
  id: 'bad-value',
  summary: 'value of the wrong type or unit for its directive',
  check: ({ config }) => {
    const out: Finding[] = [];
    for (const block of allBlocks(config)) {
      const scope = (block.tag === '' ? 'global' : block.tag) as Scope;
      for (const s of block.settings) {
        const spec = directiveSpec(s.name);
        if (!spec || !spec.scopes.includes(scope)) continue;
        const problem = checkValue(spec.type, s.value, spec.enumValues);
        if (problem === null) continue;
        const example = spec.default !== null && spec.default !== '' ? ` (PowerMTA's default is ${spec.default})` : '';
        out.push(finding('bad-value', 'error', s.loc, `${s.name} ${s.raw === '' ? '(no value)' : s.raw}: ${problem}`, `write a valid value${example}`, s.valueColumn));
      }
    }
    return out;
  },
};
