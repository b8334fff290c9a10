/**
 * A content stream: the bytes PowerMTA wrote into one accounting file, wherever they now live (the
 * original under any name, a rotated copy, a gzip of it). Offsets are counted once per stream, so a
 * copy is never read from 0 again. A stream keeps two positions: `emitted` (handed out in batches) and
 * `acked` (applied by the consumer: what a checkpoint records).
 */
import { hashBytes } from './file-head.js';
import type { FileCheckpoint, FileKind, StreamCheckpoint } from './types.js';
import type { TrackedFile } from './tracked-file.js';

export interface StreamPosition {
  /** Byte just after the last complete record. */
  readonly offset: number;
  /** Hash of the `markerLength` bytes before `offset`. */
  readonly marker: string;
  readonly markerLength: number;
  /** Columns in force at `offset`. */
  readonly header: readonly string[] | null;
  readonly finished: boolean;
}

/** Hash of zero bytes (the marker at offset 0). */
export const EMPTY_MARKER = hashBytes(new Uint8Array(0));

export function startPosition(header: readonly string[] | null): StreamPosition {
  return { offset: 0, marker: EMPTY_MARKER, markerLength: 0, header, finished: false };
}

let nextId = 1;

export class TailStream {
  readonly id = nextId++;
  kind: FileKind;
  fingerprint: string | null = null;
  dataStart: number | null = null;
  /** First bytes of the content, up to dataStart + fingerprintBytes: to recognise copies. Memory only. */
  prefix: Buffer | null = null;
  emitted: StreamPosition;
  acked: StreamPosition;
  owner: TrackedFile | null = null;
  readonly copies = new Set<TrackedFile>();
  /** Files that held this stream when the checkpoint it was restored from was written. */
  readonly hints = new Map<string, FileCheckpoint>();
  lastSeenAt: number;
  /** Its file was truncated or rewritten: a copy that continues it recovers rows (copytruncate). */
  truncatedAway = false;

  constructor(kind: FileKind, position: StreamPosition, now: number) {
    this.kind = kind;
    this.emitted = position;
    this.acked = position;
    this.lastSeenAt = now;
  }

  static restore(c: StreamCheckpoint): TailStream {
    const pos: StreamPosition = { offset: c.offset, marker: c.marker, markerLength: c.markerLength, header: c.header, finished: c.finished };
    const s = new TailStream(c.kind, pos, c.lastSeenAt);
    s.fingerprint = c.fingerprint;
    s.dataStart = c.dataStart;
    for (const f of c.files) s.hints.set(`${f.dev}:${f.ino}`, f);
    return s;
  }

  /** Whether anything past the header has been handed out. */
  get hasData(): boolean {
    return this.emitted.offset > (this.dataStart ?? 0);
  }

  holders(): TrackedFile[] {
    return this.owner === null ? [...this.copies] : [this.owner, ...this.copies];
  }

  toCheckpoint(includeHints: boolean): StreamCheckpoint {
    const files: FileCheckpoint[] = this.holders().map((f) => ({
      dev: f.dev,
      ino: f.ino,
      path: f.path,
      kind: f.kind ?? this.kind,
      role: f === this.owner ? 'owner' : 'copy',
      size: f.size,
      mtime: f.mtime,
    }));
    if (includeHints) for (const [key, h] of this.hints) if (!files.some((f) => `${f.dev}:${f.ino}` === key)) files.push(h);
    return {
      fingerprint: this.fingerprint,
      dataStart: this.dataStart,
      header: this.acked.header,
      offset: this.acked.offset,
      marker: this.acked.marker,
      markerLength: this.acked.markerLength,
      finished: this.acked.finished,
      kind: this.kind,
      lastSeenAt: this.lastSeenAt,
      files,
    };
  }
}
