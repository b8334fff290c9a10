/**
 * Deciding what a newly seen (or changed) file is, and attaching it: a new stream read from 0, the
 * continuation of a known stream (resumed at its offset), or a copy holding nothing unread. Also the
 * copytruncate recovery: a copy takes over a stream whose original was truncated.
 */
import type { FileHandle } from 'node:fs/promises';
import type { ReaderContext } from './feed-chunk.js';
import { analyzeHead, detectKind, hashBytes, HEAD_BYTES, type HeadInfo } from './file-head.js';
import { probeGzip } from './gzip-reader.js';
import { identify, type Candidate } from './identify.js';
import { ensureOpen, fstatSize, pread, resumeAt } from './plain-reader.js';
import { startPosition, TailStream } from './tail-stream.js';
import type { TrackedFile } from './tracked-file.js';

/** An incomplete gzip that does not change is tried again after this long. */
export const GZIP_RETRY_MS = 60_000;

export async function identifyFile(ctx: ReaderContext, streams: Set<TailStream>, f: TrackedFile): Promise<void> {
  if (!(await ensureOpen(ctx, f))) return;
  await fstatSize(f);
  const h = f.handle;
  if (h === null) return;
  if (f.kind === null) {
    if (f.size === 0) return;
    f.kind = detectKind(await pread(h, 0, 2));
    if (f.kind === null) return;
  }
  const cand = f.kind === 'plain' ? await plainCandidate(ctx, f) : await gzipCandidate(ctx, streams, f);
  if (cand === null) return;
  const decision = await identify(cand, streams);
  switch (decision.type) {
    case 'new': {
      if (decision.conflict) ctx.metrics.identityConflicts += 1;
      await attachNew(ctx, streams, f, cand.kind, cand.head, cand.info);
      break;
    }
    case 'copy': {
      attachCopy(f, decision.stream);
      break;
    }
    case 'owner': {
      const s = decision.stream;
      const displaced = s.owner;
      if (displaced !== null && displaced !== f) {
        // The file read so far is a copy of this longer one.
        displaced.parser = null;
        displaced.tail = Buffer.alloc(0);
        attachCopy(displaced, s);
        await displaced.closeHandle();
      }
      attachOwner(f, s);
      if (s.prefix === null && s.dataStart !== null && s.dataStart === cand.info.dataStart) {
        s.prefix = Buffer.from(cand.head.subarray(0, Math.min(cand.head.length, s.dataStart + ctx.fingerprintBytes)));
      }
      if (s.fingerprint === null && cand.info.fingerprint !== null && s.dataStart === cand.info.dataStart) s.fingerprint = cand.info.fingerprint;
      if (f.kind === 'plain' && !(await resumeAt(ctx, f))) {
        s.owner = null;
        ctx.metrics.identityConflicts += 1;
        await attachNew(ctx, streams, f, 'plain', cand.head, cand.info);
      } else if (s.truncatedAway) recovering(ctx, f, s);
      break;
    }
    default: {
      const never: never = decision;
      throw new Error(`unhandled decision ${String(never)}`);
    }
  }
  f.inheritHeader = null;
  const s = f.stream;
  if (s !== null) ctx.emit({ type: 'file-found', path: f.path, kind: cand.kind, resumedAt: s.emitted.offset, role: f.role === 'copy' ? 'copy' : 'owner' });
  if (f.role !== 'owner' || f.kind === 'gzip') await f.closeHandle();
}

async function plainCandidate(ctx: ReaderContext, f: TrackedFile): Promise<Candidate | null> {
  const h = f.handle;
  if (h === null) return null;
  const head = await pread(h, 0, Math.min(f.size, HEAD_BYTES));
  return {
    key: f.key,
    kind: 'plain',
    length: f.size,
    diskSize: f.size,
    mtime: f.mtime,
    head,
    info: analyzeHead(head, ctx.fingerprintBytes),
    markerAt: async (offset, length) => {
      const b = await pread(h, offset - length, length);
      return b.length === length ? hashBytes(b) : null;
    },
    agreesWithOwner: async (s) => {
      const o = await openOwner(ctx, s);
      if (o === null) return null;
      const end = Math.min(f.size, o.size);
      const start = Math.max(s.dataStart ?? 0, end - ctx.fingerprintBytes);
      if (end <= start) return null;
      const [a, b] = await Promise.all([pread(h, start, end - start), pread(o.handle, start, end - start)]);
      return a.equals(b);
    },
  };
}

