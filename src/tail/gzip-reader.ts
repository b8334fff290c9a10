/**
 * Rotated gzip files. A gzip is read only once complete: a first pass decompresses it to the end
 * (checking the trailer) and keeps its first bytes for identification; a second pass, only when it
 * holds bytes past its stream's offset, skips to that offset, checks the marker and parses the rest.
 * zlib hands out the decompressed prefix of a truncated gzip before failing, so nothing is counted
 * from an incomplete file.
 */
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { StoppedError } from './batch-gate.js';
import { feedChunk, finishStream, keepTail, type ReaderContext } from './feed-chunk.js';
import { hashBytes } from './file-head.js';
import { fileKey } from './scan-inputs.js';
import type { TrackedFile } from './tracked-file.js';

export interface GzipProbe {
  readonly complete: boolean;
  readonly length: number;
  readonly head: Buffer;
}

/** Decompresses `path` to the end; null when it is gone or is now another inode. */
export async function probeGzip(path: string, key: string, headBytes: number): Promise<GzipProbe | null> {
  const h = await open(path, 'r').catch(() => null);
  if (h === null) return null;
  try {
    const st = await h.stat({ bigint: true });
    if (fileKey(st.dev, st.ino) !== key) return null;
    const parts: Buffer[] = [];
    let kept = 0;
    let length = 0;
    try {
      await pipeline(h.createReadStream({ start: 0, autoClose: false }), createGunzip(), async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          length += chunk.length;
          if (kept < headBytes) {
            const take = chunk.subarray(0, headBytes - kept);
            parts.push(Buffer.from(take));
            kept += take.length;
          }
        }
      });
    } catch {
      return { complete: false, length, head: Buffer.concat(parts) };
    }
    return { complete: true, length, head: Buffer.concat(parts) };
  } finally {
    await h.close().catch(() => undefined);
  }
}

export type GzipReadResult = 'done' | 'mismatch' | 'failed';

/** Reads a complete gzip from its stream's emitted offset to the end, then finishes the stream. */
export async function readGzip(ctx: ReaderContext, f: TrackedFile): Promise<GzipReadResult> {
  const s = f.stream;
  if (s === null) return 'failed';
  const from = s.emitted.offset;
  const mb = ctx.fingerprintBytes;
  const h = await open(f.path, 'r').catch(() => null);
  if (h === null) return 'failed';
  let pos = 0;
  let skipped: Buffer = Buffer.alloc(0);
  let started = false;
  let mismatch = false;
  let inner: unknown = null;
  const begin = (): boolean => {
    started = true;
    const ml = s.emitted.markerLength;
    if (skipped.length < ml || hashBytes(skipped.subarray(skipped.length - ml)) !== s.emitted.marker) {
      mismatch = true;
      return false;
    }
    f.readPos = from;
    f.parser = null;
    f.tail = keepTail(skipped, mb);
    return true;
  };
  try {
    const st = await h.stat({ bigint: true });
    if (fileKey(st.dev, st.ino) !== f.key) return 'failed';
    await pipeline(h.createReadStream({ start: 0, autoClose: false }), createGunzip({ chunkSize: ctx.readChunkBytes }), async (source: AsyncIterable<Buffer>) => {
      for await (const raw of source) {
        let chunk = raw;
        if (!started) {
          if (pos + chunk.length <= from) {
            skipped = keepTail(Buffer.concat([skipped, chunk]), mb);
            pos += chunk.length;
            continue;
          }
          const cut = from - pos;
          skipped = keepTail(Buffer.concat([skipped, chunk.subarray(0, cut)]), mb);
          chunk = chunk.subarray(cut);
          pos = from;
          if (!begin()) return;
        }
        try {
          await ctx.gate.waitCapacity();
          f.lastGrowthAt = ctx.now();
          f.lastGrowthPoll = ctx.pollNo();
          await feedChunk(ctx, f, chunk);
        } catch (e) {
          inner = e;
          throw e;
        }
        pos += chunk.length;
      }
    });
  } catch (e) {
    // Errors from the consumer or a stop propagate; zlib and read errors mean: not readable now, retry later.
    if (inner !== null || e instanceof StoppedError) throw inner ?? e;
    return 'failed';
  } finally {
    await h.close().catch(() => undefined);
  }
  if (!started && pos === from) begin();
  if (mismatch) return 'mismatch';
  if (!started) return 'failed';
  await finishStream(ctx, f);
  return 'done';
}
