import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/aggregate/aggregator.js';
import { createRecordParser } from '../../src/accounting/parse/record-parser.js';
import { readFileBatches } from '../../src/accounting/read-file-batches.js';
import { loadProviderModel } from '../../src/providers/load-provider-model-io.js';
import type { ProviderModel } from '../../src/providers/types.js';
import { readFileSync } from 'node:fs';

const FIXTURES = fileURLToPath(new URL('../../fixtures/acct/', import.meta.url));
const plainFixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv'));

let model: ProviderModel;
beforeAll(async () => {
  model = await loadProviderModel();
});

/** Reads a file the way ingest does (records consumed inside the batch callback). */
async function aggregate(path: string, reuseBuffers: boolean, chunkSize: number): Promise<Aggregator> {
  const agg = new Aggregator(model);
  await readFileBatches(path, { reuseBuffers, chunkSize }, (batch) => {
    agg.add(batch.records);
    agg.addMalformed(batch.malformed);
    agg.addFile(batch.file, batch.bytes);
  });
  return agg;
}

function result(agg: Aggregator): unknown {
  return { cells: agg.cells(), responses: agg.responses(), summary: agg.summary() };
}

describe('reading into two reused buffers (ingest)', () => {
  it.each(plainFixtures)('%s gives the same aggregate as fresh buffers, whatever the read size', async (name) => {
    const path = join(FIXTURES, name);
    const expected = result(await aggregate(path, false, 1 << 20));
    for (const chunkSize of [64, 333, 4096]) {
      expect(result(await aggregate(path, true, chunkSize)), `${name}, ${chunkSize}-byte reads`).toEqual(expected);
    }
  });

  it('the parser keeps nothing of a chunk after push(): overwriting it changes no later record', () => {
    // a quoted multi-line field and long records spanning the chunk boundaries
    const text = readFileSync(join(FIXTURES, 'quoting.csv'), 'latin1') + readFileSync(join(FIXTURES, 'mixed-providers.csv'), 'latin1').split('\n').slice(1).join('\n');
    const bytes = Buffer.from(text, 'latin1');
    for (const size of [5, 31, 97, 500]) {
      const fresh = createRecordParser({ file: 'x' });
      const reused = createRecordParser({ file: 'x' });
      const memory = Buffer.alloc(size);
      const a: unknown[] = [];
      const b: unknown[] = [];
      for (let p = 0; p < bytes.length; p += size) {
        const piece = bytes.subarray(p, p + size);
        for (const r of fresh.push(Buffer.from(piece)).records) a.push(JSON.parse(JSON.stringify(r)));
        const view = memory.subarray(0, piece.length);
        piece.copy(view);
        for (const r of reused.push(view).records) b.push(JSON.parse(JSON.stringify(r)));
        memory.fill(0x2c); // the next read overwrites the memory
      }
      for (const r of fresh.end().records) a.push(JSON.parse(JSON.stringify(r)));
      for (const r of reused.end().records) b.push(JSON.parse(JSON.stringify(r)));
      expect(b, `${size}-byte chunks`).toEqual(a);
      expect(a.length).toBeGreaterThan(10);
    }
  });
});
