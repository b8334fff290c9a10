/**
 * Reading plain files through a kept-open descriptor: open by path (checking it is still the same
 * inode), detect truncation and rewrites before reading, resume at a saved offset after checking the
 * marker, and read from the position to the size seen at the start of the poll.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { analyzeHead, fingerprintAt, hashBytes, HEAD_BYTES } from './file-head.js';
import { feedChunk, type ReaderContext } from './feed-chunk.js';
import { errorCode, errorMessage, fileKey } from './scan-inputs.js';
import type { TrackedFile } from './tracked-file.js';
import type { TruncationReason } from './types.js';

/** Reads up to `len` bytes at `pos` (fewer at end of file). */
export async function pread(h: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(len);
  let got = 0;
  while (got < len) {
    const { bytesRead } = await h.read(buf, got, len - got, pos + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === len ? buf : buf.subarray(0, got);
}

/** Opens the file by its path if it has no descriptor; false when gone or now another inode. */
export async function ensureOpen(ctx: ReaderContext, f: TrackedFile): Promise<boolean> {
  if (f.handle !== null) return true;
  if (!f.visible) return false;
  let h: FileHandle;
  try {
    h = await open(f.path, 'r');
  } catch (e) {
    const code = errorCode(e);
    if (code !== 'ENOENT') ctx.emit({ type: 'error', path: f.path, code, message: errorMessage(e) });
    return false;
  }
  const st = await h.stat({ bigint: true });
  if (fileKey(st.dev, st.ino) !== f.key) {
    await h.close();
    return false;
  }
  f.handle = h;
  return true;
}

/** Current size and mtime through the descriptor. */
export async function fstatSize(f: TrackedFile): Promise<void> {
  if (f.handle === null) return;
  const st = await f.handle.stat({ bigint: true });
  f.size = Number(st.size);
  f.mtime = st.mtimeNs.toString();
}

/** Whether the content before the read position changed: shrunk below it, or other bytes just before it. */
export async function checkRewrite(f: TrackedFile): Promise<TruncationReason | null> {
  if (f.handle === null) return null;
  await fstatSize(f);
  if (f.size < f.readPos) return 'shrunk';
  if (f.readPos > 0 && (f.size !== f.checkedSize || f.mtime !== f.checkedMtime)) {
    const t = f.tail;
    const got = await pread(f.handle, f.readPos - t.length, t.length);
    if (!got.equals(t)) return 'rewritten';
  }
  f.checkedSize = f.size;
  f.checkedMtime = f.mtime;
  return null;
}

/**
 * Positions `f` at its stream's emitted offset after checking the marker (and the fingerprint when the
 * file is long enough). False when the bytes differ: the file is not that content any more.
 */
export async function resumeAt(ctx: ReaderContext, f: TrackedFile): Promise<boolean> {
  const s = f.stream;
  if (s === null || f.handle === null) return false;
  const pos = s.emitted;
  if (f.size < pos.offset) return false;
  if (s.fingerprint !== null && s.dataStart !== null && f.size >= s.dataStart + ctx.fingerprintBytes) {
    const fp = await pread(f.handle, s.dataStart, ctx.fingerprintBytes);
    if (hashBytes(fp) !== s.fingerprint) return false;
  }
  const before = await pread(f.handle, pos.offset - pos.markerLength, pos.markerLength);
  if (before.length !== pos.markerLength || hashBytes(before) !== pos.marker) return false;
  f.readPos = pos.offset;
  f.parser = null;
  const extra = Math.min(pos.offset, ctx.fingerprintBytes) - pos.markerLength;
  f.tail = extra > 0 ? Buffer.concat([await pread(f.handle, pos.offset - pos.markerLength - extra, extra), before]) : before;
  f.checkedSize = f.size;
  f.checkedMtime = f.mtime;
  return true;
}

/** Reads from the position to the size seen now, chunk by chunk, waiting for the consumer between chunks. */
export async function readPlain(ctx: ReaderContext, f: TrackedFile): Promise<void> {
  if (f.handle === null) return;
  const target = f.size;
  while (f.readPos < target) {
    await ctx.gate.waitCapacity();
    const h = f.handle;
    if (h === null) return;
    const buf = await pread(h, f.readPos, Math.min(ctx.readChunkBytes, target - f.readPos));
    if (buf.length === 0) break;
    f.lastGrowthAt = ctx.now();
    f.lastGrowthPoll = ctx.pollNo();
    await feedChunk(ctx, f, buf);
  }
  f.checkedSize = f.size;
  f.checkedMtime = f.mtime;
}

/** Establishes the data start, first bytes and fingerprint of a stream as its file grows. */
export async function refreshIdentity(ctx: ReaderContext, f: TrackedFile): Promise<void> {
  const s = f.stream;
  if (s === null || f.handle === null || s.fingerprint !== null || f.size === f.identitySize) return;
  f.identitySize = f.size;
  const fp = ctx.fingerprintBytes;
  if (s.dataStart === null || s.dataStart + fp <= HEAD_BYTES) {
    const head = await pread(f.handle, 0, Math.min(f.size, HEAD_BYTES));
    const info = analyzeHead(head, fp);
    if (s.dataStart === null) s.dataStart = info.dataStart;
    if (s.dataStart === null) return;
    s.prefix = Buffer.from(head.subarray(0, Math.min(head.length, s.dataStart + fp)));
    s.fingerprint = fingerprintAt(head, s.dataStart, fp);
    return;
  }
  if (f.size >= s.dataStart + fp) s.fingerprint = hashBytes(await pread(f.handle, s.dataStart, fp));
}
