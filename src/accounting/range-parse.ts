/**
 * Parses one unit of a file (from its start to the first later unit start it lands on exactly) and
 * hands its records on in batches. Pure: bytes in, batches out; the readers around it do the IO.
 *
 * Landing on a start S: the bytes are pushed up to S; when the parser's committed offset is S (the
 * line feed before S ended a record), the unit ends there. When it is not (a quoted field runs over
 * the line feed), the first bytes of S's line are pushed too, which lets the parser resync exactly as
 * a sequential read would, and the check is repeated. No record at or after S is ever emitted before
 * the check: a record needs its line feed, and none is pushed past S. The unit has landed only when
 * the committed offset is S and the columns in force are those the next unit assumed; otherwise it
 * reads on (its records are then the sequential ones) and tries the next start.
 */
import type { MalformedRecord } from '../domain/accounting-record.js';
import { createRecordParser } from './parse/record-parser.js';
import { RECORD_START_PREFIX_MAX } from './parse/record-start.js';
import type { RecordBatch } from './read-types.js';
import { MALFORMED_LINES_PER_REASON, type Columns, type RangeStart, type RangeSummary } from './range-types.js';
import type { RecordParser } from './types.js';

const LF = 0x0a;

export function sameColumns(a: Columns, b: Columns): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function countLf(b: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = b.indexOf(LF, from); i >= 0 && i < to; i = b.indexOf(LF, i + 1)) n++;
  return n;
}

interface Piece {
  readonly data: Buffer;
  readonly offset: number;
  readonly lfBefore: number;
}

export class RangeParse {
  readonly #unit: RangeStart;
  readonly #parser: RecordParser;
  readonly #onBatch: (batch: RecordBatch) => void;
  readonly #maxRecordBytes: number;
  readonly #linesKnown: boolean;
  /** Offset of the next byte to push. */
  #pos: number;
  /** Index into unit.next of the start being approached. */
  #nextIndex = 0;
  /** Set while pushing the first bytes of the start's line to let the parser resync. */
  #probeEnd = -1;
  #landed = -1;
  #lineFeeds = 0;
  #reported: number;
  /** Recent pushed pieces, to count line feeds back to a malformed record that began in them. */
  #pieces: Piece[] = [];
  readonly #malformedLines: [number, number][] = [];
  readonly #perReason = new Map<string, number>();
  #records = 0;
  #malformed = 0;
  #bytes = 0;
  /** Gzip: compressed bytes waiting to be reported with the next batch (set by feed's rawBytes). */
  #rawPending = 0;
  #rawMode = false;

