/**
 * Pushes the next bytes of a file's content through its parser and hands out a batch whenever the
 * committed offset moves. Leading NUL bytes at a record boundary (a stale writer after copytruncate
 * leaves a hole) are skipped, not parsed. Shared by the plain and gzip readers.
 */
import type { RecordParser } from '../accounting/types.js';
import type { AcctRecord, MalformedRecord } from '../domain/accounting-record.js';
import type { BatchGate } from './batch-gate.js';
import { markerOf } from './file-head.js';
import type { StreamPosition, TailStream } from './tail-stream.js';
import type { TrackedFile } from './tracked-file.js';
import type { TailBatch, TailEvent, TailMetrics } from './types.js';

export interface ReaderContext {
  readonly fingerprintBytes: number;
  readonly readChunkBytes: number;
  readonly metrics: TailMetrics;
  readonly gate: BatchGate;
  now(): number;
  pollNo(): number;
  emit(event: TailEvent): void;
  nextSeq(): number;
  newParser(file: TrackedFile, startOffset: number, header: readonly string[] | null): RecordParser;
}

export async function feedChunk(ctx: ReaderContext, f: TrackedFile, chunk: Buffer): Promise<void> {
  const s = f.stream;
  if (s === null) throw new Error(`internal: ${f.path} has no stream`);
  const mb = ctx.fingerprintBytes;
  let buf = chunk;
  if (f.parser === null || f.parser.committedOffset === f.readPos) {
    let n = 0;
    while (n < buf.length && buf[n] === 0) n++;
    if (n > 0) {
      ctx.metrics.nulBytesSkipped += n;
      const header = f.parser?.header ?? s.emitted.header;
      f.tail = keepTail(Buffer.concat([f.tail, buf.subarray(0, n)]), mb);
      f.readPos += n;
      buf = buf.subarray(n);
      f.parser = null;
      if (buf.length > 0 && s.dataStart === null && !s.hasData) s.dataStart = f.readPos;
      if (buf.length === 0) return;
      f.parser = ctx.newParser(f, f.readPos, header);
    }
  }
  const parser = f.parser ?? (f.parser = ctx.newParser(f, f.readPos, s.emitted.header));
  const start = f.readPos;
  const out = parser.push(buf);
  f.readPos += buf.length;
  const window = f.tail.length > 0 ? Buffer.concat([f.tail, buf]) : buf;
  const base = start - f.tail.length;
  f.tail = keepTail(window, mb);
  const committed = parser.committedOffset;
  if (committed === s.emitted.offset && out.records.length === 0 && out.malformed.length === 0) return;
  let position: StreamPosition;
  if (committed === s.emitted.offset) position = { ...s.emitted, header: parser.header };
  else {
    const markerLength = Math.min(committed, mb);
    const marker = markerOf(window, base, committed, markerLength);
    if (marker === null) throw new Error(`internal: bytes before offset ${committed} of ${f.path} are not in the read window`);
    position = { offset: committed, marker, markerLength, header: parser.header, finished: false };
  }
  await emitBatch(ctx, f, s, out.records, out.malformed, position, false);
}

export async function emitBatch(
  ctx: ReaderContext,
  f: TrackedFile,
  s: TailStream,
  records: AcctRecord[],
  malformed: MalformedRecord[],
  position: StreamPosition,
  final: boolean,
): Promise<void> {
  const batch: TailBatch = {
    seq: ctx.nextSeq(),
    file: { dev: f.dev, ino: f.ino, fingerprint: s.fingerprint },
    path: f.path,
    kind: f.kind ?? s.kind,
    records,
    malformed,
    committedOffset: position.offset,
    bytes: position.offset - s.emitted.offset,
    final,
  };
  s.emitted = position;
  const m = ctx.metrics;
  m.batches += 1;
  m.records += records.length;
  m.malformed += malformed.length;
  m.bytesCommitted += batch.bytes;
  if (f.recoveringFrom !== null) m.bytesRecoveredFromCopies += batch.bytes;
  await ctx.gate.deliver(batch, s, position);
}

/**
 * The last partial record of content that will not grow again is dropped and reported as a `truncated`
 * malformed record; the stream is marked finished by a final batch.
 */
export async function finishStream(ctx: ReaderContext, f: TrackedFile): Promise<void> {
  const s = f.stream;
  if (s === null || s.emitted.finished) return;
  const malformed: MalformedRecord[] = [];
  const partial = f.partialBytes;
  if (partial > 0 && f.parser !== null) {
    malformed.push({ reason: 'truncated', file: f.path, offset: f.parser.committedOffset });
    ctx.metrics.incompleteRecordsDropped += 1;
  }
  await ctx.gate.waitCapacity();
  await emitBatch(ctx, f, s, [], malformed, { ...s.emitted, finished: true }, true);
  ctx.emit({ type: 'file-closed', path: f.path, offset: s.emitted.offset, droppedIncompleteBytes: partial });
}

export function keepTail(bytes: Buffer, n: number): Buffer {
  if (bytes.length <= n) return Buffer.from(bytes);
  return Buffer.from(bytes.subarray(bytes.length - n));
}
