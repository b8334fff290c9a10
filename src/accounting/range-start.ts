/**
 * Where a reader that starts in the middle of an accounting file may begin: the first line start that
 * looks like a record (a record type, a comma, then a timestamp that parses). Pure.
 *
 * Why such a line is a safe cut: the sequential parser commits at every line start whose first bytes
 * look like a record start (record-start.ts): a record only runs past a line end inside a quoted field,
 * and there the parser checks the next line and resyncs on exactly this condition. The check here is
 * stricter (it also parses the timestamp), so every start it finds is one the sequential parser would
 * commit at, given the same bytes before it. The readers still verify this (range-reader.ts).
 */
import { LOOKS_LIKE_RECORD, NEED_MORE, RECORD_START_PREFIX_MAX, matchRecordStart } from './parse/record-start.js';
import { parseTimeBytes } from './parse/parse-time.js';
import { recordTypeAt } from './parse/record-type.js';

const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
/** Longest second field we look at for a timestamp (`2026-11-29 00:00:00.000+0000` with quotes and spaces). */
const TIME_FIELD_MAX = 64;

/** No record start in the bytes given; they end before one could be recognised. */
export const START_NEEDS_MORE = -1;

type LineVerdict = 'record' | 'other' | 'more';

/** Does the line starting at b[i] look like a record (type, comma, timestamp)? */
export function lineLooksLikeRecord(b: Uint8Array, i: number): LineVerdict {
  const len = b.length;
  let c1 = -1;
  for (let j = i; j < len && j - i < RECORD_START_PREFIX_MAX; j++) {
    const x = b[j];
    if (x === COMMA) {
      c1 = j;
      break;
    }
    if (x === LF) return 'other';
  }
  if (c1 < 0) return len - i < RECORD_START_PREFIX_MAX ? 'more' : 'other';
  if (recordTypeAt(Buffer.from(b.buffer, b.byteOffset, b.byteLength), i, c1) === null) return 'other';
  const prefixLen = Math.min(RECORD_START_PREFIX_MAX, len - i);
  const verdict = matchRecordStart(b.subarray(i, i + prefixLen), prefixLen, true);
  if (verdict === NEED_MORE) return 'more';
  if (verdict !== LOOKS_LIKE_RECORD) return 'other';
  for (let j = c1 + 1; j - c1 <= TIME_FIELD_MAX; j++) {
    if (j >= len) return 'more';
    const x = b[j];
    if (x === COMMA || x === LF || x === CR) return Number.isNaN(parseTimeBytes(b, c1 + 1, j)) ? 'other' : 'record';
  }
  return 'other';
}

/**
 * Index of the first line start at or after `from` whose line looks like a record, or
 * START_NEEDS_MORE when the bytes run out first. `lineStartAtZero` says whether b[0] starts a line
 * (the byte before it in the file is a line feed, or it is the file's first byte).
 */
export function findRecordStart(b: Uint8Array, from: number, lineStartAtZero: boolean): number {
  let i = from;
  const atLineStart = i === 0 ? lineStartAtZero : b[i - 1] === LF;
  if (!atLineStart) {
    const lf = b.indexOf(LF, i);
    if (lf < 0) return START_NEEDS_MORE;
    i = lf + 1;
  }
  for (;;) {
    if (i >= b.length) return START_NEEDS_MORE;
    const verdict = lineLooksLikeRecord(b, i);
    if (verdict === 'record') return i;
    if (verdict === 'more') return START_NEEDS_MORE;
    const lf = b.indexOf(LF, i);
    if (lf < 0) return START_NEEDS_MORE;
    i = lf + 1;
  }
}
