/** smtp-pattern-list replies that PowerMTA rejects or that cannot match: bad regex, unknown or conflicting actions. */
import type { Finding, LintRule } from '../lint-finding.js';
import { parseReply } from '../pattern-lists.js';
import { compilePowerMtaRegex } from '../pcre-to-js.js';
import { finding } from './rule-helpers.js';

const ACTION = /^(?:mode=(?:backoff|normal)|skip-mx|bounce-queue|bounce-rcpt|disable-source-ip|defer-queue|reenable-after=\S+|backoff-to-normal-after=\S+)$/;

export const badPattern: LintRule = {
  id: 'bad-pattern',
  summary: 'smtp-pattern-list reply with an invalid regex or invalid actions',
  check: ({ index }) => {
    const out: Finding[] = [];
    for (const list of index.patternLists.values()) {
      for (const block of list.blocks) {
        for (const s of block.settings) {
          if (s.name !== 'reply') continue;
          const reply = parseReply(s.raw);
          const at = (msg: string, fix: string): void => void out.push(finding('bad-pattern', 'error', s.loc, msg, fix, s.valueColumn));
          if (!reply) {
            at(`reply ${s.raw}: the pattern must be written between slashes`, 'write reply /PATTERN/ ACTIONS');
            continue;
          }
          if (!reply.closed) {
            at(`reply ${s.raw}: the pattern never ends (no closing / followed by a blank)`, 'close the pattern with / and put the actions after a blank');
            continue;
          }
          const compiled = compilePowerMtaRegex(reply.regex);
          if (compiled.error !== null) at(`/${reply.regex}/ is not a valid regular expression: ${compiled.error}`, 'fix the pattern (PCRE syntax)');
          if (reply.actions.length === 0) at(`/${reply.regex}/ has no action`, 'add an action such as mode=backoff');
          for (const a of reply.actions) if (!ACTION.test(a)) at(`unknown action ${a}`, 'use mode=backoff, mode=normal, skip-mx, bounce-queue, bounce-rcpt, disable-source-ip, reenable-after=TIME or defer-queue');
          const has = (a: string): boolean => reply.actions.includes(a);
          if (has('mode=backoff') && has('mode=normal')) at('mode=backoff and mode=normal in one rule', 'keep one of them');
          if (has('skip-mx') && has('bounce-queue')) at('skip-mx and bounce-queue in one rule', 'keep one of them');
          const reenable = reply.actions.filter((a) => a.startsWith('reenable-after='));
          if (reenable.length > 1) at('reenable-after given more than once', 'keep one reenable-after');
          if (reenable.length > 0 && !has('disable-source-ip')) at('reenable-after without disable-source-ip', 'add disable-source-ip before reenable-after, or drop reenable-after');
        }
      }
    }
    return out;
  },
};
