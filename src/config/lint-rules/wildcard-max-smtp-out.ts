/** A high max-smtp-out on <domain *>: every small or invalid domain may hold that many connections. */
import type { Finding, LintRule } from '../lint-finding.js';
import { lastSetting } from '../config-model.js';
import { blockPath, finding } from './rule-helpers.js';

/** PowerMTA's own default; anything above it on the wildcard domain is deliberate and costly. */
export const WILDCARD_MAX_SMTP_OUT = 20;

export const wildcardMaxSmtpOut: LintRule = {
  id: 'wildcard-max-smtp-out',
  summary: `max-smtp-out above ${WILDCARD_MAX_SMTP_OUT} on <domain *>: connections wasted on small and invalid domains`,
  check: ({ index }) => {
    const out: Finding[] = [];
    for (const entry of index.allDomains) {
      if (entry.block.arg.trim() !== '*') continue;
      const s = lastSetting(entry.block, 'max-smtp-out');
      const n = s && /^\d+$/.test(s.value) ? Number(s.value) : null;
      if (!s || n === null || n <= WILDCARD_MAX_SMTP_OUT) continue;
      out.push(finding('wildcard-max-smtp-out', 'warning', s.loc, `max-smtp-out ${n} on ${blockPath(entry.block)}: every small, slow or invalid domain may hold up to ${n} connections per virtual MTA, taken from total-max-smtp-out`, `keep <domain *> at ${WILDCARD_MAX_SMTP_OUT} or less and raise max-smtp-out only in the <domain> blocks of the large providers`));
    }
    return out;
  },
};
