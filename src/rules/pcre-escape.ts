/**
 * Escapes literal text for a PowerMTA `reply /REGEX/` pattern. PowerMTA first undoes its own `\\` and
 * `\"` escapes and then hands the text to PCRE [UG5 §3.3.15], so: PCRE metacharacters get a backslash,
 * `/` (the delimiter) becomes `\/`, `#` (a comment start in the config) becomes `\x23`, and the two
 * characters PowerMTA unescapes itself are written as hex escapes: `\` as `\x5c`, `"` as `\x22`.
 */
const META = new Set(['^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);

export function escapePowerMtaRegex(literal: string): string {
  let out = '';
  for (const ch of literal) {
    if (ch === '\\') out += '\\x5c';
    else if (META.has(ch)) out += `\\${ch}`;
    else if (ch === '/') out += '\\/';
    else if (ch === '#') out += '\\x23';
    else if (ch === '"') out += '\\x22';
    else out += ch;
  }
  return out;
}
