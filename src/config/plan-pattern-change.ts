/**
 * Plans one `pattern-reply` change: appends `reply /REGEX/ ACTIONS` to the right
 * `<smtp-pattern-list>` (after its last entry, so no reply that matches an existing rule today changes
 * action: the first match wins). The list is the one named by the change, else the one `<domain *>`
 * uses; when there is none, a list is created at the end of the main file and attached with
 * `smtp-pattern-list NAME` in `<domain *>`.
 */
import type { Config } from './config-model.js';
import type { BlockNode, DirectiveNode } from './cst.js';
import { configIndex } from './config-index.js';
import { annotation } from './format-directive.js';
import type { PatternChange, StepResult } from './plan-types.js';
import { skip } from './plan-types.js';
import type { PatternList } from './pattern-lists.js';
import { parseReply } from './pattern-lists.js';
import { compilePowerMtaRegex } from './pcre-to-js.js';
import { lastContentLine } from './plan-set-change.js';
import { effectiveValue } from './resolve-effective.js';
import { splitLines } from './scan-line.js';
import { childIndent, indentUnit } from './text-edits.js';

export const DEFAULT_LIST_NAME = 'pmta-advisor';
const ACTION = /^(?:mode=(?:backoff|normal)|skip-mx|bounce-queue|bounce-rcpt|disable-source-ip|defer-queue|reenable-after=\S+|backoff-to-normal-after=\S+)$/;

