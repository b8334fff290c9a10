/**
 * Range-parallel reading of accounting files on worker threads, exact by construction:
 * - a large plain file is cut into byte ranges (range-plan.ts), one per worker; each range's reader
 *   starts at a line that looks like a record and reads until its parser lands exactly on the next
 *   range's start with the columns that range assumed (range-parse.ts); where it does not, it reads on
 *   and the ranges it read through are dropped, so no record is lost or counted twice;
 * - a large gzip file cannot be cut by offset: this thread inflates it (zlib works on the libuv pool)
 *   and cuts the decompressed stream into segments the same way, which the workers parse; a segment
 *   that does not land breaks the chain and the caller reads that input sequentially;
 * - other files are read whole, one task each.
 * Each task gets a fresh reducer (batch-reducer.ts); the partials come back through `onLink` in file
 * order, one chain link at a time (range-chain.ts), so the caller merges them in the order a single
 * sequential read would have produced them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchReducer, ReducerSpec } from './batch-reducer.js';
import { defaultWorkerUrl } from './ingest-parallel.js';
import { openInput } from './open-input.js';
import { RECORD_START_PREFIX_MAX } from './parse/record-start.js';
import { RangeChain, type ChainLink, type UnitKind } from './range-chain.js';
import { headerOfFirstLine, planRanges, readFirstLineHeader } from './range-plan.js';
import type { FromRangeWorker, RangeTask, RangeWorkerSetup, ToRangeWorker } from './range-protocol.js';
import { readFileRange } from './range-reader.js';
import { findRecordStart, START_NEEDS_MORE } from './range-start.js';
import type { Columns, RangeStart } from './range-types.js';
import { isGzipFile, readByteChunks } from './read-byte-chunks.js';
import type { InputFile } from './read-types.js';
import { finishOnWorkerLoss, readOptionsOf, unknownWorkerMessage } from './worker-plumbing.js';
import { deserializeError } from './worker-protocol.js';

export const DEFAULT_SPLIT_THRESHOLD = 32 * 1024 * 1024;
export const DEFAULT_SEGMENT_SIZE = 8 * 1024 * 1024;
/** A gzip file is streamed in segments from this fraction of the split threshold (it inflates ~10×). */
const GZIP_SHARE = 8;

export interface RangeParallelOptions<P = unknown> {
  readonly reducer: ReducerSpec;
  /** Worker threads. Default: the available cores, at most 4. */
  readonly workers?: number;
  /** Plain files from this size are cut into ranges (default 32 MiB); gzip files from 1/8 of it. */
  readonly splitThreshold?: number;
  /** Decompressed bytes per gzip segment (default 8 MiB). */
  readonly segmentSize?: number;
  readonly chunkSize?: number;
  readonly maxRecordBytes?: number;
  readonly signal?: AbortSignal;
  /** Bytes (on disk) and records+malformed read, as they are read, by any worker. */
  readonly onProgress?: (bytes: number, records: number) => void;
  /** Compiled range-worker module; default: defaultWorkerUrl('range-worker'). */
  readonly workerUrl?: URL;
  /**
   * When the first input is cut into ranges, its first range is read in this thread with this reducer
   * (one worker fewer): the caller can keep that part's result where it is instead of merging it.
   */
  readonly local?: () => BatchReducer<P>;
}

export interface RangeParallelResult {
  /** False when a gzip segment did not land: the links emitted so far must be thrown away. */
  readonly exact: boolean;
  readonly reason?: string;
  /** Worker threads started. */
  readonly workers: number;
  /** Whether the first range was read in this thread with `local`. */
  readonly local: boolean;
}

export function defaultRangeWorkers(): number {
  return Math.min(availableParallelism(), 4);
}

interface Slot {
  readonly worker: Worker;
  busy: boolean;
}

interface Placed {
  readonly file: number;
  readonly unit: number;
}

/** How each input is read: split, streamed in segments, or whole. */
async function kindOf(f: InputFile, threshold: number): Promise<UnitKind> {
  if (f.gzip) return f.size >= threshold / GZIP_SHARE ? 'segment' : 'whole';
  if (f.size < threshold) return 'whole';
  const handle = await openInput(f.path);
  try {
    // The size may have changed since the listing; gzip is told by magic bytes.
    return (await isGzipFile(handle)) ? 'segment' : 'range';
  } finally {
    await handle.close();
  }
}

