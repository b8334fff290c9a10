/**
 * The timeLogged of a file's first record, read from its first 64 KiB (decompressed when gzip): cheap
 * enough to order many files by the time they cover.
 */
import type { FileHandle } from 'node:fs/promises';
import { constants, gunzipSync } from 'node:zlib';
import { createRecordParser } from './parse/record-parser.js';

const HEAD_BYTES = 64 * 1024;

export async function firstRecordTime(handle: FileHandle, path: string, gzip: boolean): Promise<number | null> {
  const buf = Buffer.allocUnsafe(HEAD_BYTES);
  const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
  let head = buf.subarray(0, bytesRead);
  if (gzip) {
    try {
      head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return null;
    }
  }
  const parser = createRecordParser({ file: path });
  const first = parser.push(head).records[0];
  return first?.timeLogged ?? null;
}
