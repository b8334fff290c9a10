/** Directives and blocks PowerMTA does not know, with the nearest real name or what to do instead. */
import { BLOCK_TAGS, DIRECTIVES, FAKE_DIRECTIVES, directiveSpec } from '../directives.js';
import type { Finding, LintRule } from '../lint-finding.js';
import { nearest } from './nearest-name.js';
import { allBlocks, finding } from './rule-helpers.js';

const NAMES = DIRECTIVES.map((d) => d.name);
/** Blocks whose lines are patterns, not directives. */
const FREE_FORM = new Set(['bounce-category-patterns']);

export const unknownDirective: LintRule = {
  id: 'unknown-directive',
  summary: 'directive or block PowerMTA does not know (misspelled, or a widely copied name that never existed)',
  check: ({ config }) => {
    const out: Finding[] = [];
    for (const block of allBlocks(config)) {
      if (block.tag !== '' && !(BLOCK_TAGS as readonly string[]).includes(block.tag)) {
        const near = nearest(block.tag, BLOCK_TAGS);
        out.push(finding('unknown-directive', 'error', block.loc, `unknown block <${block.tag}>`, near ? `did you mean <${near}>?` : 'remove the block or check the PowerMTA User\'s Guide for its name'));
      }
      if (FREE_FORM.has(block.tag) || (block.node?.prefix ?? '') !== '') continue;
      for (const s of block.settings) {
        if (s.name.startsWith('/') || directiveSpec(s.name)) continue;
        const fake = FAKE_DIRECTIVES.get(s.name);
        if (fake) {
          out.push(finding('unknown-directive', 'error', s.loc, `${s.name} is not a PowerMTA directive (it is widely copied, but PowerMTA rejects it)`, fake));
          continue;
        }
        const near = nearest(s.name, NAMES);
        out.push(finding('unknown-directive', 'error', s.loc, `unknown directive ${s.node.name}`, near ? `did you mean ${near}?` : 'remove it or check the spelling against the PowerMTA User\'s Guide'));
      }
    }
    return out;
  },
};