export async function ingestRangesParallel<P>(
  files: readonly InputFile[],
  options: RangeParallelOptions<P>,
  onLink: (link: ChainLink<P>) => void,
): Promise<RangeParallelResult> {
  options.signal?.throwIfAborted();
  const threshold = options.splitThreshold ?? DEFAULT_SPLIT_THRESHOLD;
  const kinds: UnitKind[] = [];
  for (const f of files) kinds.push(await kindOf(f, threshold));
  const local = kinds[0] === 'range' ? options.local : undefined;
  const workers = Math.max(1, options.workers ?? defaultRangeWorkers());
  const count = local === undefined ? workers : Math.max(1, workers - 1);
  const url = options.workerUrl ?? defaultWorkerUrl('range-worker');
  const setup: RangeWorkerSetup = { reducer: options.reducer, ...readOptionsOf(options) };
  const chain = new RangeChain<P>(onLink);
  const queue: { task: RangeTask; transfer: ArrayBuffer[] }[] = [];
  const placed = new Map<number, Placed>();
  const slots: Slot[] = [];
  let nextId = 0;
  let queuedAll = false;
  let settled = false;
  let wake: (() => void) | null = null;

  return new Promise<RangeParallelResult>((resolve, reject) => {
    const finish = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const s of slots) void s.worker.terminate();
      wake?.();
      if (err !== undefined) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve({ exact: chain.broken === null, ...(chain.broken === null ? {} : { reason: chain.broken }), workers: count, local: local !== undefined });
    };
    const onAbort = (): void => finish(options.signal?.reason ?? new Error('aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const checkDone = (): void => {
      if (chain.broken !== null || (queuedAll && chain.done)) finish();
    };
    const dispatch = (): void => {
      for (const slot of slots) {
        if (slot.busy) continue;
        let item = queue.shift();
        // Skip tasks the chain no longer needs (read through by an earlier range).
        while (item !== undefined && !wantedTask(item.task)) item = queue.shift();
        if (item === undefined) return;
        slot.busy = true;
        const message: ToRangeWorker = item.task;
        slot.worker.postMessage(message, item.transfer);
      }
    };
    const wantedTask = (task: RangeTask): boolean => {
      const p = placed.get(task.id);
      return p !== undefined && chain.wanted(p.file, p.unit);
    };
    const enqueue = (file: number, unit: number, task: RangeTask, transfer: ArrayBuffer[] = []): void => {
      placed.set(task.id, { file, unit });
      queue.push({ task, transfer });
      dispatch();
    };

    for (let i = 0; i < count; i++) {
      const worker = new Worker(url, { workerData: setup });
      const slot: Slot = { worker, busy: true };
      slots.push(slot);
      worker.on('message', (message: FromRangeWorker) => {
        switch (message.type) {
          case 'ready':
            slot.busy = false;
            dispatch();
            return;
          case 'progress':
            options.onProgress?.(message.bytes, message.records);
            return;
          case 'done': {
            slot.busy = false;
            const p = placed.get(message.id);
            placed.delete(message.id);
            if (p !== undefined) chain.add(p.file, p.unit, { partial: message.partial as P, summary: message.summary });
            wake?.();
            dispatch();
            checkDone();
            return;
          }
          case 'error':
            finish(deserializeError(message.error));
            return;
          default:
            finish(unknownWorkerMessage(message));
        }
      });
      finishOnWorkerLoss(worker, () => settled, finish, 'range worker stopped', 'before the input was read');
    }

    const runLocal = (make: () => BatchReducer<P>, unit: RangeStart, fi: number): void => {
      const reducer = make();
      const read = readOptionsOf(options);
      readFileRange(unit, { ...read, ...(options.signal ? { signal: options.signal } : {}) }, (batch) => {
        reducer.addBatch(batch);
        options.onProgress?.(batch.bytes, batch.records.length + batch.malformed.length);
      }).then(
        (summary) => {
          if (settled) return;
          chain.add(fi, 0, { partial: reducer.result(), summary });
          checkDone();
        },
        (err: unknown) => finish(err),
      );
    };

    /** Waits until fewer than `count` tasks are queued (gzip segments hold memory). */
    const room = async (): Promise<void> => {
      while (!settled && queue.length >= count) await new Promise<void>((r) => (wake = r));
      wake = null;
    };

    const feed = async (): Promise<void> => {
      for (const [i, f] of files.entries()) {
        if (settled) return;
        const kind = kinds[i] as UnitKind;
        if (kind === 'whole') {
          const fi = chain.addFile(f.path, 'whole', [0], true);
          enqueue(fi, 0, { type: 'whole', id: nextId++, file: f.path });
        } else if (kind === 'range') {
          const { starts, header } = await planFile(f.path, f.size, workers);
          const fi = chain.addFile(f.path, 'range', starts, true);
          starts.forEach((start, u) => {
            const unit = { file: f.path, start, header, next: starts.slice(u + 1), expect: header };
            if (fi === 0 && u === 0 && local !== undefined) runLocal(local, unit, fi);
            else enqueue(fi, u, { type: 'range', id: nextId++, unit });
          });
        } else {
          const fi = chain.addFile(f.path, 'segment', [], false);
          await streamSegments(f.path, options, async (seg) => {
            await room();
            if (settled) return false;
            const u = chain.addUnit(fi, seg.start, seg.last);
            const bytes = seg.bytes;
            enqueue(fi, u, {
              type: 'segment',
              id: nextId++,
              unit: { file: f.path, start: seg.start, header: seg.header, next: seg.last ? [] : [seg.end], expect: seg.header },
              bytes,
              rawBytes: seg.rawBytes,
              truncated: seg.truncated,
            }, [bytes.buffer as ArrayBuffer]);
            return !settled && chain.broken === null;
          });
        }
      }
      queuedAll = true;
      checkDone();
    };
    feed().catch((err: unknown) => {
      if (err instanceof SegmentError) {
        chain.broken = err.message;
        finish();
      } else finish(err);
    });
  });
}

