/**
 * The slow path of the parser: a byte-at-a-time state machine for ONE record that the fast path could
 * not take whole (it runs past the end of the pushed bytes, has a quoted field with a line break in it,
 * or is longer than maxRecordBytes). It keeps references to the record's pieces, so each byte is looked
 * at once however many pushes the record spans (linear time), and hands the complete record bytes back.
 *
 * Bad input:
 * - a quoted field runs past a line end and the next line looks like a record start → the record is
 *   `unterminated-quote` and parsing resumes at that line;
 * - the record grows past maxRecordBytes → `too-large` (or `unterminated-quote` when inside a quoted
 *   field); its bytes are dropped and the rest up to the next LF is skipped.
 */
import type { MalformedReason } from '../../domain/accounting-record.js';
import { LOOKS_LIKE_RECORD, NOT_A_RECORD, RECORD_START_PREFIX_MAX, matchRecordStart } from './record-start.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

export interface SpanSink {
  /**
   * A complete record: content is bytes[0, contentEnd) (terminator excluded). `atEnd` means the input
   * ended without a terminator. Returns false when the record was not consumed (counted truncated).
   */
  record(bytes: Buffer, contentEnd: number, offset: number, line: number, atEnd: boolean): boolean;
  malformed(reason: MalformedReason, offset: number, line: number): void;
  /** Everything before `offset` is consumed; the next record starts on line `line`. */
  commit(offset: number, line: number): void;
}

export class SpanningRecord {
  active = false;
  #max: number;
  #offset = 0;
  #line = 0;
  #length = 0;
  #lfs = 0;
  #state = FIELD_START;
  #discard = false;
  #pieces: Buffer[] = [];
  #timeIsSecond = true;
  #checking = false;
  readonly #prefix = new Uint8Array(RECORD_START_PREFIX_MAX);
  #prefixLen = 0;
  #lineOffset = 0;
  #lineNo = 0;

  constructor(maxRecordBytes: number) {
    this.#max = maxRecordBytes;
  }

  get maxRecordBytes(): number {
    return this.#max;
  }

  begin(offset: number, line: number, timeIsSecond: boolean): void {
    this.active = true;
    this.#offset = offset;
    this.#line = line;
    this.#length = 0;
    this.#lfs = 0;
    this.#state = FIELD_START;
    this.#discard = false;
    this.#pieces = [];
    this.#timeIsSecond = timeIsSecond;
    this.#checking = false;
    this.#prefixLen = 0;
  }

  /**
   * Feeds b[from, to) (b[0] is at file offset `base`). Returns the index just after the record's
   * terminator once the record is done (reported to the sink), or -1 when all bytes were taken.
   * The hot loop keeps the state in locals and writes it back before anything else reads it.
   */
  feed(b: Buffer, from: number, to: number, base: number, sink: SpanSink): number {
    let pieceStart = from;
    let state = this.#state;
    let length = this.#length;
    const max = this.#max;
    for (let i = from; i < to; i++) {
      if (this.#discard) {
        const lf = b.indexOf(LF, i);
        return lf < 0 || lf >= to ? -1 : this.#done(base, lf, sink);
      }
      const x = b[i] as number;
      if (length === 0 && x === 0) {
        // NUL padding before a record (a stale copytruncate writer): skipped.
        this.#offset = base + i + 1;
        pieceStart = i + 1;
        continue;
      }
      if (++length > max) {
        sink.malformed(state === QUOTED ? 'unterminated-quote' : 'too-large', this.#offset, this.#line);
        this.#discard = true;
        this.#pieces = [];
        this.#checking = false;
        if (x === LF) return this.#done(base, i, sink);
        continue;
      }
      if (this.#checking) {
        if (x === LF) this.#checking = false;
        else {
          this.#prefix[this.#prefixLen++] = x;
          const verdict = matchRecordStart(this.#prefix, this.#prefixLen, this.#timeIsSecond);
          if (verdict === LOOKS_LIKE_RECORD) {
            this.#resync(sink);
            state = this.#state;
            length = this.#length;
            pieceStart = i + 1;
            continue;
          }
          if (verdict === NOT_A_RECORD) this.#checking = false;
        }
      }
      // The quoting state machine (the same rules as split-fields.ts).
      let end = false;
      if (state === UNQUOTED) {
        if (x === COMMA) state = FIELD_START;
        else end = x === LF;
      } else if (state === QUOTED) {
        if (x === QUOTE) state = QUOTE_SEEN;
        else if (x === LF) this.#quotedLineBreak(base + i);
      } else if (state === FIELD_START) {
        if (x === QUOTE) state = QUOTED;
        else if (x === LF) end = true;
        else if (x !== COMMA) state = UNQUOTED;
      } else if (x === QUOTE) state = QUOTED; // QUOTE_SEEN then "" = a literal quote
      else {
        state = x === COMMA ? FIELD_START : UNQUOTED;
        end = x === LF;
      }
      if (end) {
        this.#pieces.push(b.subarray(pieceStart, i + 1));
        const bytes = this.#pieces.length === 1 ? (this.#pieces[0] as Buffer) : Buffer.concat(this.#pieces);
        let contentEnd = bytes.length - 1;
        if (contentEnd > 0 && bytes[contentEnd - 1] === CR) contentEnd--;
        this.#length = length;
        sink.record(bytes, contentEnd, this.#offset, this.#line, false);
        return this.#done(base, i, sink);
      }
    }
    this.#state = state;
    this.#length = length;
    // a copy: the reader may reuse the chunk's memory for a later read (ReadOptions.reuseBuffers)
    if (!this.#discard && to > pieceStart) this.#pieces.push(Buffer.from(b.subarray(pieceStart, to)));
    return -1;
  }

  /** A line break inside a quoted field: watch whether the next line looks like a record start. */
  #quotedLineBreak(lfOffset: number): void {
    this.#lfs++;
    this.#checking = true;
    this.#prefixLen = 0;
    this.#lineOffset = lfOffset + 1;
    this.#lineNo = this.#line + this.#lfs;
  }

  /** The quote was garbage: count the record, start a new one at the line that looks like a record. */
  #resync(sink: SpanSink): void {
    sink.malformed('unterminated-quote', this.#offset, this.#line);
    sink.commit(this.#lineOffset, this.#lineNo);
    const prefix = Buffer.from(this.#prefix.subarray(0, this.#prefixLen));
    this.begin(this.#lineOffset, this.#lineNo, this.#timeIsSecond);
    // Replay the line's first bytes (they hold no LF, so the record cannot end here).
    this.feed(prefix, 0, prefix.length, this.#lineOffset, sink);
  }

  /** The record ended at the LF b[lf]: commit past it, return the index after it. */
  #done(base: number, lf: number, sink: SpanSink): number {
    this.active = false;
    this.#pieces = [];
    sink.commit(base + lf + 1, this.#line + this.#lfs + 1);
    return lf + 1;
  }

  /** The input ended: parse what is held if it is a complete record, else count it truncated. */
  finish(sink: SpanSink): void {
    if (!this.active) return;
    this.active = false;
    if (this.#discard || this.#length === 0) return;
    const bytes = Buffer.concat(this.#pieces);
    this.#pieces = [];
    let contentEnd = bytes.length;
    if (bytes[contentEnd - 1] === CR) contentEnd--;
    if (this.#state === QUOTED) {
      sink.malformed('truncated', this.#offset, this.#line);
      return;
    }
    if (sink.record(bytes, contentEnd, this.#offset, this.#line, true)) {
      sink.commit(this.#offset + this.#length, this.#line + this.#lfs);
    }
  }
}
