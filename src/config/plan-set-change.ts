/**
 * Plans one `set` change as minimal line edits:
 * 1. when the block scoped exactly to the change (the `<domain D>` of the global level, or inside
 *    `<virtual-mta V>` / `<virtual-mta-pool V>`) sets the directive, its value is changed in place;
 * 2. when that block exists without the directive, the directive is added to it;
 * 3. otherwise the block is created: at the global level before `<domain *>` (or after the last
 *    domain block), inside the virtual MTA after its last line. A block that also covers other
 *    domains (a macro, `*`) or other virtual MTAs is never edited for a narrower change.
 */
import type { Config, ModelBlock, Setting } from './config-model.js';
import { formatBlock, lastSetting } from './config-model.js';
import type { BlockNode } from './cst.js';
import { nodeEndLine } from './cst.js';
import type { DomainEntry } from './config-index.js';
import { configIndex } from './config-index.js';
import { directiveSpec } from './directives.js';
import { domainRepresentatives, sameDomainArg } from './domain-representatives.js';
import { ANNOTATION_PREFIX, annotation, formatValue } from './format-directive.js';
import type { PlannedEdit, SetChange, StepResult } from './plan-types.js';
import { skip } from './plan-types.js';
import { effectiveValue } from './resolve-effective.js';
import { splitLines } from './scan-line.js';
import type { LineOp } from './text-edits.js';
import { childIndent, indentUnit } from './text-edits.js';
import { checkValue, normalizeValue } from './value-types.js';

export function planSetChange(config: Config, change: SetChange, annotate: boolean): StepResult {
  const directive = change.directive.trim().toLowerCase();
  const spec = directiveSpec(directive);
  if (!spec) return skip(`${directive} is not a PowerMTA directive`);
  if (!spec.scopes.includes('domain')) return skip(`${directive} is not a <domain> directive`);
  const value = change.value.trim();
  const bad = checkValue(spec.type, value, spec.enumValues);
  if (bad !== null) return skip(`'${value}' is not a valid ${directive}: ${bad}`);
  if (change.domain.trim() === '') return skip('no <domain> given');

  const index = configIndex(config);
  const vmtaName = change.virtualMta?.trim().toLowerCase() ?? null;
  let entries: readonly DomainEntry[];
  let container: ModelBlock;
  let scopeLabel = '';
  if (vmtaName === null) {
    entries = index.globalDomains;
    container = config.root;
  } else {
    const vmta = index.virtualMtas.get(vmtaName);
    const pool = index.pools.get(vmtaName);
    const owner = vmta ?? pool;
    if (!owner) return skip(`no <virtual-mta ${change.virtualMta}> or <virtual-mta-pool ${change.virtualMta}> in the config`);
    entries = owner.domains;
    container = owner.blocks[0] as ModelBlock;
    scopeLabel = `${formatBlock(container)} `;
  }
  const where = `${scopeLabel}<domain ${change.domain.trim()}>`;

  const reps = domainRepresentatives(change.domain, index.macros);
  const same = (v: string | undefined): boolean => v !== undefined && normalizeValue(spec.type, v) === normalizeValue(spec.type, value);
  if (reps.length > 0 && reps.every((d) => same(effectiveValue(config, d, vmtaName, directive)?.value))) {
    return skip(`already in effect: ${directive} is ${value} for ${where}`);
  }
  const oldValue = reps[0] === undefined ? undefined : effectiveValue(config, reps[0], vmtaName, directive)?.value;
  const reason = annotationText(change, directive, value, oldValue);

  const exact = entries.filter((e) => sameDomainArg(e.block.arg, change.domain));
  const shared = exact.find((e) => includeCount(config, e.block.loc.file) > 1) ?? (includeCount(config, container.loc.file) > 1 ? { block: container } : undefined);
  if (shared) {
    return skip(`${where} is defined in ${shared.block.loc.file}, which is included in ${includeCount(config, shared.block.loc.file)} places; editing it would change them all`);
  }
  const setter = [...exact].reverse().find((e) => lastSetting(e.block, directive) !== undefined);
  if (setter) return changeInPlace(config, setter.block, lastSetting(setter.block, directive) as Setting, value, annotate ? reason : null, where);
  const target = exact[exact.length - 1];
  const line = `${directive} ${formatValue(value)}`;
  if (target) return addToBlock(config, target.block, line, annotate ? reason : null, where);
  return createBlock(config, container, change.domain.trim(), line, annotate ? reason : null, where);
}

function includeCount(config: Config, file: string): number {
  return config.includes.filter((i) => i.path === file).length;
}

function annotationText(change: SetChange, directive: string, value: string, oldValue: string | undefined): string {
  const what = `${directive} ${oldValue === undefined || oldValue === '' ? '(unset)' : oldValue} → ${value}`;
  return change.comment ? `${what}: ${change.comment}` : what;
}

function fileLines(config: Config, file: string): string[] {
  const f = config.files.get(file);
  return f ? splitLines(f.bom ? f.text.slice(1) : f.text).map((l) => l.content) : [];
}

