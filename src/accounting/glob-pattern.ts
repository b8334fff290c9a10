/**
 * A small glob matcher for input paths: `*` and `?` within one path segment, `[abc]`, `[a-z]`, `[!x]`
 * (or `[^x]`) character classes, and `**` as a whole segment for any number of directories. A leading
 * dot is matched only by a pattern segment that starts with a dot.
 */

export function hasGlobMagic(text: string): boolean {
  return /[*?[]/.test(text);
}

/** The regular expression for one path segment (no `/` inside). */
export function segmentRegExp(segment: string): RegExp {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else out += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

export interface GlobParts {
  /** Leading directory without glob characters ('/' or a relative prefix, '.' when none). */
  readonly base: string;
  /** The remaining segments, the first of which has glob characters. */
  readonly segments: readonly string[];
}

/** Splits a '/'-separated pattern at its first segment with glob characters. */
export function splitGlob(pattern: string): GlobParts {
  const parts = pattern.split('/');
  const first = parts.findIndex((p) => hasGlobMagic(p));
  const cut = first < 0 ? parts.length : first;
  const head = parts.slice(0, cut);
  const base = head.length === 0 ? '.' : head.join('/') === '' ? '/' : head.join('/');
  return { base, segments: parts.slice(cut).filter((s) => s !== '') };
}

/** Does `name` (one path segment) match the pattern segment? */
export function matchSegment(segment: string, name: string): boolean {
  if (name.startsWith('.') && !segment.startsWith('.')) return false;
  return segmentRegExp(segment).test(name);
}
