import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAccounting, readAccountingFile } from '../../src/accounting/read-accounting.js';
import type { RecordBatch } from '../../src/accounting/read-types.js';
import { UserError } from '../../src/domain/user-error.js';
import { FIXTURES, fixture, parseBytes } from './helpers/parse-bytes.js';

const all = (batches: readonly RecordBatch[]): { records: RecordBatch['records'][number][]; malformed: RecordBatch['malformed'][number][] } => ({
  records: batches.flatMap((b) => b.records),
  malformed: batches.flatMap((b) => b.malformed),
});

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acct-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readAccountingFile', () => {
  it('reads a plain file into the same records as the parser, with byte totals and final checkpoint', async () => {
    const path = join(FIXTURES, 'v5-default.csv');
    const batches = await lastValueFrom(readAccountingFile(path).pipe(toArray()));
    const { records, malformed } = all(batches);
    expect(records.map((r) => r.type)).toEqual(['d', 't', 't', 'b', 't', 'tq', 't', 't', 'd']);
    expect(records.map((r) => r.offset)).toEqual(parseBytes(fixture('v5-default.csv')).records.map((r) => r.offset));
    expect(records.every((r) => r.file === path)).toBe(true);
    expect(malformed).toEqual([]);
    expect(batches.reduce((n, b) => n + b.bytes, 0)).toBe(fixture('v5-default.csv').length);
    expect(batches.at(-1)?.committedOffset).toBe(fixture('v5-default.csv').length);
  });

  it('emits one batch per read chunk, not one per record', async () => {
    const body = Array.from({ length: 3000 }, (_, i) => `d,2026-11-29 10:00:00+0000,u${i}@gmail.com,2.0.0 (success),vmta-a\r\n`).join('');
    const path = join(dir, 'many.csv');
    await writeFile(path, `type,timeLogged,rcpt,dsnStatus,vmta\r\n${body}`);
    const batches = await lastValueFrom(readAccountingFile(path, { chunkSize: 64 * 1024 }).pipe(toArray()));
    expect(all(batches).records).toHaveLength(3000);
    expect(batches.length).toBeLessThan(10);
    expect(Math.max(...batches.map((b) => b.records.length))).toBeGreaterThan(500);
  });

  it('detects gzip by its magic bytes, not its name', async () => {
    const gz = fixture('gzipped-no-ext.csv');
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    const batches = await lastValueFrom(readAccountingFile(join(FIXTURES, 'gzipped-no-ext.csv')).pipe(toArray()));
    const plain = await lastValueFrom(readAccountingFile(join(FIXTURES, 'v5-default.csv')).pipe(toArray()));
    const strip = (b: RecordBatch[]): unknown[] => all(b).records.map((r) => ({ ...(JSON.parse(JSON.stringify(r)) as object), file: '' }));
    expect(strip(batches)).toEqual(strip(plain));
    expect(batches.reduce((n, b) => n + b.bytes, 0)).toBe(gz.length);
    expect(batches.at(-1)?.committedOffset).toBe(fixture('v5-default.csv').length);
  });

  it('reads the complete records of a truncated gzip once and counts the cut as truncated', async () => {
    const batches = await lastValueFrom(readAccountingFile(join(FIXTURES, 'truncated.csv.gz')).pipe(toArray()));
    const { records, malformed } = all(batches);
    expect(records.length).toBeGreaterThan(10);
    expect(records.length).toBeLessThan(120);
    expect(new Set(records.map((r) => r.offset)).size).toBe(records.length);
    expect(malformed.map((m) => m.reason)).toEqual(['truncated']);
    const last = records.at(-1);
    expect(malformed[0]?.offset).toBeGreaterThan(last?.offset ?? Infinity);
    expect(batches.at(-1)?.committedOffset).toBe(malformed[0]?.offset);
  });

  it('reads gzip written in several members and chunk sizes the same as plain', async () => {
    const bytes = fixture('quoting.csv');
    const cut = bytes.indexOf('\nt,') + 1;
    const path = join(dir, 'two-members.log');
    await writeFile(path, Buffer.concat([gzipSync(bytes.subarray(0, cut)), gzipSync(bytes.subarray(cut))]));
    const batches = await lastValueFrom(readAccountingFile(path, { chunkSize: 100 }).pipe(toArray()));
    expect(all(batches).records.map((r) => r.offset)).toEqual(parseBytes(bytes).records.map((r) => r.offset));
    expect(all(batches).malformed).toEqual([]);
  });

  it('fails with a UserError naming a missing file', async () => {
    const missing = join(dir, 'nope.csv');
    const err = await lastValueFrom(readAccountingFile(missing)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain(missing);
    expect((err as UserError).hint).toBeTruthy();
  });

  it('stops reading when unsubscribed', async () => {
    const body = 'd,2026-11-29 10:00:00+0000,u@gmail.com,2.0.0 (success),vmta-a\r\n'.repeat(20_000);
    const path = join(dir, 'stop.csv');
    await writeFile(path, `type,timeLogged,rcpt,dsnStatus,vmta\r\n${body}`);
    const first = await firstValueFrom(readAccountingFile(path, { chunkSize: 4096 }).pipe(take(1)));
    expect(first.records.length).toBeGreaterThan(0);
    expect(first.committedOffset).toBeLessThan(8192);
  });
});

describe('readAccounting', () => {
  it('reads inputs one file after the other in time order', async () => {
    const sub = await mkdtemp(join(dir, 'order-'));
    const header = 'type,timeLogged,rcpt\r\n';
    await writeFile(join(sub, 'a-later.csv'), `${header}d,2026-11-29 12:00:00+0000,late@x.y\r\n`);
    await writeFile(join(sub, 'b-earlier.csv'), `${header}d,2026-11-29 08:00:00+0000,early@x.y\r\n`);
    const batches = await lastValueFrom(readAccounting([sub]).pipe(toArray()));
    expect(all(batches).records.map((r) => ('rcpt' in r ? r.rcpt : ''))).toEqual(['early@x.y', 'late@x.y']);
  });

  it('errors with a UserError when an input is missing', async () => {
    const err = await lastValueFrom(readAccounting([join(dir, 'missing-dir')])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
  });
});