export function planPatternChange(config: Config, change: PatternChange, annotate: boolean): StepResult {
  const regex = change.regex;
  if (regex === '') return skip('empty pattern');
  if (regex.includes('#')) return skip("the pattern contains '#', which starts a comment in a PowerMTA config: write \\x23 instead");
  if (/(^|[^\\])(\\\\)*"/.test(regex)) return skip('the pattern contains an unescaped double quote: write \\" instead');
  if (/\r|\n/.test(regex)) return skip('the pattern spans several lines');
  const reparsed = parseReply(`/${regex}/ x`);
  if (!reparsed || reparsed.regex !== regex) return skip("the pattern contains '/' followed by a blank, which would end it early: write \\/");
  const compiled = compilePowerMtaRegex(regex);
  if (compiled.error !== null) return skip(`the pattern is not a valid regular expression: ${compiled.error}`);
  const actions = change.actions.split(',').map((a) => a.trim()).filter((a) => a !== '');
  const badAction = actions.find((a) => !ACTION.test(a));
  if (actions.length === 0 || badAction !== undefined) return skip(`unknown action '${badAction ?? ''}' (known: mode=backoff, mode=normal, skip-mx, bounce-queue, bounce-rcpt, disable-source-ip, reenable-after=TIME, defer-queue)`);
  if (actions.includes('mode=backoff') && actions.includes('mode=normal')) return skip('mode=backoff and mode=normal cannot be combined');
  if (actions.includes('skip-mx') && actions.includes('bounce-queue')) return skip('skip-mx and bounce-queue cannot be combined');
  const actionText = actions.join(',');

  const index = configIndex(config);
  const wanted = change.list?.trim().toLowerCase() || null;
  const starName = effectiveValue(config, '*', null, 'smtp-pattern-list')?.value.toLowerCase() || null;
  const notes: string[] = [];
  let list: PatternList | undefined = wanted === null ? undefined : index.patternLists.get(wanted);
  if (!list && wanted === null && starName !== null) list = index.patternLists.get(starName);
  if (!list && wanted !== null && starName !== null && index.patternLists.has(starName)) {
    list = index.patternLists.get(starName);
    notes.push(`no <smtp-pattern-list ${wanted}> exists; added to ${starName}, the list <domain *> uses`);
  }
  const note = annotate ? (change.comment ?? `reply pattern ${actionText}`) : null;
  if (list) return appendToList(config, list, regex, actionText, note, notes);

  const name = starName ?? wanted ?? DEFAULT_LIST_NAME;
  const path = config.rootPath;
  const file = config.files.get(path);
  if (!file) return skip(`cannot edit ${path}`);
  const unit = indentUnit(file);
  const lines = splitLines(file.bom ? file.text.slice(1) : file.text);
  const lastLine = lines.length;
  const needsBlank = lastLine > 0 && (lines[lastLine - 1]?.content ?? '').trim() !== '';
  const text = `reply /${regex}/ ${actionText}`;
  const body = [...(needsBlank ? [''] : []), `<smtp-pattern-list ${name}>`, ...(note === null ? [] : [annotation(unit, note)]), `${unit}${text}`, '</smtp-pattern-list>'];
  return {
    ok: true,
    ops: new Map([[path, [{ kind: 'insert', after: lastLine, lines: body }]]]),
    edits: [{ file: path, where: `<smtp-pattern-list ${name}>`, action: 'created-list', text }],
    notes: starName === null ? [...notes, `created <smtp-pattern-list ${name}> and attached it in <domain *>`] : [...notes, `<domain *> names smtp-pattern-list ${name} but it was not defined; created it`],
    followUp: starName === null ? { kind: 'set', directive: 'smtp-pattern-list', domain: '*', virtualMta: null, value: name, comment: `attach the list holding pmta-advisor's reply patterns` } : undefined,
  };
}

function appendToList(config: Config, list: PatternList, regex: string, actions: string, note: string | null, notes: string[]): StepResult {
  const existing = list.replies.find((r) => r.regex === regex);
  const where = `<smtp-pattern-list ${list.name}>`;
  if (existing) {
    const have = [...existing.actions].sort().join(',');
    if (have === actions.split(',').sort().join(',')) return skip(`already present in ${where} (${existing.loc.file}:${existing.loc.line})`);
    const n = existing.setting.node;
    const content = `${n.indent}${n.name}${n.gap}/${regex}/ ${actions}${n.trailing}${n.comment}`;
    const ops = [{ kind: 'replace' as const, line: n.line, content }, ...(note === null ? [] : [{ kind: 'insert' as const, after: n.line - 1, lines: [annotation(n.indent, note)] }])];
    return { ok: true, ops: new Map([[existing.loc.file, ops]]), edits: [{ file: existing.loc.file, where, action: 'changed', text: `reply /${regex}/ ${actions}` }], notes: [...notes, `the pattern was already listed with ${existing.actions.join(',')}`] };
  }
  const block = list.blocks[list.blocks.length - 1];
  const node = block?.node;
  if (!block || !node) return skip(`cannot edit ${where}`);
  if (node.close === null) return skip(`${where} is not closed; fix the config first`);
  const file = config.files.get(block.loc.file);
  if (!file) return skip(`cannot edit ${block.loc.file}`);
  const indent = childIndent(node, indentUnit(file));
  const text = alignedReply(node, regex, actions);
  const lines = note === null ? [indent + text] : [annotation(indent, note), indent + text];
  return { ok: true, ops: new Map([[block.loc.file, [{ kind: 'insert', after: lastContentLine(node), lines }]]]), edits: [{ file: block.loc.file, where, action: 'added', text: `reply /${regex}/ ${actions}` }], notes };
}

/** `reply /re/ actions`, with the actions in the same column as the list's last reply when it aligns them. */
function alignedReply(node: BlockNode, regex: string, actions: string): string {
  const last = [...node.children].reverse().find((c): c is DirectiveNode => c.kind === 'directive' && c.name.toLowerCase() === 'reply');
  const head = `reply /${regex}/`;
  if (last) {
    const m = /^(\/.*\/)(\s{2,})\S/.exec(last.value);
    if (m) {
      const column = last.name.length + last.gap.length + (m[1] ?? '').length + (m[2] ?? '').length;
      if (head.length + 1 < column) return head.padEnd(column) + actions;
    }
  }
  return `${head} ${actions}`;
}
