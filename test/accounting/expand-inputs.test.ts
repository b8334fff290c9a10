import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/accounting/expand-inputs.js';
import { UserError } from '../../src/domain/user-error.js';

const HEADER = 'type,timeLogged,rcpt\r\n';
const acct = (time: string): string => `${HEADER}d,${time},x@gmail.com\r\n`;

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'acct-inputs-'));
  // A PowerMTA accounting directory: rotated files (one gzipped without .gz), the active file, a
  // dotfile and a sub-directory of older files.
  await mkdir(join(root, 'acct', 'old'), { recursive: true });
  await writeFile(join(root, 'acct', 'acct-2026-11-29-0002.csv'), acct('2026-11-29 10:00:00+0000'));
  await writeFile(join(root, 'acct', 'acct-2026-11-29-0001.csv'), gzipSync(acct('2026-11-29 09:00:00+0000')));
  await writeFile(join(root, 'acct', 'acct.csv'), acct('2026-11-29 11:00:00+0000'));
  await writeFile(join(root, 'acct', '.acct.csv.swp'), 'junk');
  await writeFile(join(root, 'acct', '.hidden.csv'), acct('2026-11-29 01:00:00+0000'));
  await writeFile(join(root, 'acct', 'notes.txt'), 'not an accounting file');
  await writeFile(join(root, 'acct', 'acct-2026-11-28-0009.csv.1.gz'), gzipSync(acct('2026-11-28 23:00:00+0000')));
  await writeFile(join(root, 'acct', 'old', 'acct-2026-11-28-0001.csv'), acct('2026-11-28 09:00:00+0000'));
  // Files without records are ordered by modification time.
  await writeFile(join(root, 'acct', 'empty-b.csv'), HEADER);
  await writeFile(join(root, 'acct', 'empty-a.csv'), '');
  const t = new Date('2026-11-29T10:30:00Z');
  await utimes(join(root, 'acct', 'empty-b.csv'), t, t);
  await utimes(join(root, 'acct', 'empty-a.csv'), new Date('2026-11-29T12:00:00Z'), new Date('2026-11-29T12:00:00Z'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const names = (files: readonly { path: string }[]): string[] => files.map((f) => f.path.slice(root.length + 1));

describe('expandInputs', () => {
  it('lists a directory (accounting names, not recursive, no dotfiles) in time order, gzip found by magic', async () => {
    const files = await expandInputs([join(root, 'acct')]);
    expect(names(files)).toEqual([
      'acct/acct-2026-11-28-0009.csv.1.gz',
      'acct/acct-2026-11-29-0001.csv',
      'acct/acct-2026-11-29-0002.csv',
      'acct/empty-b.csv',
      'acct/acct.csv',
      'acct/empty-a.csv',
    ]);
    expect(files[1]).toMatchObject({ gzip: true, firstTime: Date.UTC(2026, 10, 29, 9) });
    expect(files[2]).toMatchObject({ gzip: false, firstTime: Date.UTC(2026, 10, 29, 10) });
    expect(files[3]?.firstTime).toBeNull();
    expect(files[2]?.size).toBe(acct('2026-11-29 10:00:00+0000').length);
  });

  it('expands globs, including ** and character classes, relative to cwd', async () => {
    expect(names(await expandInputs(['acct/acct-*.csv'], { cwd: root }))).toEqual(['acct/acct-2026-11-29-0001.csv', 'acct/acct-2026-11-29-0002.csv']);
    expect(names(await expandInputs([`${root}/**/acct-2026-11-2[8]-*.csv`]))).toEqual(['acct/old/acct-2026-11-28-0001.csv']);
    expect(names(await expandInputs([`${root}/**/acct-*`]))).toEqual([
      'acct/old/acct-2026-11-28-0001.csv',
      'acct/acct-2026-11-28-0009.csv.1.gz',
      'acct/acct-2026-11-29-0001.csv',
      'acct/acct-2026-11-29-0002.csv',
    ]);
    expect(names(await expandInputs([`${root}/acct/*.txt`]))).toEqual(['acct/notes.txt']);
    expect(names(await expandInputs([`${root}/acct/acct?csv`]))).toEqual(['acct/acct.csv']);
  });

  it('deduplicates a file named by several inputs', async () => {
    const files = await expandInputs([join(root, 'acct', 'acct.csv'), `${root}/acct/acct.c*`, join(root, 'acct')]);
    expect(names(files).filter((n) => n === 'acct/acct.csv')).toHaveLength(1);
  });

  it('names a missing path, a glob without match and an empty directory in a UserError', async () => {
    const missing = join(root, 'nope', 'acct.csv');
    await expect(expandInputs([missing])).rejects.toThrow(UserError);
    await expect(expandInputs([missing])).rejects.toThrow(missing);
    await expect(expandInputs([`${root}/acct/*.log`])).rejects.toThrow(/no file matches .*\*\.log/);
    await mkdir(join(root, 'empty'));
    await expect(expandInputs([join(root, 'empty')])).rejects.toThrow(/no accounting files .* in this directory/);
  });
});
