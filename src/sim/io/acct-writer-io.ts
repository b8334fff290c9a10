/**
 * Writes accounting records as PowerMTA does: into `acct-YYYY-MM-DD-NNNN.csv` files through an open file
 * descriptor, a header line at the top of each file, a new file every `rotateSeconds` of record time
 * (default: each hour) or when a file would pass `maxBytes`. NNNN counts the files of that date.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ACCT_HEADER_LINE } from '../output/acct-columns.js';
import { formatRecord } from '../output/format-record.js';
import type { SimRecord } from '../sim-record.js';
import { isoDate } from '../time-format.js';

export interface AcctWriterOptions {
  readonly dir: string;
  /** Start a new file when a record falls into a new period of this many seconds (default 3600). */
  readonly rotateSeconds?: number;
  /** Start a new file before one would pass this size (default 250 MiB, PowerMTA's max-size). */
  readonly maxBytes?: number;
  /** Bytes buffered before a write (0 = write every call: live mode). Default 1 MiB. */
  readonly bufferBytes?: number;
}

export interface AcctWriter {
  write(records: readonly SimRecord[]): void;
  /** Writes what is buffered. */
  flush(): void;
  close(): void;
  /** Paths of the files written so far, in order. */
  readonly files: readonly string[];
}

export function createAcctWriter(options: AcctWriterOptions): AcctWriter {
  const rotate = options.rotateSeconds ?? 3600;
  const maxBytes = options.maxBytes ?? 250 * 1024 * 1024;
  const bufferLimit = options.bufferBytes ?? 1024 * 1024;
  mkdirSync(options.dir, { recursive: true });
  const files: string[] = [];
  const perDate = new Map<string, number>();
  let fd: number | null = null;
  let period = Number.NaN;
  let size = 0;
  let buffer = '';
  let buffered = 0;

  const flush = (): void => {
    if (fd !== null && buffer !== '') writeSync(fd, buffer);
    buffer = '';
    buffered = 0;
  };
  const open = (time: number): void => {
    flush();
    if (fd !== null) closeSync(fd);
    const date = isoDate(time);
    const seq = perDate.get(date) ?? 0;
    perDate.set(date, seq + 1);
    const path = join(options.dir, `acct-${date}-${String(seq).padStart(4, '0')}.csv`);
    fd = openSync(path, 'w');
    files.push(path);
    size = ACCT_HEADER_LINE.length;
    buffer = ACCT_HEADER_LINE;
    buffered = size;
  };

  return {
    files,
    write(records) {
      for (const r of records) {
        const line = formatRecord(r);
        const bytes = Buffer.byteLength(line);
        const p = Math.floor(r.time / rotate);
        if (fd === null || p !== period || size + bytes > maxBytes) {
          open(r.time);
          period = p;
        }
        buffer += line;
        size += bytes;
        buffered += bytes;
        if (buffered >= bufferLimit) flush();
      }
      if (bufferLimit === 0) flush();
    },
    flush,
    close() {
      flush();
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
