/**
 * Splits one physical line (without its line ending) into indentation, body, trailing blanks and
 * comment. `#` starts a comment anywhere outside a double-quoted string, also inside a regex (PowerMTA
 * documents `\x23` for a literal `#`); `\"` and `\\` are escapes and never open or close a string.
 */
export interface ScannedLine {
  readonly indent: string;
  readonly body: string;
  readonly trailing: string;
  readonly comment: string;
  /** Column (0-based) of a `"` that is never closed, or -1. */
  readonly unterminatedQuoteAt: number;
}

const BLANK = /[ \t\f\v]/;

export function scanLine(text: string): ScannedLine {
  let start = 0;
  while (start < text.length && BLANK.test(text[start] ?? '')) start++;
  let inQuote = false;
  let quoteAt = -1;
  let commentAt = text.length;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === '"' || next === '\\') i++;
      continue;
    }
    if (ch === '"') {
      inQuote = !inQuote;
      quoteAt = inQuote ? i : -1;
      continue;
    }
    if (ch === '#' && !inQuote) {
      commentAt = i;
      break;
    }
  }
  let end = commentAt;
  while (end > start && BLANK.test(text[end - 1] ?? '')) end--;
  return {
    indent: text.slice(0, start),
    body: text.slice(start, end),
    trailing: text.slice(end, commentAt),
    comment: text.slice(commentAt),
    unterminatedQuoteAt: inQuote ? quoteAt : -1,
  };
}

/** Splits text into lines with their endings (`\r\n`, `\n` or a lone `\r`); the last may have none. */
export function splitLines(text: string): { readonly content: string; readonly eol: '' | '\n' | '\r\n' | '\r' }[] {
  const out: { content: string; eol: '' | '\n' | '\r\n' | '\r' }[] = [];
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let i = pos;
    while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
    if (i >= n) {
      out.push({ content: text.slice(pos), eol: '' });
      break;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      out.push({ content: text.slice(pos, i), eol: '\r\n' });
      pos = i + 2;
    } else {
      out.push({ content: text.slice(pos, i), eol: text[i] === '\r' ? '\r' : '\n' });
      pos = i + 1;
    }
  }
  return out;
}
