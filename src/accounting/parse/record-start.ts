/**
 * Does a line look like the start of a record? Used when a quoted field runs past a line end: if the
 * next line starts like `t,2024-...` or `type,timeLogged`, the quote was garbage and the parser resyncs
 * there instead of swallowing the rest of the file.
 */
import { RECORD_START_TOKENS } from './record-type.js';

export const LOOKS_LIKE_RECORD = 1;
export const NOT_A_RECORD = 0;
export const NEED_MORE = -1;
export type RecordStartVerdict = typeof LOOKS_LIKE_RECORD | typeof NOT_A_RECORD | typeof NEED_MORE;

/** Longest token plus comma plus one byte. */
export const RECORD_START_PREFIX_MAX = Math.max(...RECORD_START_TOKENS.map((t) => t.length)) + 2;

const TYPE = Buffer.from('type', 'latin1');

function isPrefixOfToken(p: Uint8Array, len: number): boolean {
  for (const t of RECORD_START_TOKENS) {
    if (t.length < len) continue;
    let ok = true;
    for (let i = 0; i < len; i++) if (t[i] !== p[i]) ok = false;
    if (ok) return true;
  }
  return false;
}

function isToken(p: Uint8Array, len: number): Uint8Array | undefined {
  return RECORD_START_TOKENS.find((t) => t.length === len && t.every((c, i) => p[i] === c));
}

/**
 * Verdict on the first `len` bytes of a line. A record start is a record type (or alias) and a comma,
 * then a digit or `"` when the header's second column is timeLogged (else any byte); a header start is
 * `type,` and a letter.
 */
export function matchRecordStart(p: Uint8Array, len: number, timeIsSecond: boolean): RecordStartVerdict {
  let comma = -1;
  for (let i = 0; i < len; i++) {
    if (p[i] === 0x2c) {
      comma = i;
      break;
    }
  }
  if (comma < 0) return len < RECORD_START_PREFIX_MAX - 1 && isPrefixOfToken(p, len) ? NEED_MORE : NOT_A_RECORD;
  const token = isToken(p, comma);
  if (token === undefined) return NOT_A_RECORD;
  if (comma + 1 >= len) return NEED_MORE;
  const next = p[comma + 1] ?? 0;
  if (token.length === TYPE.length && TYPE.every((c, i) => token[i] === c)) {
    const lower = next | 0x20;
    return lower >= 0x61 && lower <= 0x7a ? LOOKS_LIKE_RECORD : NOT_A_RECORD;
  }
  if (!timeIsSecond) return LOOKS_LIKE_RECORD;
  return (next >= 0x30 && next <= 0x39) || next === 0x22 ? LOOKS_LIKE_RECORD : NOT_A_RECORD;
}
