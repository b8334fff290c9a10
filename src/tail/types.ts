/**
 * Public types of the tailer: what it is given (options), what it hands out (batches, events, status)
 * and what it can be restarted from (checkpoint). See docs/tailing.md.
 */
import type { ParserFactory } from '../accounting/types.js';
import type { AcctRecord, MalformedRecord } from '../domain/accounting-record.js';

/** Wall clock, injectable. */
export interface Clock {
  now(): number;
}

/** Timer source, injectable (the poll loop and the watcher debounce use it). */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type FileKind = 'plain' | 'gzip';

/** Which physical file a batch was read from, and which content stream it belongs to. */
export interface FileIdentity {
  /** st_dev and st_ino as decimal strings (exact for 64-bit values). */
  readonly dev: string;
  readonly ino: string;
  /** Hash of the first `fingerprintBytes` after the header line; null while the file is shorter. */
  readonly fingerprint: string | null;
}

/**
 * Records read from one file, in file order. `committedOffset` is the byte just after the last complete
 * record (in the decompressed content for gzip); `bytes` how far it moved since the previous batch of the
 * same content. A batch is acknowledged once its records are applied; only acknowledged offsets are
 * checkpointed.
 */
export interface TailBatch {
  /** 1, 2, 3... per tailer instance. */
  readonly seq: number;
  readonly file: FileIdentity;
  readonly path: string;
  readonly kind: FileKind;
  readonly records: readonly AcctRecord[];
  readonly malformed: readonly MalformedRecord[];
  readonly committedOffset: number;
  readonly bytes: number;
  /** The content will not be read again: a deleted file drained to its end, a complete gzip read to its end. */
  readonly final: boolean;
}

export type RootStatus =
  | { readonly state: 'ok'; readonly input: string; readonly files: number }
  | { readonly state: 'waiting-for-path'; readonly input: string }
  | { readonly state: 'error'; readonly input: string; readonly code: string; readonly message: string };

export type TruncationReason = 'shrunk' | 'rewritten' | 'replaced';

/** Lifecycle events: rare, one per file event, never per record. */
export type TailEvent =
  | { readonly type: 'root-status'; readonly status: RootStatus }
  | { readonly type: 'file-found'; readonly path: string; readonly kind: FileKind; readonly resumedAt: number; readonly role: 'owner' | 'copy' }
  | { readonly type: 'file-renamed'; readonly from: string; readonly to: string }
  | { readonly type: 'file-gone'; readonly path: string }
  | { readonly type: 'file-closed'; readonly path: string; readonly offset: number; readonly droppedIncompleteBytes: number }
  | { readonly type: 'file-truncated'; readonly path: string; readonly reason: TruncationReason; readonly offset: number }
  | { readonly type: 'copy-takeover'; readonly path: string; readonly offset: number }
  | { readonly type: 'gzip-incomplete'; readonly path: string; readonly size: number }
  | { readonly type: 'rotated-away-unread'; readonly path: string }
  | { readonly type: 'paused'; readonly pending: number }
  | { readonly type: 'resumed' }
  | { readonly type: 'error'; readonly path: string; readonly code: string; readonly message: string };

/** Counters since the tailer was created. */
export interface TailMetrics {
  polls: number;
  batches: number;
  records: number;
  malformed: number;
  /** Bytes of complete records (and header lines) read. */
  bytesCommitted: number;
  filesFound: number;
  /** Files seen in a listing that vanished before they could be opened and were not found again. */
  rotatedAwayUnread: number;
  /** Size shrank or the bytes before the offset changed: the file was read again from 0. */
  truncations: number;
  /** Bytes read from a rotated copy after its original was truncated (copytruncate recovery). */
  bytesRecoveredFromCopies: number;
  /** Partial last records of files that disappeared or of complete gzip files, dropped uncounted. */
  incompleteRecordsDropped: number;
  /** Leading NUL bytes skipped (stale writer after copytruncate). */
  nulBytesSkipped: number;
  /** Gzip files not complete yet (retried when they change). */
  gzipIncomplete: number;
  /** A file matched a known content by fingerprint but not at the saved offset: read as new. */
  identityConflicts: number;
}