  constructor(unit: RangeStart, options: { maxRecordBytes?: number }, onBatch: (batch: RecordBatch) => void) {
    this.#unit = unit;
    this.#maxRecordBytes = options.maxRecordBytes ?? 1024 * 1024;
    this.#parser = createRecordParser({
      file: unit.file,
      ...(unit.start === 0 ? {} : { startOffset: unit.start, ...(unit.header === null ? {} : { header: unit.header }) }),
      ...(options.maxRecordBytes === undefined ? {} : { maxRecordBytes: options.maxRecordBytes }),
    });
    this.#onBatch = onBatch;
    this.#linesKnown = unit.start === 0;
    this.#pos = unit.start;
    this.#reported = unit.start;
  }

  get landed(): boolean {
    return this.#landed >= 0;
  }

  /** Offset of the next byte the unit wants. */
  get position(): number {
    return this.#pos;
  }

  /**
   * Feeds the next bytes (data[0] is at `position`). `rawBytes`, for a gzip stream, is the compressed
   * bytes behind them; otherwise the bytes consumed are counted. Returns true once the unit has landed
   * (the rest of `data` is not the unit's).
   */
  feed(data: Buffer, rawBytes?: number): boolean {
    if (rawBytes !== undefined) {
      this.#rawMode = true;
      this.#rawPending += rawBytes;
    }
    let p = 0;
    while (p < data.length && this.#landed < 0) {
      const limit = this.#limit();
      const end = limit < 0 ? data.length : Math.min(data.length, p + (limit - this.#pos));
      this.#push(data.subarray(p, end));
      p = end;
      if (this.#pos === limit) this.#check();
    }
    if (this.#rawPending > 0) this.#emit({ records: [], malformed: [] });
    return this.#landed >= 0;
  }

  /** The input ended (end of file or of the gzip stream); `truncated` when the stream was cut short. */
  finish(truncated = false): RangeSummary {
    if (this.#landed < 0) {
      if (truncated) {
        const cut: MalformedRecord = { reason: 'truncated', file: this.#unit.file, offset: this.#parser.committedOffset };
        this.#emit({ records: [], malformed: [cut] }, true);
      } else this.#emit(this.#parser.end(), true);
    }
    return {
      file: this.#unit.file,
      records: this.#records,
      malformed: this.#malformed,
      bytes: this.#bytes,
      committedOffset: this.#landed >= 0 ? (this.#unit.next[this.#landed] as number) : this.#parser.committedOffset,
      landed: this.#landed,
      lineFeeds: this.#lineFeeds,
      malformedLines: this.#malformedLines,
    };
  }

  /** Offset where the next check happens, or -1 when the unit reads to the end. */
  #limit(): number {
    if (this.#probeEnd >= 0) return this.#probeEnd;
    const s = this.#unit.next[this.#nextIndex];
    return s === undefined ? -1 : s;
  }

  #check(): void {
    const s = this.#unit.next[this.#nextIndex] as number;
    const atStart = this.#parser.committedOffset === s;
    if (atStart && sameColumns(this.#parser.header, this.#unit.expect)) {
      this.#landed = this.#nextIndex;
      this.#probeEnd = -1;
      return;
    }
    if (!atStart && this.#probeEnd < 0) {
      // Inside a record at s: push the first bytes of s's line (no line feed among them) and look again.
      this.#probeEnd = s + RECORD_START_PREFIX_MAX;
      return;
    }
    this.#probeEnd = -1;
    this.#nextIndex++;
  }

  #push(piece: Buffer): void {
    if (piece.length === 0) return;
    const offset = this.#pos;
    const lfBefore = this.#lineFeeds;
    this.#lineFeeds += countLf(piece, 0, piece.length);
    this.#pos += piece.length;
    if (!this.#linesKnown) {
      this.#pieces.push({ data: piece, offset, lfBefore });
      // Keep what a record still open could reach back to (it is never longer than maxRecordBytes).
      const reach = offset - this.#maxRecordBytes - 1;
      while (this.#pieces.length > 1 && (this.#pieces[1] as Piece).offset <= reach) this.#pieces.shift();
    }
    this.#emit(this.#parser.push(piece));
  }

  #emit(out: { records: RecordBatch['records']; malformed: RecordBatch['malformed'] }, final = false): void {
    let bytes: number;
    if (this.#rawMode) {
      bytes = this.#rawPending;
      this.#rawPending = 0;
    } else {
      bytes = Math.max(0, this.#consumedTo() - this.#reported);
      this.#reported += bytes;
    }
    if (!this.#linesKnown) this.#noteLines(out.malformed);
    if (out.records.length === 0 && out.malformed.length === 0 && bytes === 0 && !final) return;
    this.#records += out.records.length;
    this.#malformed += out.malformed.length;
    this.#bytes += bytes;
    this.#onBatch({ file: this.#unit.file, records: out.records, malformed: out.malformed, bytes, committedOffset: this.#parser.committedOffset });
  }

  /** Bytes up to here belong to this unit (not the first bytes of a start's line pushed to probe it). */
  #consumedTo(): number {
    if (this.#landed >= 0) return this.#unit.next[this.#landed] as number;
    if (this.#probeEnd >= 0) return this.#unit.next[this.#nextIndex] as number;
    return this.#pos;
  }

  #noteLines(malformed: readonly MalformedRecord[]): void {
    for (const m of malformed) {
      const seen = this.#perReason.get(m.reason) ?? 0;
      if (seen >= MALFORMED_LINES_PER_REASON) continue;
      this.#perReason.set(m.reason, seen + 1);
      const line = this.#lineOf(m.offset);
      if (line !== null) this.#malformedLines.push([m.offset, line]);
    }
  }

  /** Line (1 = the unit's first) of a byte offset within the recent pieces; null if out of reach. */
  #lineOf(offset: number): number | null {
    for (let i = this.#pieces.length - 1; i >= 0; i--) {
      const piece = this.#pieces[i] as Piece;
      if (offset >= piece.offset) {
        const within = Math.min(offset - piece.offset, piece.data.length);
        return 1 + piece.lfBefore + countLf(piece.data, 0, within);
      }
    }
    return offset === this.#unit.start ? 1 : null;
  }
}
