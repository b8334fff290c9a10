import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Aggregator } from '../../src/aggregate/aggregator.js';
import { ingest, type IngestOptions, type IngestProgress } from '../../src/ingest/ingest.js';
import { defaultProviderModelDir, loadDefaultProviderModelSync } from '../../src/providers/load-provider-model-io.js';
import { transpileForWorker, type Transpiled } from '../accounting/helpers/transpile-for-worker.js';
import { HEADER, REORDERED, accountingText, writeAccounting } from './parallel-fixtures.js';

const model = loadDefaultProviderModelSync();
let dir = '';
let compiled: Transpiled;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-parallel-'));
  compiled = transpileForWorker(['src/accounting/range-worker.ts', 'src/ingest/aggregate-reducer.ts']);
});
afterAll(async () => {
  compiled.dispose();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  readonly agg: Aggregator;
  readonly fallbacks: string[];
  readonly progress: IngestProgress[];
}

async function run(paths: string[], workers: number, extra: Partial<IngestOptions> = {}, splitThreshold = 64 * 1024): Promise<Run> {
  const fallbacks: string[] = [];
  const progress: IngestProgress[] = [];
  const agg = await ingest(paths, {
    model,
    modelDir: defaultProviderModelDir(),
    onProgress: (p) => progress.push(p),
    parallel: {
      workers,
      splitThreshold,
      segmentSize: 48 * 1024,
      workerUrl: compiled.urls[0] as URL,
      reducerUrl: compiled.urls[1] as URL,
      onFallback: (r) => fallbacks.push(r),
    },
    ...extra,
  });
  return { agg, fallbacks, progress };
}

function same(a: Aggregator, b: Aggregator): void {
  expect(a.summary()).toEqual(b.summary());
  expect(a.cells()).toEqual(b.cells());
  expect(a.responses()).toEqual(b.responses());
  expect(a.toSnapshot().domainProvider).toEqual(b.toSnapshot().domainProvider);
}

async function file(name: string, text: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('ingest on worker threads', () => {
  it('gives the sequential result on 2 and 3 workers (ranges cut through quoted line breaks)', async () => {
    const path = join(dir, 'acct-multiline.csv');
    await writeAccounting(path, 4000, { multiline: 'record-like', malformedEvery: 97 });
    const seq = await run([path], 1);
    expect(seq.agg.recordCount).toBeGreaterThan(3900);
    expect(seq.agg.malformedCount).toBeGreaterThan(40);
    for (const workers of [2, 3]) {
      const par = await run([path], workers);
      expect(par.fallbacks).toEqual([]);
      same(par.agg, seq.agg);
    }
  });

  it('keeps malformed-record lines right in ranges that start mid-file', async () => {
    const path = join(dir, 'acct-malformed.csv');
    await writeAccounting(path, 3000, { multiline: 'plain', malformedEvery: 400 });
    const seq = await run([path], 1);
    const par = await run([path], 3, {}, 32 * 1024);
    const examples = par.agg.summary().malformed.examples;
    expect(examples.length).toBeGreaterThan(4);
    expect(examples.every((e) => typeof e.line === 'number')).toBe(true);
    // later examples come from later ranges
    expect(Math.max(...examples.map((e) => e.offset))).toBeGreaterThan(((await stat(path)).size * 2) / 3);
    same(par.agg, seq.agg);
  });

  it('reads on past a range start when a header before it changed the columns', async () => {
    const path = join(dir, 'acct-headers.csv');
    // a reordered header a little after the start, the original again near the end
    await writeAccounting(path, 3000, { multiline: 'plain' }, new Map([[200, REORDERED], [2800, HEADER]]));
    const seq = await run([path], 1);
    const par = await run([path], 3, {}, 32 * 1024);
    expect(par.fallbacks).toEqual([]);
    same(par.agg, seq.agg);
    // rcpt and orig swapped back by the header: the domains are the recipients', never news.example.org
    expect(par.agg.cells().some((c) => c.domain === 'news.example.org')).toBe(false);
  });

  it('merges a directory of three files (plain, big plain, gzip) in file order', async () => {
    const sub = join(dir, 'three');
    await mkdtemp(sub).catch(() => undefined);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(sub, { recursive: true });
    await writeFile(join(sub, 'acct-2026-11-28-0000.csv'), accountingText(500, { malformedEvery: 50 }));
    await writeFile(join(sub, 'acct-2026-11-28-0100.csv'), accountingText(3000, { multiline: 'record-like' }));
    await writeFile(join(sub, 'acct-2026-11-28-0200.csv.gz'), gzipSync(accountingText(3000, { multiline: 'plain', malformedEvery: 300 })));
    const seq = await run([sub], 1);
    expect(seq.agg.summary().files).toHaveLength(3);
    for (const workers of [2, 3]) {
      const par = await run([sub], workers);
      expect(par.fallbacks).toEqual([]);
      same(par.agg, seq.agg);
    }
  });

  it('streams a gzip file in segments with the same result', async () => {
    const path = await file('acct-big.csv.gz', gzipSync(accountingText(5000, { multiline: 'record-like', malformedEvery: 333 })));
    const seq = await run([path], 1);
    const par = await run([path], 2, {}, 8 * 1024);
    expect(par.fallbacks).toEqual([]);
    same(par.agg, seq.agg);
    expect(par.agg.summary().bytes).toBe((await stat(path)).size);
  });

  it('applies the time window and reports progress up to the whole input', async () => {
    const path = join(dir, 'acct-window.csv');
    const size = await writeAccounting(path, 3000);
    const window = { since: Date.UTC(2026, 10, 28, 1, 0, 0), until: Date.UTC(2026, 10, 28, 4, 0, 0) };
    const seq = await run([path], 1, window);
    const par = await run([path], 2, window);
    same(par.agg, seq.agg);
    expect(par.agg.summary().firstTime).toBeGreaterThanOrEqual(window.since);
    const last = par.progress[par.progress.length - 1];
    expect(last?.bytes).toBe(size);
    expect(last?.records).toBe(seq.progress[seq.progress.length - 1]?.records);
  });

  it('falls back to one thread when a range attributed a learned domain differently', async () => {
    const path = join(dir, 'acct-learned.csv');
    // The company domain is learned (as Google, from its MX) in the first lines only; later, only its
    // expired bounces (no dsnMta) come, which a range that starts there attributes to the domain's owner.
    const lines = accountingText(3000, { expiredBounces: true }).split('\r\n');
    const bounce = lines.find((l) => l.startsWith('b,') && l.includes('acme-corp.example') && l.includes('message-expired')) as string;
    const text = lines
      .filter((l, i) => i < 300 || !l.includes('acme-corp.example'))
      .map((l, i) => (i > 300 && i % 50 === 0 ? `${bounce}\r\n${l}` : l))
      .join('\r\n');
    await writeFile(path, text);
    const seq = await run([path], 1);
    const par = await run([path], 3, {}, 32 * 1024);
    expect(par.fallbacks).toHaveLength(1);
    expect(par.fallbacks[0]).toContain('acme-corp.example');
    same(par.agg, seq.agg);
  });
});
