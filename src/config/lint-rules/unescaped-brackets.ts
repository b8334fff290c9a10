/**
 * `[TS01]` in a pattern is a character class matching one of T, S, 0 or 1, not the text `[TS01]`:
 * the rule never fires as meant (a bug in widely copied Yahoo patterns).
 */
import type { Finding, LintRule } from '../lint-finding.js';
import type { Setting } from '../config-model.js';
import { parseReply } from '../pattern-lists.js';
import { finding } from './rule-helpers.js';

/** Character classes in a regex body that look like a bracketed code: 3+ letters and digits, both present. */
export function codeLikeClasses(regex: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < regex.length; i++) {
    const ch = regex[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch !== '[') continue;
    let j = i + 1;
    if (regex[j] === '^') j++;
    if (regex[j] === ']') j++;
    while (j < regex.length && regex[j] !== ']') j += regex[j] === '\\' ? 2 : 1;
    if (j >= regex.length) break;
    const content = regex.slice(i + 1, j);
    if (/^[A-Za-z0-9:.-]{3,}$/.test(content) && /[A-Za-z]/.test(content) && /\d/.test(content) && !/^[A-Za-z0-9]-[A-Za-z0-9]$/.test(content) && !/[A-Za-z0-9]-[A-Za-z0-9]/.test(content)) {
      found.push(content);
    }
    i = j;
  }
  return found;
}

export const unescapedBrackets: LintRule = {
  id: 'unescaped-brackets',
  summary: 'pattern like /[TS01]/: a character class matching one character, not the code',
  check: ({ config, index }) => {
    const out: Finding[] = [];
    const check = (s: Setting, regex: string): void => {
      for (const c of codeLikeClasses(regex)) {
        const escaped = `\\[${c}\\]`;
        out.push(finding('unescaped-brackets', 'error', s.loc, `/[${c}]/ is a character class matching one letter; write /${escaped}/`, `replace [${c}] with ${escaped} in ${s.node.name === 'reply' ? 'this reply pattern' : 'this pattern'}`, s.valueColumn));
      }
    };
    for (const list of index.patternLists.values()) for (const r of list.replies) check(r.setting, r.regex);
    for (const block of config.root.blocks) {
      if (block.tag !== 'bounce-category-patterns') continue;
      for (const s of block.settings) {
        const parsed = parseReply(s.node.name);
        if (parsed) check(s, parsed.regex);
      }
    }
    return out;
  },
};
