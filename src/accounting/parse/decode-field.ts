/**
 * Field bytes to strings. Text is decoded as UTF-8; invalid sequences become U+FFFD (the record is kept).
 * A field that starts with `"` is an RFC 4180 quoted field: the quotes are removed and `""` becomes `"`.
 * Bytes after a closing quote (a writer bug) are kept as data.
 */
const QUOTE = 0x22;

interface FastSlices {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}
// Buffer#utf8Slice and #latin1Slice are what Buffer#toString calls after its argument checks.
const proto = Buffer.prototype as unknown as Partial<FastSlices>;
const hasFastSlices = typeof proto.utf8Slice === 'function' && typeof proto.latin1Slice === 'function';

export function utf8(b: Buffer, s: number, e: number): string {
  if (s >= e) return '';
  return hasFastSlices ? (b as unknown as FastSlices).utf8Slice(s, e) : b.toString('utf8', s, e);
}

/** One char per byte: equal to utf8() for ASCII bytes, and cheaper. */
export function latin1(b: Buffer, s: number, e: number): string {
  if (s >= e) return '';
  return hasFastSlices ? (b as unknown as FastSlices).latin1Slice(s, e) : b.toString('latin1', s, e);
}

/** What decodeField gives for a quoted field, from the field's text (which starts with `"`). */
export function unquoteText(v: string): string {
  let out = '';
  let i = 1;
  for (;;) {
    const j = v.indexOf('"', i);
    if (j < 0) return out + v.slice(i);
    if (j + 1 < v.length && v.charCodeAt(j + 1) === QUOTE) {
      out += v.slice(i, j + 1);
      i = j + 2;
      continue;
    }
    out += v.slice(i, j);
    return j + 1 < v.length ? out + v.slice(j + 1) : out;
  }
}

/** The value of the raw field at [s, e) (which may be quoted). */
export function decodeField(b: Buffer, s: number, e: number): string {
  if (s >= e) return '';
  if (b[s] !== QUOTE) return utf8(b, s, e);
  let out = '';
  let i = s + 1;
  for (;;) {
    const j = b.indexOf(QUOTE, i);
    if (j < 0 || j >= e) return out + utf8(b, i, e); // unclosed (only in an incomplete last record)
    if (j + 1 < e && b[j + 1] === QUOTE) {
      out += utf8(b, i, j + 1);
      i = j + 2;
      continue;
    }
    out += utf8(b, i, j);
    return j + 1 < e ? out + utf8(b, j + 1, e) : out;
  }
}

/** True when [s, e) is valid UTF-8 (ASCII fast path). */
export function isValidUtf8(b: Uint8Array, s: number, e: number): boolean {
  let i = s;
  while (i < e) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    if (i + need >= e) return false;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k] ?? 0;
      if ((cc & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/** True when any byte in [s, e) is >= 0x80. */
export function hasHighBytes(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if ((b[i] ?? 0) >= 0x80) return true;
  return false;
}
