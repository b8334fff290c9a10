import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordParser } from '../../src/accounting/parse/record-parser.js';
import { SPLIT_LINES_WASM } from '../../src/accounting/parse/wasm/split-lines-wasm.js';
import { wasmSplitter } from '../../src/accounting/parse/wasm/wasm-splitter.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/acct/', import.meta.url));

interface Parsed {
  readonly records: unknown[];
  readonly malformed: unknown[];
  readonly committed: number[];
}

/** Everything the parser says about `bytes` pushed in the given chunk sizes (cycled). */
function parse(bytes: Buffer, sizes: readonly number[], wasm: boolean, maxRecordBytes?: number): Parsed {
  const parser = createRecordParser({ file: 'f.csv', wasm, ...(maxRecordBytes === undefined ? {} : { maxRecordBytes }) });
  const out: Parsed = { records: [], malformed: [], committed: [] };
  let i = 0;
  for (let p = 0; p < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    const o = parser.push(Buffer.from(bytes.subarray(p, p + size)));
    for (const r of o.records) out.records.push(JSON.parse(JSON.stringify(r)));
    out.malformed.push(...o.malformed);
    out.committed.push(parser.committedOffset);
    p += size;
  }
  const o = parser.end();
  for (const r of o.records) out.records.push(JSON.parse(JSON.stringify(r)));
  out.malformed.push(...o.malformed);
  out.committed.push(parser.committedOffset);
  return out;
}

/** Every plain fixture one after the other (headers mid-stream, quoting, malformed lines, NULs), repeated. */
function corpus(minBytes: number): Buffer {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv')).sort();
  const parts: Buffer[] = [];
  let n = 0;
  while (n < minBytes) {
    for (const f of files) {
      const b = readFileSync(join(FIXTURES, f));
      parts.push(b);
      n += b.length;
    }
  }
  return Buffer.concat(parts);
}

describe('WebAssembly line splitter', () => {
  it('is available on this Node (WebAssembly SIMD), so the fast path is the one tested', () => {
    expect(wasmSplitter()).not.toBeNull();
  });

  it('the committed module is the compiled assembly/split-lines.ts', async () => {
    const build = (await import(new URL('../../scripts/build-wasm.mjs', import.meta.url).href)) as { compileSplitLines(): Buffer };
    expect(build.compileSplitLines().toString('base64')).toBe(SPLIT_LINES_WASM);
  }, 60_000);

  it('gives the records, malformed records and offsets of the JavaScript splitter on every fixture, read in any chunk size', () => {
    const bytes = corpus(300_000);
    const js = parse(bytes, [1 << 20], false);
    expect(js.records.length).toBeGreaterThan(800);
    expect(js.malformed.length).toBeGreaterThan(20);
    for (const sizes of [[1 << 20], [16_384], [20_011, 16_500, 65_536], [17_000, 300, 40_000]]) {
      const wasm = parse(bytes, sizes, true);
      const reference = sizes.length === 1 && sizes[0] === 1 << 20 ? js : parse(bytes, sizes, false);
      expect(wasm, `chunks of ${sizes.join('/')}`).toEqual(reference);
    }
  });

  it('reads the bytes of each push, also when the same buffer comes back with other bytes in it', () => {
    const bytes = corpus(120_000);
    const size = 20_000;
    const memory = Buffer.alloc(size);
    const parser = createRecordParser({ file: 'f.csv' });
    const records: unknown[] = [];
    for (let p = 0; p < bytes.length; p += size) {
      const piece = bytes.subarray(p, p + size);
      const view = piece.length === size ? memory : memory.subarray(0, piece.length);
      piece.copy(view);
      for (const r of parser.push(view).records) records.push(JSON.parse(JSON.stringify(r)));
    }
    for (const r of parser.end().records) records.push(JSON.parse(JSON.stringify(r)));
    expect(records).toEqual(parse(bytes, [size], false).records);
  });

  it('agrees with the JavaScript splitter on random lines (quotes, commas, CR, LF in quotes, NUL, long lines, headers)', () => {
    const header = 'type,timeLogged,rcpt,dsnDiag,vmta';
    const field = fc.oneof(
      fc.constantFrom('', 'd', 't', 'tq', 'b', '2026-11-28 10:00:00+0000', 'u@gmail.com', 'vmta-1', '"a,b"', '"say ""hi"""', '"x\r\ny"', '"open', 'a"b', '\u0000', 'é'),
      fc.string({ maxLength: 12 }),
    );
    const line = fc.oneof(
      { weight: 12, arbitrary: fc.array(field, { minLength: 1, maxLength: 7 }).map((fs) => fs.join(',')) },
      { weight: 1, arbitrary: fc.constant(header) },
      { weight: 1, arbitrary: fc.constant('x'.repeat(700)) },
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 40, maxLength: 120 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 16_384, max: 24_000 }), (lines, eol, size) => {
        // repeated to more than one chunk of at least 16 KiB (the splitter's threshold)
        const one = `${header}${eol}${lines.join(eol)}${eol}`;
        const bytes = Buffer.from(one.repeat(Math.ceil(40_000 / one.length)));
        expect(parse(bytes, [size, size + 4_099], true, 512)).toEqual(parse(bytes, [size, size + 4_099], false, 512));
      }),
      { numRuns: 60 },
    );
  });
});
