/**
 * Line-level edits of a config file's text: replace one line's content (its line ending stays), or
 * insert whole lines after a line. Every other byte of the file is left as it was.
 */
import type { BlockNode, ConfigFile, ConfigNode, Eol } from './cst.js';
import { splitLines } from './scan-line.js';

export type LineOp =
  | { readonly kind: 'replace'; readonly line: number; readonly content: string }
  /** Insert after 1-based `after` (0 = before the first line). */
  | { readonly kind: 'insert'; readonly after: number; readonly lines: readonly string[] };

export function applyLineOps(text: string, ops: readonly LineOp[]): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = splitLines(bom ? text.slice(1) : text).map((l) => ({ content: l.content, eol: l.eol as Eol }));
  const eol = dominantEol(text);
  const sorted = [...ops].sort((a, b) => opLine(b) - opLine(a) || (a.kind === 'insert' ? -1 : 1));
  for (const op of sorted) {
    if (op.kind === 'replace') {
      const line = lines[op.line - 1];
      if (!line) throw new Error(`line ${op.line} does not exist`);
      line.content = op.content;
      continue;
    }
    if (op.lines.length === 0) continue;
    const prev = lines[op.after - 1];
    const atEnd = op.after >= lines.length;
    const noFinalEol = atEnd && prev !== undefined && prev.eol === '';
    if (noFinalEol && prev) prev.eol = eol;
    const added = op.lines.map((content, i) => ({ content, eol: noFinalEol && i === op.lines.length - 1 ? ('' as Eol) : eol }));
    lines.splice(op.after, 0, ...added);
  }
  return bom + lines.map((l) => l.content + l.eol).join('');
}

function opLine(op: LineOp): number {
  return op.kind === 'replace' ? op.line : op.after;
}

/** The line ending most lines of the text use (`\n` when there is none). */
export function dominantEol(text: string): '\n' | '\r\n' | '\r' {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/** The indentation step the file uses inside blocks (most common child-minus-parent), or 4 spaces. */
export function indentUnit(file: ConfigFile): string {
  const counts = new Map<string, number>();
  const visit = (nodes: readonly ConfigNode[]): void => {
    for (const n of nodes) {
      if (n.kind !== 'block') continue;
      for (const c of n.children) {
        const indent = c.kind === 'block' ? c.open.indent : c.kind === 'trivia' ? null : c.indent;
        if (indent === null || !indent.startsWith(n.open.indent) || indent.length <= n.open.indent.length) continue;
        const step = indent.slice(n.open.indent.length);
        counts.set(step, (counts.get(step) ?? 0) + 1);
      }
      visit(n.children);
    }
  };
  visit(file.nodes);
  let best = '    ';
  let bestCount = 0;
  for (const [step, count] of counts) if (count > bestCount) [best, bestCount] = [step, count];
  return best;
}

/** Indentation for a new line inside `block`: that of its existing children, else one step in. */
export function childIndent(block: BlockNode, unit: string): string {
  for (const c of block.children) {
    if (c.kind === 'directive') return c.indent;
    if (c.kind === 'block') return c.open.indent;
  }
  return block.open.indent + unit;
}