function annotationOps(config: Config, file: string, line: number, indent: string, text: string | null): LineOp[] {
  if (text === null) return [];
  const above = fileLines(config, file)[line - 2];
  if (above !== undefined && above.trim().startsWith(ANNOTATION_PREFIX)) return [{ kind: 'replace', line: line - 1, content: annotation(indent, text) }];
  return [{ kind: 'insert', after: line - 1, lines: [annotation(indent, text)] }];
}

function changeInPlace(config: Config, block: ModelBlock, setting: Setting, value: string, note: string | null, where: string): StepResult {
  const sites = config.includes.filter((i) => i.path === setting.loc.file);
  // A value in a file included in several places is overridden after its include line here.
  const site = sites.find((i) => i.block === block);
  if (sites.length > 1 && site) {
    const siteFile = site.loc.file;
    const indent = fileLines(config, siteFile)[site.loc.line - 1]?.match(/^\s*/)?.[0] ?? '';
    const line = `${indent}${setting.node.name} ${formatValue(value)}`;
    const lines = note === null ? [line] : [annotation(indent, note), line];
    return ok(siteFile, [{ kind: 'insert', after: site.loc.line, lines }], { file: siteFile, where, action: 'added', text: line.trim() }, [
      `${setting.loc.file} is included in ${sites.length} places; ${setting.node.name} is overridden after its include on line ${site.loc.line} instead of editing the shared file`,
    ]);
  }
  const n = setting.node;
  const content = n.indent + n.name + n.gap + formatValue(value) + n.trailing + n.comment;
  const ops: LineOp[] = [{ kind: 'replace', line: n.line, content }, ...annotationOps(config, setting.loc.file, n.line, n.indent, note)];
  return ok(setting.loc.file, ops, { file: setting.loc.file, where, action: 'changed', text: `${n.name} ${formatValue(value)}` }, []);
}

function addToBlock(config: Config, block: ModelBlock, line: string, note: string | null, where: string): StepResult {
  const node = block.node as BlockNode;
  const file = config.files.get(block.loc.file);
  if (!file) return skip(`cannot edit ${block.loc.file}`);
  const indent = childIndent(node, indentUnit(file));
  const after = lastContentLine(node);
  const lines = note === null ? [indent + line] : [annotation(indent, note), indent + line];
  return ok(block.loc.file, [{ kind: 'insert', after, lines }], { file: block.loc.file, where, action: 'added', text: line }, []);
}

function createBlock(config: Config, container: ModelBlock, domain: string, line: string, note: string | null, where: string): StepResult {
  if (container.node && container.node.close === null) return skip(`${formatBlock(container)} is not closed; fix the config first`);
  const path = container.loc.file;
  const file = config.files.get(path);
  if (!file) return skip(`cannot edit ${path}`);
  const unit = indentUnit(file);
  if (container.node) {
    const indent = childIndent(container.node, unit);
    const body = [`${indent}<domain ${domain}>`, ...(note === null ? [] : [annotation(indent + unit, note)]), `${indent}${unit}${line}`, `${indent}</domain>`];
    return ok(path, [{ kind: 'insert', after: lastContentLine(container.node), lines: body }], { file: path, where, action: 'created-block', text: line }, []);
  }
  const body = [`<domain ${domain}>`, ...(note === null ? [] : [annotation(unit, note)]), `${unit}${line}`, '</domain>'];
  const topDomains = container.blocks.filter((b) => b.tag === 'domain' && b.loc.file === path && b.node !== null);
  const star = topDomains.find((b) => b.arg.trim() === '*');
  if (star && domain !== '*') {
    const before = firstLineOfLeadingComments(config, path, (star.node as BlockNode).open.line);
    return ok(path, [{ kind: 'insert', after: before - 1, lines: [...body, ''] }], { file: path, where, action: 'created-block', text: line }, []);
  }
  const last = topDomains[topDomains.length - 1];
  const lines = fileLines(config, path);
  const after = last ? nodeEndLine(last.node as BlockNode) : lines.length;
  const needsBlank = after > 0 && (lines[after - 1] ?? '').trim() !== '';
  return ok(path, [{ kind: 'insert', after, lines: needsBlank ? ['', ...body] : body }], { file: path, where, action: 'created-block', text: line }, []);
}

/** Last line inside a block before its closing tag that is not blank (the open tag when empty). */
export function lastContentLine(node: BlockNode): number {
  for (let i = node.children.length - 1; i >= 0; i--) {
    const c = node.children[i];
    if (c === undefined) continue;
    if (c.kind === 'trivia' && c.comment === '') continue;
    return nodeEndLine(c);
  }
  return node.open.line;
}

/** The first line of the comment lines directly above `line` (or `line` itself). */
function firstLineOfLeadingComments(config: Config, path: string, line: number): number {
  const lines = fileLines(config, path);
  let first = line;
  while (first > 1 && (lines[first - 2] ?? '').trim().startsWith('#')) first--;
  return first;
}

function ok(file: string, ops: LineOp[], edit: PlannedEdit, notes: string[]): StepResult {
  return { ok: true, ops: new Map([[file, ops]]), edits: [edit], notes };
}
