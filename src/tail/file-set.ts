/**
 * The files and content streams the tailer knows, and one poll step over them:
 * visibility from the scan → truncation/rewrite checks → identification of new files → copytruncate
 * takeovers → reading → closing drained files and forgetting old streams.
 */
import { attachOwner, identifyFile, takeOver } from './attach-file.js';
import { finishStream, type ReaderContext } from './feed-chunk.js';
import { readGzip } from './gzip-reader.js';
import { checkRewrite, ensureOpen, fstatSize, readPlain, refreshIdentity, resumeAt } from './plain-reader.js';
import type { ScanResult } from './scan-inputs.js';
import { startPosition, TailStream } from './tail-stream.js';
import { TrackedFile } from './tracked-file.js';
import type { StreamCheckpoint, TailFileStatus, TruncationReason } from './types.js';

export interface FileSetSettings {
  readonly rotateWaitMs: number;
  readonly idleCloseMs: number;
  readonly forgetAfterMs: number;
}

/** Polls a file must stay unseen (and unchanged) before its descriptor is closed. */
const GRACE_POLLS = 2;

export class FileSet {
  private readonly files = new Map<string, TrackedFile>();
  private readonly streams = new Set<TailStream>();
  private failedRoots = new Set<number>();
  private readonly ctx: ReaderContext;
  private readonly settings: FileSetSettings;

  constructor(ctx: ReaderContext, settings: FileSetSettings, restored: readonly TailStream[]) {
    this.ctx = ctx;
    this.settings = settings;
    for (const s of restored) this.streams.add(s);
  }

  has(key: string): boolean {
    return this.files.has(key);
  }

  hasPath(path: string): boolean {
    for (const f of this.files.values()) if (f.path === path) return true;
    return false;
  }

  /** A complete gzip that is a copy or read to its end: its content cannot matter any more. */
  isFrozen(key: string): boolean {
    const f = this.files.get(key);
    if (f === undefined || f.kind !== 'gzip' || !f.visible) return false;
    return f.role === 'copy' || f.stream?.emitted.finished === true;
  }

  /** Roots whose scan failed this poll: their files are not taken as gone. */
  setFailedRoots(roots: Set<number>): void {
    this.failedRoots = roots;
  }

  async step(scan: ScanResult, pollNo: number): Promise<void> {
    const now = this.ctx.now();
    this.updateVisibility(scan, pollNo, now);
    for (const f of this.owners('plain')) await this.checkOwner(f);
    // Plain files before gzips: when both hold the same content, the plain one (which may still grow) is read.
    const pending = [...this.files.values()].filter((f) => f.role === 'pending').sort((a, b) => Number(isGzipName(a.path)) - Number(isGzipName(b.path)));
    for (const f of pending) await identifyFile(this.ctx, this.streams, f);
    for (const s of [...this.streams]) await takeOver(this.ctx, s);
    for (const f of this.readOrder()) await this.readOwner(f);
    await this.closeAndForget(pollNo, now);
  }

  private updateVisibility(scan: ScanResult, pollNo: number, now: number): void {
    for (const f of this.files.values()) {
      const e = scan.files.get(f.key);
      if (e !== undefined) {
        if (e.path !== f.path) {
          this.ctx.emit({ type: 'file-renamed', from: f.path, to: e.path });
          f.path = e.path;
        }
        const changed = e.size !== f.size || e.mtime !== f.mtime;
        f.statSize = e.size;
        f.statMtime = e.mtime;
        f.root = e.root;
        f.visible = true;
        f.goneSincePoll = null;
        if (f.handle === null || f.role !== 'owner') {
          f.size = e.size;
          f.mtime = e.mtime;
        }
        if (changed && f.stream !== null && (f.role === 'copy' || f.kind === 'gzip')) {
          // A copy or a gzip that changes is looked at again: a copy still being written, or the inode
          // freed by a deletion and reused by a new file (no open descriptor held it).
          const s = f.stream;
          s.copies.delete(f);
          if (s.owner === f) s.owner = null;
          f.stream = null;
          f.role = 'pending';
          f.kind = null;
          f.gzip = null;
        }
        if (f.stream !== null) f.stream.lastSeenAt = now;
      } else if (f.visible && !this.failedRoots.has(f.root)) {
        f.visible = false;
        f.goneSincePoll = pollNo;
        this.ctx.emit({ type: 'file-gone', path: f.path });
      }
    }
    for (const [key, e] of scan.files) {
      if (this.files.has(key)) continue;
      this.files.set(key, new TrackedFile(key, e.dev, e.ino, e.path, e.root, e.size, e.mtime, now, pollNo));
      this.ctx.metrics.filesFound += 1;
    }
  }

  private owners(kind: 'plain' | 'gzip'): TrackedFile[] {
    return [...this.files.values()].filter((f) => f.role === 'owner' && f.kind === kind);
  }

  /** Before reading: reopen idle files, and catch truncation, rewrites and inode reuse. */
  private async checkOwner(f: TrackedFile): Promise<void> {
    // Unchanged since it was last checked (the scan's stat of the path is the same inode): nothing to do,
    // and a descriptor closed as idle stays closed.
    if (f.visible && f.statSize === f.checkedSize && f.statMtime === f.checkedMtime) return;
    if (!(await ensureOpen(this.ctx, f))) return;
    if (f.needsResume) {
      f.needsResume = false;
      await fstatSize(f);
      const s = f.stream;
      if (s !== null && !s.hasData) {
        // Nothing but the header was read: the marker (header bytes, the same in every file) proves
        // nothing, and the inode may have been reused by a copy of another file. Identify it again.
        s.owner = null;
        f.stream = null;
        f.role = 'pending';
        f.kind = null;
        f.readPos = 0;
        return;
      }
      const offset = s?.emitted.offset ?? 0;
      if (!(await resumeAt(this.ctx, f))) this.reset(f, f.size < offset ? 'shrunk' : 'replaced');
      // The fingerprint and first bytes as they are now, before new files are compared with this one.
      else await refreshIdentity(this.ctx, f);
      return;
    }
    const reason = await checkRewrite(f);
    if (reason !== null) this.reset(f, reason);
    else await refreshIdentity(this.ctx, f);
  }

