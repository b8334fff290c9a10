/**
 * A physical file the tailer knows by (dev, ino): its current name, whether the last scan saw it, its
 * open descriptor, and (for the file a stream is read from) the read position and the parser holding a
 * partial record.
 */
import type { FileHandle } from 'node:fs/promises';
import type { RecordParser } from '../accounting/types.js';
import type { TailStream } from './tail-stream.js';
import type { FileKind } from './types.js';

export type FileRole = 'owner' | 'copy' | 'pending';

export interface GzipState {
  /** Size and mtime of the last attempt (an incomplete gzip is retried when they change). */
  readonly triedSize: number;
  readonly triedMtime: string;
  readonly triedAt: number;
  readonly complete: boolean;
  /** Decompressed length, when complete. */
  readonly length: number;
  /** First decompressed bytes. */
  readonly head: Buffer;
}

export class TrackedFile {
  readonly key: string;
  readonly dev: string;
  readonly ino: string;
  path: string;
  root: number;
  kind: FileKind | null = null;
  role: FileRole = 'pending';
  stream: TailStream | null = null;
  visible = true;
  /** Poll number at which the file stopped being visible. */
  goneSincePoll: number | null = null;
  /** Size and mtime from the latest stat (for gzip: the compressed size). */
  size: number;
  /** mtime in ns, as a decimal string. */
  mtime: string;
  handle: FileHandle | null = null;
  /** Next byte to read (content coordinates). */
  readPos = 0;
  parser: RecordParser | null = null;
  /** The bytes just before `readPos` (up to markerBytes), to check the file was not rewritten. */
  tail: Buffer = Buffer.alloc(0);
  /** Size and mtime from the latest scan (by path). */
  statSize: number;
  statMtime: string;
  /** Size and mtime at the last rewrite check. */
  checkedSize = -1;
  checkedMtime = '';
  /** The descriptor was closed while idle: check the marker before reading again. */
  needsResume = false;
  /** Size at the last fingerprint attempt. */
  identitySize = -1;
  lastGrowthAt: number;
  lastGrowthPoll: number;
  gzip: GzipState | null = null;
  /** Offset at which this file took over a stream from its truncated original (copytruncate recovery). */
  recoveringFrom: number | null = null;
  /** Columns of the content this file held before it was truncated (the regrown data has no header line). */
  inheritHeader: readonly string[] | null = null;

  constructor(key: string, dev: string, ino: string, path: string, root: number, size: number, mtime: string, now: number, poll: number) {
    this.key = key;
    this.dev = dev;
    this.ino = ino;
    this.path = path;
    this.root = root;
    this.size = size;
    this.mtime = mtime;
    this.statSize = size;
    this.statMtime = mtime;
    this.lastGrowthAt = now;
    this.lastGrowthPoll = poll;
  }

  /** Bytes read past the last complete record. */
  get partialBytes(): number {
    return this.parser === null ? 0 : this.readPos - this.parser.committedOffset;
  }

  async closeHandle(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    if (h !== null) await h.close().catch(() => undefined);
  }
}