/** A gzip stream could not be cut into segments: the caller reads it sequentially. */
class SegmentError extends Error {}

async function planFile(path: string, size: number, parts: number): Promise<{ starts: number[]; header: Columns }> {
  const handle = await openInput(path);
  try {
    return { starts: await planRanges(handle, size, parts), header: await readFirstLineHeader(handle, path) };
  } finally {
    await handle.close();
  }
}

interface Segment {
  readonly start: number;
  /** Start of the next segment (the bytes run RECORD_START_PREFIX_MAX past it). */
  readonly end: number;
  readonly bytes: Uint8Array;
  readonly rawBytes: number;
  readonly header: Columns;
  readonly truncated: boolean;
  readonly last: boolean;
}

/**
 * Inflates a gzip file and cuts the stream at record starts about every `segmentSize` bytes. Each
 * segment is a fresh, transferable copy. `emit` returns false to stop.
 */
async function streamSegments(path: string, options: RangeParallelOptions, emit: (s: Segment) => Promise<boolean>): Promise<void> {
  const size = options.segmentSize ?? DEFAULT_SEGMENT_SIZE;
  const handle = await openInput(path);
  try {
    let held: Buffer[] = [];
    let heldLen = 0;
    let start = 0;
    let raw = 0;
    let header: Columns | undefined;
    const cut = async (at: number, buf: Buffer, last: boolean, truncated: boolean): Promise<boolean> => {
      const end = last ? buf.length : Math.min(buf.length, at + RECORD_START_PREFIX_MAX);
      const bytes = new Uint8Array(end);
      bytes.set(buf.subarray(0, end));
      header ??= headerOfFirstLine(path, bytes);
      const go = await emit({ start, end: start + at, bytes, rawBytes: raw, header, truncated, last });
      raw = 0;
      const rest = buf.subarray(at);
      held = rest.length > 0 ? [rest] : [];
      heldLen = rest.length;
      start += at;
      return go;
    };
    for await (const chunk of readByteChunks(handle, { ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }), ...(options.signal ? { signal: options.signal } : {}) })) {
      raw += chunk.rawBytes;
      if (chunk.data.length > 0) {
        held.push(chunk.data);
        heldLen += chunk.data.length;
      }
      if (chunk.gzipError !== undefined) {
        await cut(heldLen, Buffer.concat(held, heldLen), true, true);
        return;
      }
      while (heldLen >= size + 64 * 1024) {
        const buf = Buffer.concat(held, heldLen);
        const at = findRecordStart(buf, size, true);
        if (at === START_NEEDS_MORE) {
          if (heldLen > 8 * size) throw new SegmentError(`${path}: no record start in ${heldLen} bytes after offset ${start + size}`);
          held = [buf];
          break;
        }
        if (!(await cut(at, buf, false, false))) return;
      }
    }
    await cut(heldLen, Buffer.concat(held, heldLen), true, false);
  } finally {
    await handle.close();
  }
}
