/** Directives the PowerMTA 5 guide marks deprecated. */
import { directiveSpec } from '../directives.js';
import type { LintRule } from '../lint-finding.js';
import { allBlocks, finding } from './rule-helpers.js';

export const deprecatedDirective: LintRule = {
  id: 'deprecated-directive',
  summary: 'directive the PowerMTA 5 guide marks deprecated',
  check: ({ config }) =>
    allBlocks(config).flatMap((block) =>
      block.settings.flatMap((s) => {
        const replacement = directiveSpec(s.name)?.deprecated;
        return replacement ? [finding('deprecated-directive', 'warning', s.loc, `${s.name} is deprecated`, `use ${replacement}`)] : [];
      }),
    ),
};
