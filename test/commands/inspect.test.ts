import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAccountingFile } from '../../src/bench/generate-acct.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let file: string;

/** Independent count, like `grep -c '^d,'`: the generator never puts a line break inside a field. */
async function grepCount(path: string, prefix: string): Promise<number> {
  const text = await readFile(path, 'utf8');
  return text.split('\r\n').filter((l) => l.startsWith(prefix)).length;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pmta-inspect-'));
  file = join(dir, 'acct-2026-11-28-0000.csv');
  await generateAccountingFile(file, { records: 20_000, seed: 7 });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('pmta-advisor inspect', () => {
  it('reports record counts that an independent line count confirms', async () => {
    const res = await runCli(['inspect', file, '--format', 'json']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout) as { records: number; recordsByType: Record<string, number>; malformed: { total: number } };
    for (const type of ['d', 'b', 't', 'tq']) {
      expect(json.recordsByType[type], type).toBe(await grepCount(file, `${type},`));
    }
    expect(json.records).toBe(20_000);
    expect(json.malformed.total).toBe(0);
  });

  it('reads gzip input detected by content, with the same counts', async () => {
    const gz = join(dir, 'rotated-without-suffix');
    await writeFile(gz, gzipSync(await readFile(file)));
    const plain = JSON.parse((await runCli(['inspect', file, '--format', 'json'])).stdout) as { recordsByType: unknown; providers: unknown };
    const zipped = JSON.parse((await runCli(['inspect', gz, '--format', 'json'])).stdout) as { recordsByType: unknown; providers: unknown };
    expect(zipped.recordsByType).toEqual(plain.recordsByType);
    expect(zipped.providers).toEqual(plain.providers);
  });

  it('names providers and their top deferrals in the text report, without colour when not a TTY', async () => {
    const res = await runCli(['inspect', file]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('RECORDS BY TYPE');
    expect(res.stdout).toMatch(/yahoo: .*reputation/);
    expect(res.stdout).toContain('[TSS04]');
    expect(res.stdout).not.toContain('\u001B[');
  });

  it('warns, with the PowerMTA fix, when there are no transient records', async () => {
    const onlyDb = join(dir, 'only-d-b.csv');
    const lines = (await readFile(file, 'utf8')).split('\r\n').filter((l, i) => i === 0 || l.startsWith('d,') || l.startsWith('b,'));
    await writeFile(onlyDb, lines.join('\r\n'));
    const res = await runCli(['inspect', onlyDb]);
    expect(res.stdout).toContain('no transient (t/tq) records');
    expect(res.stdout).toContain('records d,b,t,tq');
  });

  it('fails with a one-line error naming a missing path, and a usage error without paths', async () => {
    const missing = await runCli(['inspect', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('nope.csv');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const none = await runCli(['inspect']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no accounting files given');
  });

  it('has --help', async () => {
    const res = await runCli(['inspect', '--help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Usage: pmta-advisor inspect');
  });
});
