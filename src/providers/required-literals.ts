/**
 * A cheap, exact pre-check for a regular expression: literal strings one of which must occur in any
 * text the regex matches (one per top-level `|` branch: the longest run of plain characters that the
 * branch cannot match without). If none occurs, the regex cannot match and need not run; when in doubt
 * (a branch without such a run, the `u` flag whose case folding maps non-ASCII to ASCII) there is no
 * pre-check. Groups, classes, escapes like `\d`, quantified and non-ASCII characters only end a run,
 * so what is kept is always required. Without the `u` flag an ASCII character matches only ASCII
 * characters case-insensitively, so comparing ASCII literals with text.toLowerCase() is exact.
 */
const ESCAPED_LITERAL = new Set([...'.[](){}|\\/^$*+?-!:=,<>#&~%@\'" ']);
const CLASS_ESCAPES = new Set([...'dDwWsSbBnrtfv']);
const MIN_LITERAL = 3;

export interface RequiredLiterals {
  /** Compare against text.toLowerCase() (the regex has the `i` flag) or the text as is. */
  readonly lowerCase: boolean;
  readonly literals: readonly string[];
}

/** Index just past the group or class that starts at `i` (source[i] is `(` or `[`). */
function skipBracketed(source: string, i: number): number {
  let depth = 0;
  let inClass = false;
  for (let j = i; j < source.length; j++) {
    const ch = source[j];
    if (ch === '\\') {
      j++;
      continue;
    }
    if (inClass) {
      if (ch === ']') {
        inClass = false;
        if (depth === 0) return j + 1;
      }
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return source.length;
}

function branchLiteral(source: string): string | null {
  let best = '';
  let run = '';
  const end = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; ) {
    const ch = source[i] as string;
    if (ch === '(' || ch === '[') {
      end();
      i = skipBracketed(source, i);
      continue;
    }
    if (ch === '?' || ch === '*' || ch === '{') {
      run = run.slice(0, -1); // the quantified character is optional
      end();
      if (ch === '{') {
        const close = source.indexOf('}', i);
        i = close < 0 ? source.length : close + 1;
      } else i++;
      continue;
    }
    if (ch === '+') {
      end();
      i++;
      continue;
    }
    if (ch === '.' || ch === '^' || ch === '$') {
      end();
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (ESCAPED_LITERAL.has(next)) run += next;
      else if (CLASS_ESCAPES.has(next)) end();
      else return null; // \u, \x, \c, \k, back-references: not worth parsing
      i += 2;
      continue;
    }
    if (ch.charCodeAt(0) > 0x7f) end(); // case folding of non-ASCII differs from toLowerCase
    else run += ch;
    i++;
  }
  end();
  return best.length >= MIN_LITERAL ? best : null;
}

/** Top-level branches of a regex source (split on `|` outside groups and classes). */
function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let start = 0;
  for (let i = 0; i < source.length; ) {
    const ch = source[i];
    if (ch === '\\') i += 2;
    else if (ch === '(' || ch === '[') i = skipBracketed(source, i);
    else if (ch === '|') {
      branches.push(source.slice(start, i));
      start = ++i;
    } else i++;
  }
  branches.push(source.slice(start));
  return branches;
}

/** The pre-check for `regex`, or null when it cannot be made exact. */
export function requiredLiterals(regex: RegExp): RequiredLiterals | null {
  if (regex.unicode || regex.flags.includes('v')) return null;
  const lowerCase = regex.ignoreCase;
  const literals: string[] = [];
  for (const branch of topLevelBranches(regex.source)) {
    const lit = branchLiteral(branch);
    if (lit === null) return null;
    literals.push(lowerCase ? lit.toLowerCase() : lit);
  }
  return { lowerCase, literals };
}

/** false only when the regex certainly cannot match. */
export function mayMatch(check: RequiredLiterals, text: string, lowerText: string): boolean {
  const hay = check.lowerCase ? lowerText : text;
  for (const lit of check.literals) if (hay.includes(lit)) return true;
  return false;
}
