/** Injecting sources whose Received header shows the internal host that handed the message over. */
import type { Finding, LintRule } from '../lint-finding.js';
import { parseBool } from '../value-types.js';
import { baseSource, finding, injectingSources, sourceValue } from './rule-helpers.js';

export const receivedHeaderExposure: LintRule = {
  id: 'received-header-exposure',
  summary: 'injecting source whose Received header exposes the internal host (no hide-message-source)',
  check: ({ index }) => {
    const out: Finding[] = [];
    const base = baseSource(index.sources);
    for (const source of injectingSources(index.sources)) {
      const added = sourceValue(source, base, 'add-received-header');
      const hidden = sourceValue(source, base, 'hide-message-source');
      if (parseBool(added.value) === false || parseBool(hidden.value) === true) continue;
      out.push(finding('received-header-exposure', 'warning', hidden.setting?.loc ?? added.setting?.loc ?? source.loc, `mail injected through <source ${source.arg}> carries a Received header naming the injecting host: recipients see your internal host names and IPs`, `add hide-message-source yes to <source ${source.arg}> (or add-received-header no)`));
    }
    return out;
  },
};
