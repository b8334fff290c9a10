/**
 * The text the response patterns see. dsnDiag arrives as `smtp;421-4.7.28 ... rate 421-4.7.28 limited.`:
 * PowerMTA joins the lines of a multi-line reply, so the continuation markers of later lines
 * (`421-4.7.28 `, `554-`, and the last line's `421 4.7.28 `) land in the middle of sentences. They are
 * removed (the first line's code is kept) so patterns can be written as if the reply were one line.
 * The `smtp;` prefix is dropped and the text cut to MAX_MATCH_TEXT characters, which bounds the cost of
 * a hostile reply.
 */
export const MAX_MATCH_TEXT = 2_000;

// A later line's marker: whitespace, then `NNN-` with an optional enhanced code, or `NNN x.y.z`.
const CONTINUATION = /(?<=\s)[2-5]\d\d(?:-(?:[2-5]\.\d{1,3}\.\d{1,3}\s+)?|\s[2-5]\.\d{1,3}\.\d{1,3}\s+)/g;
const HAS_CONTINUATION = /\s[2-5]\d\d[- ]/;

/** dsnDiag without `smtp;`, cut to MAX_MATCH_TEXT; cheap (no regex). Used as the cache key. */
export function cutText(text: string): string {
  const t = text.length >= 5 && text.charCodeAt(4) === 59 && text.slice(0, 5).toLowerCase() === 'smtp;' ? text.slice(5) : text;
  return t.length > MAX_MATCH_TEXT ? t.slice(0, MAX_MATCH_TEXT) : t;
}

/** Removes the continuation markers of a joined multi-line reply. */
export function joinReplyLines(text: string): string {
  return HAS_CONTINUATION.test(text) ? text.replace(CONTINUATION, '') : text;
}

/** The text patterns are matched against: cutText, then joinReplyLines. */
export function matchText(text: string): string {
  return joinReplyLines(cutText(text));
}