/** What a checkpointed content stream looked like when its last acknowledged batch was applied. */
export interface StreamCheckpoint {
  readonly fingerprint: string | null;
  /** Byte offset where data starts (after BOM, header line and leading NULs); null when not known yet. */
  readonly dataStart: number | null;
  /** Columns in force at `offset` (null before a header was seen). */
  readonly header: readonly string[] | null;
  /** Byte just after the last complete record applied. Never inside a record. */
  readonly offset: number;
  /** Hash of the bytes [offset - markerLength, offset). */
  readonly marker: string;
  readonly markerLength: number;
  /** Read to its end; never read again. */
  readonly finished: boolean;
  readonly kind: FileKind;
  /** Clock time at which a file holding this content was last seen. */
  readonly lastSeenAt: number;
  readonly files: readonly FileCheckpoint[];
}

/** A physical file holding (a prefix of) a stream's content. */
export interface FileCheckpoint {
  readonly dev: string;
  readonly ino: string;
  readonly path: string;
  readonly kind: FileKind;
  /** `owner`: the file the stream is read from; `copy`: a copy (rotated copy, gzip) holding no unread bytes. */
  readonly role: 'owner' | 'copy';
  /** Size on disk when saved (a complete gzip with the same dev, ino and size is not decompressed again). */
  readonly size: number;
  /** mtime in ns when saved: a copy with the same (dev, ino), size and mtime is still that copy. */
  readonly mtime: string;
}

export interface TailCheckpoint {
  readonly version: 1;
  readonly savedAt: number;
  readonly fingerprintBytes: number;
  readonly streams: readonly StreamCheckpoint[];
}

export interface TailerOptions {
  /** Directories (their accounting files), files or globs, like the reader's inputs. */
  readonly inputs: readonly string[];
  readonly parserFactory: ParserFactory;
  /**
   * Receives each batch, in order; the next batch is not delivered before a returned promise settles.
   * With `ack: 'auto'` the batch is acknowledged when this returns (or its promise resolves).
   */
  readonly onBatch: (batch: TailBatch) => void | Promise<void>;
  /** `manual`: the consumer calls `tailer.ack(batch)`; reading pauses at `maxPendingBatches`. Default auto. */
  readonly ack?: 'auto' | 'manual';
  /** Unacknowledged batches allowed before reading pauses (manual ack). Default 8. */
  readonly maxPendingBatches?: number;
  /** Resume from this state (offsets per file identity). */
  readonly checkpoint?: TailCheckpoint | null;
  readonly onEvent?: (event: TailEvent) => void;
  /** Poll interval, ms. Default 500. */
  readonly pollMs?: number;
  /** Use chokidar events to poll early. Default true. Polling alone gives the same results. */
  readonly watch?: boolean;
  /** Debounce of watcher wake-ups, ms. Default 50. */
  readonly wakeDebounceMs?: number;
  /** A file no longer visible is drained and closed after this long without growth (and ≥ 2 polls). Default 5000. */
  readonly rotateWaitMs?: number;
  /** A visible file's descriptor is closed after this long without growth (reopened when it grows). Default 60000. */
  readonly idleCloseMs?: number;
  /** A content no file holds any more is forgotten after this long. Default 24 h. */
  readonly forgetAfterMs?: number;
  /** Bytes after the header line that make the fingerprint (and the marker length). Default 1024. */
  readonly fingerprintBytes?: number;
  /** Read size, and so the largest batch in bytes. Default 256 KiB. */
  readonly readChunkBytes?: number;
  /** Passed to the parser. */
  readonly maxRecordBytes?: number;
  /** Which entries of a watched directory are accounting files. Default: `*.csv`, `*.csv.N`, `*.gz`. */
  readonly include?: (name: string) => boolean;
  /** Base for relative inputs. Default process.cwd(). */
  readonly cwd?: string;
  readonly clock?: Clock;
  readonly scheduler?: Scheduler;
}

export interface TailFileStatus {
  readonly path: string;
  readonly kind: FileKind | 'unknown';
  readonly role: 'owner' | 'copy' | 'pending';
  readonly visible: boolean;
  readonly open: boolean;
  readonly size: number;
  /** Bytes handed out in batches (complete records). */
  readonly offset: number;
  /** Bytes read past `offset` waiting for the rest of a record. */
  readonly partialBytes: number;
}

export interface TailStatus {
  readonly state: 'idle' | 'polling' | 'paused' | 'stopped';
  readonly roots: readonly RootStatus[];
  readonly files: readonly TailFileStatus[];
  readonly pendingBatches: number;
  readonly metrics: Readonly<TailMetrics>;
}