async function gzipCandidate(ctx: ReaderContext, streams: Set<TailStream>, f: TrackedFile): Promise<Candidate | null> {
  const now = ctx.now();
  // A complete gzip known from the checkpoint, unchanged, whose content is finished: nothing to do.
  for (const s of streams) {
    const hint = s.hints.get(f.key);
    if (hint !== undefined && hint.kind === 'gzip' && hint.size === f.size && s.acked.finished) {
      attachCopy(f, s);
      await f.closeHandle();
      return null;
    }
  }
  const g = f.gzip;
  if (g !== null && !g.complete && g.triedSize === f.size && g.triedMtime === f.mtime && now - g.triedAt < GZIP_RETRY_MS) return null;
  await f.closeHandle();
  const probe = await probeGzip(f.path, f.key, HEAD_BYTES);
  if (probe === null) return null;
  f.gzip = { triedSize: f.size, triedMtime: f.mtime, triedAt: now, complete: probe.complete, length: probe.length, head: probe.head };
  if (!probe.complete) {
    ctx.metrics.gzipIncomplete += 1;
    ctx.emit({ type: 'gzip-incomplete', path: f.path, size: f.size });
    return null;
  }
  const head = probe.head;
  return {
    key: f.key,
    kind: 'gzip',
    length: probe.length,
    diskSize: f.size,
    mtime: f.mtime,
    head,
    info: analyzeHead(head, ctx.fingerprintBytes),
    markerAt: (offset, length) => Promise.resolve(offset <= head.length ? hashBytes(head.subarray(offset - length, offset)) : null),
    agreesWithOwner: async (s) => {
      const o = await openOwner(ctx, s);
      if (o === null) return null;
      const end = Math.min(probe.length, o.size, head.length);
      const start = Math.max(s.dataStart ?? 0, end - ctx.fingerprintBytes);
      if (end <= start) return null;
      return (await pread(o.handle, start, end - start)).equals(head.subarray(start, end));
    },
  };
}

/** The plain file a stream is read from, opened (a descriptor closed as idle is reopened) and stat'ed. */
async function openOwner(ctx: ReaderContext, s: TailStream): Promise<(TrackedFile & { handle: FileHandle }) | null> {
  const o = s.owner;
  if (o === null || o.kind !== 'plain' || !(await ensureOpen(ctx, o)) || o.handle === null) return null;
  await fstatSize(o);
  return o as TrackedFile & { handle: FileHandle };
}

async function attachNew(ctx: ReaderContext, streams: Set<TailStream>, f: TrackedFile, kind: 'plain' | 'gzip', head: Buffer, info: HeadInfo): Promise<void> {
  const s = new TailStream(kind, startPosition(f.inheritHeader ?? (info.hasHeader ? null : previousColumns(streams, f.key))), ctx.now());
  s.fingerprint = info.fingerprint;
  s.dataStart = info.dataStart;
  if (info.dataStart !== null) s.prefix = Buffer.from(head.subarray(0, Math.min(head.length, info.dataStart + ctx.fingerprintBytes)));
  streams.add(s);
  attachOwner(f, s);
  if (kind === 'plain') await resumeAt(ctx, f);
}

/**
 * Columns of the content this inode held before (known from a checkpoint): rows without a header line
 * in the same inode (a truncate while pmta-advisor was stopped) come from the same writer.
 */
function previousColumns(streams: Set<TailStream>, key: string): readonly string[] | null {
  for (const s of streams) if (s.hints.has(key) && s.acked.header !== null) return s.acked.header;
  return null;
}

export function attachOwner(f: TrackedFile, s: TailStream): void {
  s.copies.delete(f);
  s.owner = f;
  f.stream = s;
  f.role = 'owner';
  f.readPos = s.emitted.offset;
  f.parser = null;
  f.tail = Buffer.alloc(0);
  f.needsResume = false;
}

function attachCopy(f: TrackedFile, s: TailStream): void {
  f.stream = s;
  f.role = 'copy';
  s.copies.add(f);
}

/**
 * copytruncate recovery: a stream whose original was truncated (no owner) continues from the copy
 * holding the most bytes past its offset, after the marker at the offset is checked.
 */
export async function takeOver(ctx: ReaderContext, s: TailStream): Promise<void> {
  if (s.owner !== null || s.emitted.finished || s.copies.size === 0) return;
  const offset = s.emitted.offset;
  const candidates = [...s.copies]
    .filter((c) => c.visible)
    .map((c) => ({ c, length: c.kind === 'gzip' ? (c.gzip?.complete === true ? c.gzip.length : -1) : c.size }))
    .filter((x) => x.length > offset)
    .sort((a, b) => b.length - a.length || Number(a.c.kind === 'gzip') - Number(b.c.kind === 'gzip'));
  for (const { c } of candidates) {
    if (c.kind === 'plain') {
      if (!(await ensureOpen(ctx, c))) continue;
      await fstatSize(c);
      attachOwner(c, s);
      if (!(await resumeAt(ctx, c))) {
        s.owner = null;
        attachCopy(c, s);
        ctx.metrics.identityConflicts += 1;
        await c.closeHandle();
        continue;
      }
    } else attachOwner(c, s);
    recovering(ctx, c, s);
    return;
  }
}

/** `f` continues a stream whose original was truncated: what it adds is counted as recovered. */
function recovering(ctx: ReaderContext, f: TrackedFile, s: TailStream): void {
  s.truncatedAway = false;
  f.recoveringFrom = s.emitted.offset;
  ctx.emit({ type: 'copy-takeover', path: f.path, offset: s.emitted.offset });
}