  /** The file no longer holds its stream's content: the stream is orphaned (a copy may continue it), the file is identified again from 0. */
  private reset(f: TrackedFile, reason: TruncationReason): void {
    const old = f.stream;
    if (old !== null) {
      old.owner = null;
      old.truncatedAway = true;
      this.ctx.emit({ type: 'file-truncated', path: f.path, reason, offset: old.emitted.offset });
      f.inheritHeader = f.parser?.header ?? old.emitted.header;
    }
    this.ctx.metrics.truncations += 1;
    f.stream = null;
    f.role = 'pending';
    f.kind = null;
    f.readPos = 0;
    f.parser = null;
    f.tail = Buffer.alloc(0);
    f.checkedSize = -1;
    f.identitySize = -1;
    f.recoveringFrom = null;
    f.gzip = null;
  }

  /** Copies taking over a truncated original first, then oldest first. */
  private readOrder(): TrackedFile[] {
    return [...this.files.values()]
      .filter((f) => f.role === 'owner')
      .sort((a, b) => Number(b.recoveringFrom !== null) - Number(a.recoveringFrom !== null) || compareNs(a.mtime, b.mtime));
  }

  private async readOwner(f: TrackedFile): Promise<void> {
    const s = f.stream;
    if (s === null || s.emitted.finished) return;
    if (f.kind === 'plain') {
      if (f.handle === null || f.needsResume) return;
      await readPlain(this.ctx, f);
      await refreshIdentity(this.ctx, f);
      return;
    }
    if (f.gzip?.complete !== true || !f.visible) return;
    const result = await readGzip(this.ctx, f);
    if (result === 'done') return;
    s.owner = null;
    if (result === 'mismatch') {
      // Same fingerprint, other bytes at the offset: read it as its own content.
      this.ctx.metrics.identityConflicts += 1;
      const fresh = new TailStream('gzip', startPosition(null), this.ctx.now());
      this.streams.add(fresh);
      attachOwner(f, fresh);
      if ((await readGzip(this.ctx, f)) === 'done') return;
      fresh.owner = null;
    }
    // Not readable now: identified again when it changes (or after the retry delay).
    f.stream = null;
    f.role = 'pending';
    f.gzip = { ...f.gzip, complete: false, triedAt: this.ctx.now() };
  }

  private async closeAndForget(pollNo: number, now: number): Promise<void> {
    for (const f of [...this.files.values()]) {
      if (!f.visible) {
        const s = f.stream;
        if (f.role === 'owner' && f.kind === 'plain' && f.handle !== null && s !== null && !s.emitted.finished) {
          // Deleted or moved out of sight while open: drain to EOF, then close after the grace period.
          await fstatSize(f);
          const drained = f.readPos >= f.size;
          const quiet = pollNo - (f.goneSincePoll ?? pollNo) >= GRACE_POLLS && pollNo - f.lastGrowthPoll >= GRACE_POLLS && now - f.lastGrowthAt >= this.settings.rotateWaitMs;
          if (drained && quiet) {
            await finishStream(this.ctx, f);
            await this.drop(f);
          }
          continue;
        }
        await this.drop(f);
        continue;
      }
      if (f.handle === null) continue;
      if (f.role !== 'owner' || f.kind === 'gzip') await f.closeHandle();
      else if (now - f.lastGrowthAt >= this.settings.idleCloseMs && pollNo - f.lastGrowthPoll >= GRACE_POLLS && f.stream !== null) {
        // Idle: give the descriptor back; the partial record is read again from the offset later.
        f.parser = null;
        f.readPos = f.stream.emitted.offset;
        f.tail = Buffer.alloc(0);
        f.needsResume = true;
        await f.closeHandle();
      }
    }
    for (const s of [...this.streams]) {
      if (s.holders().length > 0 || s.acked !== s.emitted) continue;
      if (!s.hasData || now - s.lastSeenAt > this.settings.forgetAfterMs) this.streams.delete(s);
    }
  }

  private async drop(f: TrackedFile): Promise<void> {
    this.files.delete(f.key);
    await f.closeHandle();
    const s = f.stream;
    if (s === null) return;
    const role = s.owner === f ? 'owner' : 'copy';
    if (s.owner === f) s.owner = null;
    s.copies.delete(f);
    s.hints.set(f.key, { dev: f.dev, ino: f.ino, path: f.path, kind: f.kind ?? s.kind, role, size: f.size, mtime: f.mtime });
  }

  async closeAll(): Promise<void> {
    for (const f of this.files.values()) await f.closeHandle();
  }

  checkpointStreams(includeHints: boolean): StreamCheckpoint[] {
    return [...this.streams].filter((s) => s.acked.offset > 0 || s.acked.finished).map((s) => s.toCheckpoint(includeHints));
  }

  fileStatuses(): TailFileStatus[] {
    return [...this.files.values()].map((f) => ({
      path: f.path,
      kind: f.kind ?? 'unknown',
      role: f.role,
      visible: f.visible,
      open: f.handle !== null,
      size: f.size,
      offset: f.stream?.emitted.offset ?? 0,
      partialBytes: f.partialBytes,
    }));
  }
}

function isGzipName(path: string): boolean {
  return path.endsWith('.gz');
}

function compareNs(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
