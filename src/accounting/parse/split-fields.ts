/**
 * RFC 4180 field splitting of one record's bytes by hopping between separators with Buffer#indexOf
 * (memchr speed) instead of testing every byte in JavaScript.
 *
 * Quoting rule (the same one the byte state machine in spanning-record.ts follows): only a `"` at the
 * start of a field opens a quoted field; inside it `""` is a literal quote and a lone `"` closes it;
 * anything between the closing quote and the next comma is kept as data. A `"` inside an unquoted field
 * is data.
 */
const QUOTE = 0x22;
const COMMA = 0x2c;

/** Returned by splitFields when a quoted field is still open at the end of the range. */
export const UNCLOSED_QUOTE = -1;

/**
 * Splits the record content [s, e) (terminator excluded). Stores the end index of field i (the comma,
 * or e for the last field) in seps[k + i] for i < cap, and returns the number of fields (which may
 * exceed cap), or UNCLOSED_QUOTE. Field i starts at s (i = 0) or seps[k + i - 1] + 1.
 */
export function splitFields(b: Buffer, s: number, e: number, seps: Int32Array, k: number, cap: number): number {
  let n = 0;
  let i = s;
  for (;;) {
    if (i < e && b[i] === QUOTE) {
      let j = i + 1;
      for (;;) {
        j = b.indexOf(QUOTE, j);
        if (j < 0 || j >= e) return UNCLOSED_QUOTE;
        if (j + 1 < e && b[j + 1] === QUOTE) {
          j += 2;
          continue;
        }
        break;
      }
      i = j + 1;
    }
    let c: number;
    if (i >= e) c = e;
    else if (b[i] === COMMA) c = i;
    else {
      c = b.indexOf(COMMA, i);
      if (c < 0 || c > e) c = e;
    }
    if (n < cap) seps[k + n] = c;
    n++;
    if (c >= e) return n;
    i = c + 1;
  }
}
