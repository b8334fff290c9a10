/**
 * `pmta-advisor simulate` through the CLI entry, with in-memory streams.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CliIo } from '../../src/commands/command.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd, now: () => 0 };
  const code = await main(args, io, new AbortController().signal);
  return { code, out, err };
}

describe('simulate command', () => {
  it('writes accounting files, pmta.conf and truth.json and says what it wrote', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pmta-cmd-'));
    dirs.push(cwd);
    const { code, out, err } = await run(['simulate', '--scenario', 'invalid-domains', '--out', 'out', '--volume', '3000', '--days', '1', '--seed', '4'], cwd);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^[\d,]+ records \(d [\d,]+, b [\d,]+, t [\d,]+, tq [\d,]+\) in \d+ files\n/);
    const files = readdirSync(join(cwd, 'out'));
    expect(files).toContain('pmta.conf');
    expect(files).toContain('truth.json');
    expect(files.filter((f) => /^acct-2026-11-02-\d{4}\.csv$/.test(f)).length).toBeGreaterThan(10);
  });

  it('rejects bad flags with one line and exit code 2', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pmta-cmd-'));
    dirs.push(cwd);
    const cases: [string[], RegExp][] = [
      [['simulate', '--out', 'x'], /--scenario and --out are required \(built-in scenarios: backoff, connections/],
      [['simulate', '--scenario', 'steady', '--out', 'x', '--days', 'two'], /--days must be a whole number from 1 to 366, got 'two'/],
      [['simulate', '--scenario', 'steady', '--out', 'x', '--speed', '60'], /--speed only applies with --live/],
      [['simulate', '--scenario', 'steady', '--out', 'x', '--start', '2026-02-30'], /--start must be a date YYYY-MM-DD/],
      [['simulate', '--scenario', 'nope', '--out', 'x'], /unknown scenario 'nope'/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run(args, cwd);
      expect(err).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(code).toBeGreaterThan(0);
    }
    expect(existsSync(join(cwd, 'x'))).toBe(false);
  });
});
