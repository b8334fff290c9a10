/**
 * Parses one PowerMTA config file into its lossless syntax tree. Never throws: every line ends up in
 * the tree (unparseable ones as `invalid` nodes) and every problem is reported with file:line:column.
 * `include` lines are ordinary directives here; load-config.ts follows them.
 */
import type { BlockNode, ConfigFile, ConfigNode, DirectiveNode, Eol, TagLine } from './cst.js';
import type { ConfigIssue } from './config-issue.js';
import { scanLine, splitLines } from './scan-line.js';

export interface ParsedFile {
  readonly file: ConfigFile;
  readonly issues: readonly ConfigIssue[];
}

interface OpenBlock {
  readonly tag: string;
  readonly arg: string;
  readonly prefix: string;
  readonly open: TagLine;
  readonly children: ConfigNode[];
}

const OPEN_TAG = /^<\s*([A-Za-z][\w.-]*)(?:\s+([^>]*?))?\s*>$/;
const CLOSE_TAG = /^<\/\s*([A-Za-z][\w.-]*)\s*>$/;
/** `mail-from /newsletter/ <pattern-list>`: a nested, unnamed pattern list opened after a pattern. */
const PREFIXED_OPEN = /^(.*?\S)(\s+)<\s*(pattern-list)(?:\s+([^>]*?))?\s*>$/i;

export function parseConfigText(text: string, path: string): ParsedFile {
  const issues: ConfigIssue[] = [];
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const root: ConfigNode[] = [];
  const stack: OpenBlock[] = [];
  const current = (): ConfigNode[] => stack[stack.length - 1]?.children ?? root;
  const issue = (line: number, column: number, code: ConfigIssue['code'], message: string, severity: ConfigIssue['severity'] = 'error'): void => {
    issues.push({ file: path, line, column, code, message, severity });
  };

  const lines = splitLines(body);
  lines.forEach(({ content, eol }, index) => {
    const line = index + 1;
    const s = scanLine(content);
    const parts = { line, indent: s.indent, trailing: s.trailing, comment: s.comment, eol: eol as Eol };
    const col = s.indent.length + 1;
    if (s.unterminatedQuoteAt >= 0) {
      issue(line, s.unterminatedQuoteAt + 1, 'unterminated-quote', 'a double quote is never closed on this line; close it or escape it as \\"', 'warning');
    }
    if (s.body === '') {
      current().push({ kind: 'trivia', ...parts });
      return;
    }
    if (s.body.startsWith('</')) {
      const m = CLOSE_TAG.exec(s.body);
      if (!m) {
        issue(line, col, 'bad-tag', `cannot read closing tag ${s.body}`);
        current().push({ kind: 'invalid', body: s.body, ...parts });
        return;
      }
      const tag = (m[1] ?? '').toLowerCase();
      const depth = findOpen(stack, tag);
      if (depth < 0) {
        issue(line, col, 'stray-close-tag', `</${tag}> closes nothing: no <${tag}> is open here`);
        current().push({ kind: 'invalid', body: s.body, ...parts });
        return;
      }
      while (stack.length - 1 > depth) {
        const unclosed = stack.pop() as OpenBlock;
        issue(unclosed.open.line, unclosed.open.indent.length + 1, 'unclosed-block', `<${unclosed.tag}${unclosed.arg ? ` ${unclosed.arg}` : ''}> is never closed (</${tag}> on line ${line} closes an outer block)`);
        current().push(finish(unclosed, null));
      }
      const block = stack.pop() as OpenBlock;
      current().push(finish(block, { body: s.body, ...parts }));
      return;
    }
    if (s.body.startsWith('<')) {
      const m = OPEN_TAG.exec(s.body);
      if (!m) {
        issue(line, col, 'bad-tag', `cannot read tag ${s.body}: a tag stands alone on its line as <name argument>`);
        current().push({ kind: 'invalid', body: s.body, ...parts });
        return;
      }
      stack.push({ tag: (m[1] ?? '').toLowerCase(), arg: (m[2] ?? '').trim(), prefix: '', open: { body: s.body, ...parts }, children: [] });
      return;
    }
    const prefixed = PREFIXED_OPEN.exec(s.body);
    if (prefixed && stack.some((b) => b.tag === 'pattern-list')) {
      stack.push({ tag: 'pattern-list', arg: (prefixed[4] ?? '').trim(), prefix: prefixed[1] ?? '', open: { body: s.body, ...parts }, children: [] });
      return;
    }
    current().push(directive(s.body, parts));
  });

  while (stack.length > 0) {
    const unclosed = stack.pop() as OpenBlock;
    issue(unclosed.open.line, unclosed.open.indent.length + 1, 'unclosed-block', `<${unclosed.tag}${unclosed.arg ? ` ${unclosed.arg}` : ''}> is never closed: add </${unclosed.tag}>`);
    current().push(finish(unclosed, null));
  }
  return { file: { path, text, bom, nodes: root }, issues };
}

function findOpen(stack: readonly OpenBlock[], tag: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.tag === tag) return i;
  return -1;
}

function finish(block: OpenBlock, close: TagLine | null): BlockNode {
  return { kind: 'block', tag: block.tag, arg: block.arg, prefix: block.prefix, open: block.open, children: block.children, close };
}

function directive(body: string, parts: Omit<DirectiveNode, 'kind' | 'name' | 'gap' | 'value'>): DirectiveNode {
  const nameEnd = body.startsWith('/') ? regexEnd(body, 0) : firstBlank(body, 0);
  const name = body.slice(0, nameEnd);
  let valueStart = nameEnd;
  while (valueStart < body.length && /[ \t\f\v]/.test(body[valueStart] ?? '')) valueStart++;
  return { kind: 'directive', name, gap: body.slice(nameEnd, valueStart), value: body.slice(valueStart), ...parts };
}

function firstBlank(s: string, from: number): number {
  let i = from;
  while (i < s.length && !/[ \t\f\v]/.test(s[i] ?? '')) i++;
  return i;
}

/**
 * End (exclusive) of a `/regex/` starting at `start`: the first unescaped `/` followed by a blank or
 * the end of the text; the whole rest of the text when there is none.
 */
export function regexEnd(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '/' && (i + 1 >= s.length || /[ \t\f\v]/.test(s[i + 1] ?? ''))) return i + 1;
  }
  return s.length;
}
