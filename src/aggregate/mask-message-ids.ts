/**
 * Message-unique tokens in a response text replaced by `<id>`: providers stamp many replies with a
 * per-message or per-server token (Gmail's `d75a77b69052e-4a5f2e8b1c3si1234567cf.456 - gsmtp`,
 * Microsoft's `[MxId=11BAB2CDB1C6B5FC] [DM6NAM12FT062.eop-nam12.prod.protection.outlook.com]`).
 * Without this, every such deferral would be a text of its own: the responses list would grow with the
 * traffic instead of with the kinds of answer, and each would be classified again.
 *
 * A token is a maximal run of letters, digits, `-` and `_`; it is masked when it is at least 10
 * characters long and holds at least 3 digits and 3 letters, together with the dotted parts that follow it
 * (`….456`, `.eop-nam12.prod.protection.outlook.com`). Status codes (`4.7.28`), IP addresses,
 * host names without digits and words are kept. Every example response in the provider model
 * classifies the same with tokens masked (a test keeps that true).
 */
const MIN_LENGTH = 10;
const MIN_DIGITS = 3;
const MIN_LETTERS = 3;

function isTokenChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;
}

export function maskMessageIds(text: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    let letters = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isTokenChar(c)) break;
      if (c >= 0x30 && c <= 0x39) digits++;
      else if (c >= 0x41 && c !== 0x5f) letters++;
      i++;
    }
    if (i - start >= MIN_LENGTH && digits >= MIN_DIGITS && letters >= MIN_LETTERS) {
      // the dotted rest of the token goes with it (`….456`, a server's domain)
      while (i + 1 < n && text.charCodeAt(i) === 0x2e && isTokenChar(text.charCodeAt(i + 1))) {
        i++;
        while (i < n && isTokenChar(text.charCodeAt(i))) i++;
      }
      out += `${text.slice(last, start)}<id>`;
      last = i;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}
