/**
 * What the simulator writes to disk: PowerMTA's file naming and rotation, a header line per file, CRLF,
 * RFC 4180 quoting, records that read back through the accounting reader with nothing malformed and
 * counts that match truth.json, and byte-identical output for the same seed.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { readAccounting } from '../../src/accounting/read-accounting.js';
import { runSimulationToDir } from '../../src/sim/io/run-simulation-io.js';
import { loadScenario } from '../../src/sim/io/load-scenario-io.js';
import { ACCT_COLUMNS } from '../../src/sim/output/acct-columns.js';
import { fixtures } from './helpers/sim-harness.js';
import { splitCsv } from './helpers/rfc4180-split.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'pmta-sim-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function simulateTo(dir: string, name: string, seed: number, volume: number, days?: number): Promise<ReturnType<typeof runSimulationToDir>> {
  const { model, defaults } = await fixtures();
  return runSimulationToDir({ scenario: loadScenario(name, process.cwd(), defaults), defaults, model, options: { seed, volume, days }, outDir: dir });
}

const acctFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.startsWith('acct-'))
    .sort()
    .map((f) => join(dir, f));

describe('accounting files', () => {
  it('read back through the accounting reader with zero malformed records and the counts of truth.json', async () => {
    const dir = tempDir();
    const { truth, files } = await simulateTo(dir, 'mixed', 3, 12000, 3);
    expect(files).toEqual(acctFiles(dir));
    const batches = await lastValueFrom(readAccounting(files).pipe(toArray()));
    const counts: Record<string, number> = { d: 0, b: 0, t: 0, tq: 0 };
    let malformed = 0;
    for (const b of batches) {
      malformed += b.malformed.length;
      for (const r of b.records) counts[r.type] = (counts[r.type] ?? 0) + 1;
    }
    expect(malformed).toBe(0);
    expect(counts).toEqual({ d: truth.counts.d, b: truth.counts.b, t: truth.counts.t, tq: truth.counts.tq });
    expect(truth.counts.t + truth.counts.tq).toBeGreaterThan(0);
    const onDisk = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as typeof truth;
    expect(onDisk.counts).toEqual(truth.counts);

    // Field conventions as the reader sees them.
    const all = batches.flatMap((b) => b.records);
    for (const r of all) {
      if (r.type === 'tq') {
        expect(r.field('rcpt')).toBe('');
        expect(r.queue).toMatch(/^[a-z0-9.-]+\/[a-z0-9-]+$/);
      }
      if (r.type === 'b') {
        expect(r.dlvSourceIp).toBe('');
        expect(r.bounceCat).not.toBe('');
      }
      if (r.type === 'd' || r.type === 't') expect(r.dlvSourceIp).toMatch(/^(203\.0\.113|198\.51\.100)\.\d+$/);
    }
  });

  it('are named and rotated like PowerMTA, each with the header line, CRLF and RFC 4180 quoting', async () => {
    const dir = tempDir();
    const { files } = await simulateTo(dir, 'steady', 5, 6000, 2);
    for (const f of files) expect(f).toMatch(/acct-2026-11-0[23]-\d{4}\.csv$/);
    expect(files.length).toBeGreaterThan(20); // hourly rotation over two days
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text.startsWith(`${ACCT_COLUMNS.join(',')}\r\n`)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const rows = splitCsv(text);
      for (const row of rows) expect(row).toHaveLength(ACCT_COLUMNS.length);
      // Every record of a file falls in the hour the file was opened for.
      const hours = new Set(rows.slice(1).map((row) => (row[1] ?? '').slice(0, 13)));
      expect(hours.size).toBe(1);
      for (const row of rows.slice(1)) {
        expect(row[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0000$/);
        expect(row[7]).toMatch(/^[245]\.\d+\.\d+ \([a-z ,]+\)$/);
        if (row[0] === 'd' || row[0] === 't') expect(row[16]).not.toBe('');
        expect(row[21]).toBe(`${(row[4] ?? '').split('@')[1] ?? (row[21] ?? '').split('/')[0]}/${row[18] ?? ''}`);
      }
    }
    // The EHLO list has commas, so it is quoted in the file.
    expect(readFileSync(files[files.length - 1] ?? '', 'utf8')).toMatch(/,"[A-Z0-9]+(,[A-Z0-9]+)+",/);
    const conf = readFileSync(join(dir, 'pmta.conf'), 'utf8');
    expect(conf).toMatch(/<acct-file [^>]+>\n\s+records d,b,t,tq\n/);
    expect(conf).toMatch(/<virtual-mta vmta-11>\n\s+smtp-source-host 203\.0\.113\.11 /);
    expect(conf).toMatch(/<virtual-mta-pool main>\n(\s+virtual-mta vmta-\d+\n){8}<\/virtual-mta-pool>/);
    expect(conf).toMatch(/<domain \*>\n[\s\S]*max-smtp-out\s+4\n/);
    expect(conf).toMatch(/<smtp-pattern-list throttling>\n\s+reply \/.+\/ mode=backoff\n/);
  });

  it('the same seed gives byte-identical files; another seed does not', async () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    await simulateTo(a, 'mixed', 11, 5000, 2);
    await simulateTo(b, 'mixed', 11, 5000, 2);
    await simulateTo(c, 'mixed', 12, 5000, 2);
    const names = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(b, n)).equals(readFileSync(join(a, n)))).toBe(true);
    const differs = names.filter((n) => n.startsWith('acct-')).some((n) => {
      try {
        return !readFileSync(join(c, n)).equals(readFileSync(join(a, n)));
      } catch {
        return true;
      }
    });
    expect(differs).toBe(true);
  });
});
