/**
 * The IO around RangeParse: one byte range of a plain file, read with positional reads from its start
 * until it lands on a later range start (or the file ends), or one gzip segment handed over as bytes.
 */
import { openInput } from './open-input.js';
import { RangeParse } from './range-parse.js';
import type { RangeStart, RangeSummary } from './range-types.js';
import type { ReadOptions, RecordBatch } from './read-types.js';
import { DEFAULT_CHUNK_SIZE } from './read-byte-chunks.js';

export async function readFileRange(unit: RangeStart, options: ReadOptions, onBatch: (batch: RecordBatch) => void): Promise<RangeSummary> {
  const handle = await openInput(unit.file);
  try {
    const range = new RangeParse(unit, options, onBatch);
    const size = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    const read = async (position: number): Promise<Buffer> => {
      // A fresh buffer per read: parsed records keep a reference to it.
      const buf = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(buf, 0, size, position);
      return buf.subarray(0, bytesRead);
    };
    let pending = read(range.position);
    try {
      for (;;) {
        const chunk = await pending;
        if (chunk.length === 0) return range.finish();
        options.signal?.throwIfAborted();
        const position = range.position + chunk.length;
        pending = read(position);
        if (range.feed(chunk)) return range.finish();
      }
    } finally {
      pending.catch(() => undefined);
    }
  } finally {
    await handle.close();
  }
}

/**
 * One segment of a decompressed gzip stream: `bytes` begin at unit.start and run a few bytes past the
 * next segment's start (enough to probe it). `rawBytes` are the compressed bytes behind the segment;
 * `truncated` when the stream was cut short after it.
 */
export function parseSegment(
  unit: RangeStart,
  bytes: Buffer,
  rawBytes: number,
  truncated: boolean,
  options: ReadOptions,
  onBatch: (batch: RecordBatch) => void,
): RangeSummary {
  const range = new RangeParse(unit, options, onBatch);
  range.feed(bytes, rawBytes);
  return range.finish(truncated);
}
