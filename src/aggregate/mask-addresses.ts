/**
 * E-mail addresses in a response text replaced by `<address>`, so that responses quoting their
 * recipient group (and classify) as one text. A hand-written scan with exactly the result of
 * `text.replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g, '<address>')` (a test holds it to that), at a
 * fraction of the regex's cost: every bounce text quotes an address, so this runs once per bounce.
 *
 * What the regex replaces: a maximal run of characters outside the stop set (white space and
 * `<>()[]"',;:`) that holds an `@` with at least one character of the run before it and one after it.
 */

/** White space as the regex `\s` means it, and the delimiters around addresses. */
function isStop(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x7f) return c === 0x3c || c === 0x3e || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x22 || c === 0x27 || c === 0x2c || c === 0x3b || c === 0x3a;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export function maskAddresses(text: string): string {
  let at = text.indexOf('@');
  if (at < 0) return text;
  let out = '';
  let last = 0;
  while (at >= 0) {
    let a = at;
    while (a > last && !isStop(text.charCodeAt(a - 1))) a--;
    let b = at + 1;
    while (b < text.length && !isStop(text.charCodeAt(b))) b++;
    // an @ inside the run with a character before and after it
    let k = at === a ? text.indexOf('@', a + 1) : at;
    if (k >= b - 1) k = -1;
    if (k >= 0) {
      out += `${text.slice(last, a)}<address>`;
      last = b;
    }
    at = text.indexOf('@', b);
  }
  return last === 0 ? text : out + text.slice(last);
}
