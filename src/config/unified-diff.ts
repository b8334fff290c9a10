/**
 * Renders planned file changes as a unified diff with 3 lines of context that `patch -p1` and
 * `git apply` accept: `a/` and `b/` paths relative to `baseDir`, lines split on `\n` only (a CR stays
 * part of its line, so CRLF files round-trip), `\ No newline at end of file` where it applies.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { UserError } from '../domain/user-error.js';
import type { DiffOp } from './line-diff.js';
import { diffLines } from './line-diff.js';

export interface DiffFile {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

export interface UnifiedDiffOptions {
  /** Directory the a/ and b/ paths are relative to (where `patch -p1` / `git apply` will run). */
  readonly baseDir: string;
  readonly context?: number;
}

export function renderUnifiedDiff(files: readonly DiffFile[], options: UnifiedDiffOptions): string {
  const out: string[] = [];
  for (const file of files) {
    if (file.before === file.after) continue;
    const rel = relative(options.baseDir, file.path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      throw new UserError(`${file.path} is outside ${options.baseDir}`, { hint: 'run from a directory that contains the config files, or choose a base directory that does' });
    }
    const name = rel.split(sep).join('/');
    out.push(`--- a/${name}\n`, `+++ b/${name}\n`);
    out.push(...hunks(file.before, file.after, options.context ?? 3));
  }
  return out.join('');
}

interface Line {
  readonly text: string;
  readonly newline: boolean;
}

function toLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop() as string;
  const lines: Line[] = parts.map((t) => ({ text: t, newline: true }));
  if (last !== '') lines.push({ text: last, newline: false });
  return lines;
}

type Tagged = DiffOp & { readonly newline: boolean; readonly oldNo: number; readonly newNo: number };

function hunks(before: string, after: string, context: number): string[] {
  const a = toLines(before);
  const b = toLines(after);
  // Compare with the "no newline" marker folded in, so a line that gains a final newline differs.
  const key = (l: Line): string => (l.newline ? l.text : `${l.text}\u0000`);
  const ops = diffLines(a.map(key), b.map(key));
  const tagged: Tagged[] = [];
  let oldNo = 0;
  let newNo = 0;
  for (const op of ops) {
    const noNewline = op.text.endsWith('\u0000');
    const text = noNewline ? op.text.slice(0, -1) : op.text;
    if (op.kind !== 'insert') oldNo++;
    if (op.kind !== 'delete') newNo++;
    tagged.push({ kind: op.kind, text, newline: !noNewline, oldNo, newNo });
  }
  const out: string[] = [];
  let i = 0;
  while (i < tagged.length) {
    if (tagged[i]?.kind === 'equal') {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    // extend while the next change is within 2*context equal lines
    for (;;) {
      while (end < tagged.length && tagged[end]?.kind !== 'equal') end++;
      let j = end;
      while (j < tagged.length && tagged[j]?.kind === 'equal') j++;
      if (j < tagged.length && j - end <= 2 * context) {
        end = j;
        continue;
      }
      end = Math.min(tagged.length, end + context);
      break;
    }
    start = Math.max(0, start);
    const slice = tagged.slice(start, end);
    const oldCount = slice.filter((t) => t.kind !== 'insert').length;
    const newCount = slice.filter((t) => t.kind !== 'delete').length;
    const first = tagged[start] as Tagged;
    const oldBefore = first.kind === 'insert' ? first.oldNo : first.oldNo - 1;
    const newBefore = first.kind === 'delete' ? first.newNo : first.newNo - 1;
    const range = (before: number, count: number): string => (count === 0 ? `${before},0` : count === 1 ? `${before + 1}` : `${before + 1},${count}`);
    out.push(`@@ -${range(oldBefore, oldCount)} +${range(newBefore, newCount)} @@\n`);
    for (const t of slice) {
      out.push(`${t.kind === 'equal' ? ' ' : t.kind === 'delete' ? '-' : '+'}${t.text}\n`);
      if (!t.newline) out.push('\\ No newline at end of file\n');
    }
    i = end;
  }
  return out;
}
