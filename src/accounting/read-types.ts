/**
 * Types of the accounting file readers (the IO edge around the pure parser).
 */
import type { AcctRecord, MalformedRecord } from '../domain/accounting-record.js';

/** One accounting file found by expandInputs. */
export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  /** Size on disk in bytes (compressed size for gzip). */
  readonly size: number;
  readonly mtimeMs: number;
  /** Detected by the magic bytes 1f 8b, whatever the name. */
  readonly gzip: boolean;
  /** timeLogged of the first record (epoch ms), null when the file's start holds none. */
  readonly firstTime: number | null;
}

/**
 * What a reader emits: the records and malformed counts of one read chunk (about 1 MiB of the file,
 * a few thousand records), never one emission per record.
 */
export interface RecordBatch {
  readonly file: string;
  readonly records: readonly AcctRecord[];
  readonly malformed: readonly MalformedRecord[];
  /** Bytes of the file on disk consumed since the previous batch (compressed bytes for gzip). */
  readonly bytes: number;
  /** Parser checkpoint after this batch (offset in the decompressed stream for gzip). */
  readonly committedOffset: number;
}

export interface ReadOptions {
  /** Read size in bytes. Default 1 MiB. */
  readonly chunkSize?: number;
  /** Records longer than this are skipped and counted `too-large`. Default 1 MiB. */
  readonly maxRecordBytes?: number;
  readonly signal?: AbortSignal;
  /**
   * Read plain files into two buffers used in turn instead of a fresh buffer per read (no garbage of
   * read buffers for the collector to catch up with). Only for consumers that are done with a batch's
   * records when the batch callback returns: records read their fields from the buffer lazily.
   */
  readonly reuseBuffers?: boolean;
}

/** Totals of one file once read. */
export interface FileSummary {
  readonly file: string;
  readonly records: number;
  readonly malformed: number;
  readonly bytes: number;
  readonly committedOffset: number;
}
