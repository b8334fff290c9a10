/**
 * Inputs as the user gives them: a directory (its accounting files), a file, or a glob (`*`, `?`, `[...]`,
 * `**`). Parsed once into a base path and per-segment matchers. Pure.
 */
import { isAbsolute, join, resolve, sep } from 'node:path';
import { isAccountingFileName } from '../accounting/expand-inputs.js';

export type Segment = RegExp | '**';

export interface InputSpec {
  /** As given. */
  readonly input: string;
  readonly kind: 'path' | 'glob';
  /** Absolute path (kind `path`), or the static directory a glob starts from. */
  readonly base: string;
  /** Glob segments after `base` (empty for a path). */
  readonly segments: readonly Segment[];
}

const GLOB_CHARS = /[*?[]/;

export function parseInput(input: string, cwd: string): InputSpec {
  const abs = isAbsolute(input) ? input : resolve(cwd, input);
  if (!GLOB_CHARS.test(abs)) return { input, kind: 'path', base: resolve(abs), segments: [] };
  const parts = abs.split(sep);
  const first = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = parts.slice(0, first).join(sep) || sep;
  const segments = parts.slice(first).filter((p) => p !== '').map((p) => (p === '**' ? '**' : segmentRegex(p)));
  return { input, kind: 'glob', base: resolve(base), segments };
}

/** One path segment's pattern as a regex; `*` and `?` never match a leading dot unless the pattern has one. */
export function segmentRegex(pattern: string): RegExp {
  let out = pattern.startsWith('.') ? '' : '(?!\\.)';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Default choice of accounting files inside a watched directory: `*.csv`, `*.csv.1`, `*.csv.gz`, `*.gz`. */
/** Which entries of a watched directory are accounting files: the same rule as one-shot reads. */
export const defaultInclude: (name: string) => boolean = isAccountingFileName;

export function joinPath(dir: string, name: string): string {
  return join(dir, name);
}
