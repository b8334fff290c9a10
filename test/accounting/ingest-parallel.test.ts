import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestParallel } from '../../src/accounting/ingest-parallel.js';
import type { ReducerSpec } from '../../src/accounting/batch-reducer.js';
import { UserError } from '../../src/domain/user-error.js';
import { mergeCounts, type Counts } from './helpers/count-reducer.js';
import { FIXTURES } from './helpers/parse-bytes.js';
import { transpileForWorker, type Transpiled } from './helpers/transpile-for-worker.js';

const HEADER = 'type,timeLogged,rcpt,dsnStatus,dsnDiag,vmta,dlvSourceIp\r\n';
const DOMAINS = ['gmail.com', 'yahoo.com', 'hotmail.com', 'orange.fr', 'gmx.de'];

/** A generated file of n records: d, t (with a quoted reply) and b rows over five domains. */
function generated(n: number, hour: number): string {
  let out = HEADER;
  for (let i = 0; i < n; i++) {
    const domain = DOMAINS[i % DOMAINS.length] as string;
    const time = `2026-11-29 ${String(hour).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}+0000`;
    const kind = i % 7 === 0 ? 't' : i % 13 === 0 ? 'b' : 'd';
    const diag = kind === 't' ? '"smtp;421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred, see https://postmaster.yahooinc.com"' : 'smtp;250 ok';
    out += `${kind},${time},user${i}@${domain},${kind === 'd' ? '2.0.0 (success)' : '4.7.0 (other)'},${diag},vmta-${i % 3},203.0.113.${i % 4}\r\n`;
  }
  return out;
}

let dir = '';
let compiled: Transpiled;
let files: string[] = [];
let reducer: ReducerSpec;
const SIZES = [4000, 2500, 1200, 800, 300];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acct-parallel-'));
  files = [];
  for (const [i, n] of SIZES.entries()) {
    const path = join(dir, `acct-${i}.csv`);
    await writeFile(path, i === 1 ? gzipSync(generated(n, i)) : generated(n, i));
    files.push(path);
  }
  files.push(join(FIXTURES, 'malformed.csv'), join(FIXTURES, 'truncated.csv.gz'), join(FIXTURES, 'quoting.csv'));
  compiled = transpileForWorker(['src/accounting/ingest-worker.ts', 'test/accounting/helpers/count-reducer.ts']);
  reducer = { module: (compiled.urls[1] as URL).href, exportName: 'createCountReducer', options: { label: 'count' } };
});
afterAll(async () => {
  compiled.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('ingestParallel', () => {
  it('gives the same merged result on 2 worker threads as in this thread', async () => {
    const inThread = await ingestParallel<Counts>(files, { reducer, workers: 1 });
    const threaded = await ingestParallel<Counts>(files, { reducer, workers: 2, workerUrl: compiled.urls[0] as URL });
    expect(inThread.workers).toBe(0);
    expect(threaded.workers).toBe(2);
    expect(threaded.partials).toHaveLength(2);
    expect(threaded.partials.every((p) => p.label === 'count' && p.files.length > 0)).toBe(true);
    const merged = mergeCounts(threaded.partials);
    expect(merged).toEqual(mergeCounts(inThread.partials));
    expect(threaded.files).toEqual(inThread.files);
  });

  it('counts every record of every file exactly once', async () => {
    const threaded = await ingestParallel<Counts>(files, { reducer, workers: 2, workerUrl: compiled.urls[0] as URL, chunkSize: 16 * 1024 });
    const merged = mergeCounts(threaded.partials);
    const generatedTotal = SIZES.reduce((a, b) => a + b, 0);
    // malformed.csv has 9 good records, quoting.csv 4; truncated.csv.gz has the rest.
    const truncated = threaded.files.find((f) => f.file.endsWith('truncated.csv.gz'));
    expect(merged.records).toBe(generatedTotal + 9 + 4 + (truncated?.records ?? NaN));
    expect(merged.files).toEqual([...files].sort());
    expect(merged.malformed).toEqual({ 'no-header': 1, 'field-count': 1, 'unknown-type': 1, 'bad-time': 2, 'invalid-utf8': 2, truncated: 2 });
    for (const d of DOMAINS) expect(merged.byDomain[d]).toBeGreaterThanOrEqual(Math.floor(generatedTotal / 5));
    expect(threaded.files.map((f) => f.file)).toEqual(files);
    expect(threaded.files.reduce((n, f) => n + f.records, 0)).toBe(merged.records);
  });

  it('reports a missing file as the UserError of the worker that met it', async () => {
    const missing = join(dir, 'gone.csv');
    const err = await ingestParallel<Counts>([...files.slice(0, 3), missing], { reducer, workers: 2, workerUrl: compiled.urls[0] as URL }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain(missing);
  });

  it('says clearly when the reducer module lacks the export', async () => {
    const bad = { ...reducer, exportName: 'nope' };
    await expect(ingestParallel<Counts>(files, { reducer: bad, workers: 2, workerUrl: compiled.urls[0] as URL })).rejects.toThrow(/no function export 'nope'/);
  });
});
