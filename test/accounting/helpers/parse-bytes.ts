/** Test helper: run the parser over bytes cut at given points and collect plain results. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AcctRecord, MalformedRecord } from '../../../src/domain/accounting-record.js';
import { createRecordParser } from '../../../src/accounting/parse/record-parser.js';
import type { ParserOptions } from '../../../src/accounting/types.js';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/acct/', import.meta.url));

export function fixture(name: string): Buffer {
  return readFileSync(`${FIXTURES}${name}`);
}

export interface ParseResult {
  readonly records: AcctRecord[];
  /** JSON snapshots (every typed property and column) for comparisons across chunkings. */
  readonly plain: unknown[];
  readonly malformed: MalformedRecord[];
  readonly committed: number;
  readonly header: readonly string[] | null;
}

/** Parses `bytes` pushed in pieces cut at `cuts` (sorted offsets), then ends the input. */
export function parseBytes(bytes: Uint8Array, options: Partial<ParserOptions> = {}, cuts: readonly number[] = []): ParseResult {
  const parser = createRecordParser({ file: 'test.csv', ...options });
  const records: AcctRecord[] = [];
  const malformed: MalformedRecord[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    // Copy each piece so that no test accidentally relies on pieces sharing memory.
    const out = parser.push(new Uint8Array(bytes.subarray(from, cut)));
    records.push(...out.records);
    malformed.push(...out.malformed);
    from = cut;
  }
  const out = parser.end();
  records.push(...out.records);
  malformed.push(...out.malformed);
  return {
    records,
    plain: records.map((r) => JSON.parse(JSON.stringify(r)) as unknown),
    malformed,
    committed: parser.committedOffset,
    header: parser.header,
  };
}

/** Pushes one byte at a time. */
export function parseByteByByte(bytes: Uint8Array, options: Partial<ParserOptions> = {}): ParseResult {
  return parseBytes(bytes, options, Array.from({ length: Math.max(0, bytes.length - 1) }, (_, i) => i + 1));
}
