/**
 * Contracts of the accounting reader. The parser is a pure, incremental, byte-level state machine:
 * push chunks of a file's bytes in order, get complete records back, and always know the byte offset
 * just after the last complete record (what a tailer may checkpoint).
 */
import type { AcctRecord, MalformedRecord } from '../domain/accounting-record.js';

export interface ParserOptions {
  /** Path reported in record locations. */
  readonly file: string;
  /** Byte offset in the file of the first byte that will be pushed (resume after a checkpoint). */
  readonly startOffset?: number;
  /**
   * Header columns to use from the start (when resuming mid-file, the tailer re-reads the header line
   * and passes it here). A header line met in the data always re-maps the columns.
   */
  readonly header?: readonly string[];
  /** Records longer than this are skipped and counted as `too-large`. Default 1 MiB. */
  readonly maxRecordBytes?: number;
  /** false: split lines in JavaScript only, without the WebAssembly splitter (for comparisons). */
  readonly wasm?: boolean;
}

export interface ParseOutput {
  readonly records: AcctRecord[];
  readonly malformed: MalformedRecord[];
}

export interface RecordParser {
  /** Feed the next bytes of the file. Never throws on bad input. */
  push(chunk: Uint8Array): ParseOutput;
  /**
   * The input has ended (one-shot read of a finished file): a last record without a terminator is
   * parsed if complete, otherwise counted as `truncated`.
   */
  end(): ParseOutput;
  /** Byte offset just after the last complete record or header line consumed. */
  readonly committedOffset: number;
  /** Columns currently in force (null before a header line was seen). */
  readonly header: readonly string[] | null;
}

export type ParserFactory = (options: ParserOptions) => RecordParser;
