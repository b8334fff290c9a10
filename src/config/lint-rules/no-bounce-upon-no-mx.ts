/** bounce-upon-no-mx off for the wildcard domain: mail to domains without MX sits in the queue. */
import type { Finding, LintRule } from '../lint-finding.js';
import { effectiveValue } from '../resolve-effective.js';
import { parseBool } from '../value-types.js';
import { finding } from './rule-helpers.js';

export const noBounceUponNoMx: LintRule = {
  id: 'no-bounce-upon-no-mx',
  summary: 'bounce-upon-no-mx is off: mail to domains without an MX waits until bounce-after',
  check: ({ config, index }) => {
    const eff = effectiveValue(config, '*', null, 'bounce-upon-no-mx');
    if (!eff || parseBool(eff.value) !== false) return [];
    const bounceAfter = effectiveValue(config, '*', null, 'bounce-after')?.value ?? '4d12h';
    const star = index.globalDomains.find((e) => e.block.arg.trim() === '*');
    const loc = eff.setting?.loc ?? star?.block.loc ?? { file: config.rootPath, line: 1, column: 1 };
    const out: Finding[] = [finding('no-bounce-upon-no-mx', 'warning', loc, `bounce-upon-no-mx is ${eff.source === 'default' ? 'not set (off by default)' : eff.value}: mail to mistyped and dead domains without an MX is retried for ${bounceAfter} instead of bouncing at once`, 'add bounce-upon-no-mx yes to <domain *>')];
    return out;
  },
};
