/**
 * Read one accounting file through the parser and hand each chunk's records on as one batch. The
 * plain loop under both the Observable reader and the worker threads.
 */
import type { MalformedRecord } from '../domain/accounting-record.js';
import { createRecordParser } from './parse/record-parser.js';
import { openInput } from './open-input.js';
import { readByteChunks } from './read-byte-chunks.js';
import type { FileSummary, ReadOptions, RecordBatch } from './read-types.js';

/**
 * Reads `path` to its end, calling `onBatch` once per read chunk (and once more at the end). A
 * truncated or corrupt gzip stream keeps the complete records decompressed before the damage and adds
 * one `truncated` malformed count for the rest; the partial last record is never parsed.
 */
export async function readFileBatches(path: string, options: ReadOptions, onBatch: (batch: RecordBatch) => void): Promise<FileSummary> {
  const handle = await openInput(path);
  let records = 0;
  let malformed = 0;
  let bytes = 0;
  try {
    const parser = createRecordParser({ file: path, ...(options.maxRecordBytes === undefined ? {} : { maxRecordBytes: options.maxRecordBytes }) });
    const emit = (batch: RecordBatch): void => {
      records += batch.records.length;
      malformed += batch.malformed.length;
      bytes += batch.bytes;
      onBatch(batch);
    };
    for await (const chunk of readByteChunks(handle, options)) {
      const out = parser.push(chunk.data);
      if (chunk.gzipError !== undefined) {
        const cut: MalformedRecord = { reason: 'truncated', file: path, offset: parser.committedOffset };
        emit({ file: path, records: out.records, malformed: [...out.malformed, cut], bytes: chunk.rawBytes, committedOffset: parser.committedOffset });
        return { file: path, records, malformed, bytes, committedOffset: parser.committedOffset };
      }
      if (out.records.length > 0 || out.malformed.length > 0 || chunk.rawBytes > 0) {
        emit({ file: path, records: out.records, malformed: out.malformed, bytes: chunk.rawBytes, committedOffset: parser.committedOffset });
      }
    }
    const out = parser.end();
    emit({ file: path, records: out.records, malformed: out.malformed, bytes: 0, committedOffset: parser.committedOffset });
    return { file: path, records, malformed, bytes, committedOffset: parser.committedOffset };
  } finally {
    await handle.close();
  }
}
