/** always-allow-relaying on a broad public <source> (0/0 or wider than /24) or at the global level: an open relay. */
import type { Finding, LintRule } from '../lint-finding.js';
import { lastSetting } from '../config-model.js';
import { finding, isPrivateRange, isYes, parseSourceCidr } from './rule-helpers.js';

export const openRelay: LintRule = {
  id: 'open-relay',
  summary: 'always-allow-relaying on <source 0/0>, a wide public range or globally: anyone can relay',
  check: ({ config, index }) => {
    const out: Finding[] = [];
    const global = lastSetting(config.root, 'always-allow-relaying');
    if (global && isYes(global.value)) {
      out.push(finding('open-relay', 'error', global.loc, 'always-allow-relaying yes at the global level: anyone can relay through this server', 'remove it and allow relaying only in the <source> blocks of your injection hosts'));
    }
    for (const source of index.sources) {
      const s = lastSetting(source, 'always-allow-relaying');
      if (!s || !isYes(s.value)) continue;
      const cidr = parseSourceCidr(source.arg);
      if (!cidr || isPrivateRange(cidr) || cidr.bits >= 24) continue;
      const who = cidr.bits === 0 ? 'anyone' : `every host in ${source.arg}`;
      out.push(finding('open-relay', 'error', s.loc, `always-allow-relaying on <source ${source.arg}>: ${who} can relay through this server`, `set always-allow-relaying no there; allow relaying only for your injection hosts (e.g. <source 10.20.0.0/24>) or authenticated users (<source {auth}>)`));
    }
    return out;
  },
};
