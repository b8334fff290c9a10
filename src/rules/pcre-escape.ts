/**
 * Escapes literal text for a PowerMTA `reply /REGEX/` pattern: PCRE metacharacters get a backslash,
 * `/` (the delimiter) becomes `\/`, `#` (a comment start in the config) becomes `\x23` and `"` becomes
 * `\x22` so the line survives PowerMTA's quoting rules.
 */
const META = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);

export function escapePowerMtaRegex(literal: string): string {
  let out = '';
  for (const ch of literal) {
    if (META.has(ch)) out += `\\${ch}`;
    else if (ch === '/') out += '\\/';
    else if (ch === '#') out += '\\x23';
    else if (ch === '"') out += '\\x22';
    else out += ch;
  }
  return out;
}
