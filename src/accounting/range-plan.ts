/**
 * Cutting a large plain accounting file into byte ranges for parallel readers: near each even cut the
 * first line start that looks like a record (range-start.ts) becomes a range start. Also the columns
 * of the file's first line, which every later range assumes (its reader's predecessor verifies it).
 */
import type { FileHandle } from 'node:fs/promises';
import { createRecordParser } from './parse/record-parser.js';
import { findRecordStart, START_NEEDS_MORE } from './range-start.js';
import type { Columns } from './range-types.js';

const WINDOW = 64 * 1024;
const LF = 0x0a;

async function readAt(handle: FileHandle, position: number, size: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(size);
  const { bytesRead } = await handle.read(buf, 0, size, position);
  return buf.subarray(0, bytesRead);
}

/** Columns set by the first line of `bytes` (a file's or stream's first bytes), null when it is no header. */
export function headerOfFirstLine(file: string, bytes: Uint8Array): Columns {
  const lf = bytes.indexOf(LF);
  if (lf < 0) return null;
  const parser = createRecordParser({ file });
  parser.push(Buffer.from(bytes.subarray(0, lf + 1)));
  return parser.header;
}

export async function readFirstLineHeader(handle: FileHandle, file: string): Promise<Columns> {
  let size = WINDOW;
  for (;;) {
    const head = await readAt(handle, 0, size);
    if (head.indexOf(LF) >= 0 || head.length < size || size >= 4 * 1024 * 1024) return headerOfFirstLine(file, head);
    size *= 4;
  }
}

/** First record start at or after `from`, before `limit`; null when there is none. */
export async function recordStartFrom(handle: FileHandle, from: number, limit: number): Promise<number | null> {
  // Read from the byte before `from`, to see whether `from` itself starts a line.
  const base = Math.max(0, from - 1);
  for (let size = WINDOW; ; size *= 2) {
    const want = Math.min(size, limit + WINDOW - base);
    const buf = await readAt(handle, base, want);
    const at = findRecordStart(buf, from - base, base === 0);
    if (at !== START_NEEDS_MORE) return base + at < limit ? base + at : null;
    if (buf.length < want || base + buf.length >= limit + WINDOW) return null;
  }
}

/**
 * Starts of up to `parts` ranges of a plain file of `size` bytes: 0, then the first record start at or
 * after each even cut (cuts with no record start before the next one are dropped).
 */
export async function planRanges(handle: FileHandle, size: number, parts: number): Promise<number[]> {
  const starts = [0];
  for (let k = 1; k < parts; k++) {
    const cut = Math.floor((k * size) / parts);
    const next = k + 1 < parts ? Math.floor(((k + 1) * size) / parts) : size;
    const from = Math.max(cut, (starts[starts.length - 1] as number) + 1);
    if (from >= next) continue;
    const s = await recordStartFrom(handle, from, next);
    if (s !== null) starts.push(s);
  }
  return starts;
}
