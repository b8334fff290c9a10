/**
 * The bytes of an accounting file, in large chunks, decompressed when the file is gzip (detected by
 * its magic bytes 1f 8b, not by its name). Every chunk is a fresh buffer (parsed records keep a
 * reference to it), unless the caller asks for two reused buffers (ReadOptions.reuseBuffers).
 *
 * A gzip stream that ends early or is corrupt does not throw: the decompressed prefix is yielded and a
 * last chunk says `gzipError`.
 */
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import type { ReadOptions } from './read-types.js';

export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
/**
 * Gzip input: compressed bytes per read and decompressed bytes per chunk. Smaller than plain reads
 * because one compressed read inflates to ~12× its size at once, all of it held until parsed, and
 * zlib's output buffers are garbage the collector only catches up with later (measured on the benchmark
 * file: 210 MB peak with 1 MiB for both, ~186 MB with these; docs/performance.md).
 */
const GZIP_READ = 64 * 1024;
const GZIP_OUT = 256 * 1024;

export interface ByteChunk {
  readonly data: Buffer;
  /** File bytes (as stored on disk) consumed since the previous chunk. */
  readonly rawBytes: number;
  /** Set on the last chunk when the gzip stream was truncated or corrupt. */
  readonly gzipError?: string;
}

async function readAt(handle: FileHandle, position: number, size: number, into?: Buffer): Promise<Buffer> {
  const buf = into ?? Buffer.allocUnsafe(size);
  const { bytesRead } = await handle.read(buf, 0, size, position);
  return bytesRead === size ? buf : buf.subarray(0, bytesRead);
}

export async function isGzipFile(handle: FileHandle): Promise<boolean> {
  const head = await readAt(handle, 0, 2);
  return head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Plain file: each read is issued before the previous chunk is handed on, so IO overlaps parsing. With
 * `reuse`, reads alternate between two buffers: the read into a buffer is issued only after the chunk
 * it held was handed on and the consumer asked for the next one.
 */
async function* plainChunks(handle: FileHandle, chunkSize: number, signal?: AbortSignal, reuse = false): AsyncGenerator<Buffer> {
  const pool = reuse ? [Buffer.allocUnsafe(chunkSize), Buffer.allocUnsafe(chunkSize)] : null;
  let turn = 0;
  const next = (position: number): Promise<Buffer> => readAt(handle, position, chunkSize, pool?.[turn++ & 1]);
  let position = 0;
  let pending = next(position);
  try {
    for (;;) {
      const chunk = await pending;
      if (chunk.length === 0) return;
      position += chunk.length;
      signal?.throwIfAborted();
      pending = next(position);
      yield chunk;
    }
  } finally {
    // A read still in flight when the consumer stops must not become an unhandled rejection.
    pending.catch(() => undefined);
  }
}

async function* gzipChunks(handle: FileHandle, chunkSize: number, signal?: AbortSignal): AsyncGenerator<ByteChunk> {
  let raw = 0;
  let reported = 0;
  const source = Readable.from(
    (async function* () {
      for await (const chunk of plainChunks(handle, Math.min(chunkSize, GZIP_READ), signal)) {
        raw += chunk.length;
        yield chunk;
      }
    })(),
    // one compressed read ahead, not sixteen (objectMode's default)
    { highWaterMark: 1 },
  );
  // inflate ahead (on the thread pool, one chunk more) while this thread parses: without that room
  // the next chunk was only inflated when the parser asked for it, and the two hardly overlapped
  const out = Math.min(chunkSize, GZIP_OUT);
  // (zlib streams pass their options on to Transform; ZlibOptions does not declare the stream ones)
  const gunzip = createGunzip({ chunkSize: out, readableHighWaterMark: 2 * out } as ZlibOptions);
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  try {
    for await (const data of gunzip as AsyncIterable<Buffer>) {
      const rawBytes = raw - reported;
      reported = raw;
      yield { data, rawBytes };
    }
  } catch (err) {
    signal?.throwIfAborted();
    if (!isZlibError(err)) throw err;
    yield { data: Buffer.alloc(0), rawBytes: raw - reported, gzipError: err.message };
    return;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (raw > reported) yield { data: Buffer.alloc(0), rawBytes: raw - reported };
}

function isZlibError(err: unknown): err is Error {
  const code: unknown = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^Z_|^ERR_ZLIB/.test(code);
}

/** Chunks of the file's (decompressed) bytes. The handle stays owned by the caller. */
export async function* readByteChunks(handle: FileHandle, options: Pick<ReadOptions, 'chunkSize' | 'signal' | 'reuseBuffers'> = {}): AsyncGenerator<ByteChunk> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (await isGzipFile(handle)) {
    yield* gzipChunks(handle, chunkSize, options.signal);
    return;
  }
  for await (const data of plainChunks(handle, chunkSize, options.signal, options.reuseBuffers === true)) yield { data, rawBytes: data.length };
}
