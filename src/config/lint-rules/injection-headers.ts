/** Sources that inject mail from applications without add-message-id-header / add-date-header. */
import type { Finding, LintRule } from '../lint-finding.js';
import { baseSource, finding, injectingSources, isYes, sourceValue } from './rule-helpers.js';

const HEADERS = [
  { directive: 'add-message-id-header', header: 'Message-ID', why: 'Gmail and others defer or spam-folder mail without one' },
  { directive: 'add-date-header', header: 'Date', why: 'RFC 5322 requires it and filters penalise mail without one' },
] as const;

export const injectionHeaders: LintRule = {
  id: 'injection-headers',
  summary: 'source that injects mail from applications without add-message-id-header / add-date-header',
  check: ({ index }) => {
    const out: Finding[] = [];
    const base = baseSource(index.sources);
    for (const source of injectingSources(index.sources)) {
      for (const h of HEADERS) {
        const v = sourceValue(source, base, h.directive);
        if (isYes(v.value)) continue;
        out.push(finding('injection-headers', 'warning', v.setting?.loc ?? source.loc, `mail injected through <source ${source.arg}> gets no ${h.header} header when the application leaves it out: ${h.why}`, `add ${h.directive} yes to <source ${source.arg}>`));
      }
    }
    return out;
  },
};
