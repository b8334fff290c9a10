/**
 * Command-line inputs to the accounting files they name: files, directories (their accounting files:
 * names ending in `.csv`, `.csv.N` or `.gz`, not hidden, not recursive; the same choice as `watch`)
 * and globs (`*`, `?`, `[...]`, `**`; every regular file they match), deduplicated and returned in
 * time order: by the first record's timeLogged, else the modification time, then the path.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../domain/user-error.js';
import { firstRecordTime } from './first-record-time.js';
import { hasGlobMagic, matchSegment, splitGlob } from './glob-pattern.js';
import { inputError, openInput } from './open-input.js';
import { isGzipFile } from './read-byte-chunks.js';
import type { InputFile } from './read-types.js';

export interface ExpandOptions {
  /** Directory relative inputs are resolved against. Default: the process's working directory. */
  readonly cwd?: string;
}

type Kind = 'file' | 'dir' | 'other' | 'missing';

/** Accounting files in a directory: `*.csv`, `*.csv.1`, `*.csv.gz`, `*.csv.1.gz`, `*.gz` (rotations). */
export function isAccountingFileName(name: string): boolean {
  return !name.startsWith('.') && (/\.csv(\.\d+)?(\.gz)?$/i.test(name) || /\.gz$/i.test(name));
}

async function kindOf(path: string): Promise<Kind> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT' || (err as { code?: string }).code === 'ENOTDIR') return 'missing';
    throw inputError(path, err);
  }
}

async function entries(dir: string): Promise<{ name: string; path: string; kind: Kind }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return [];
    throw inputError(dir, err);
  }
  names.sort();
  return Promise.all(names.map(async (name) => ({ name, path: join(dir, name), kind: await kindOf(join(dir, name)) })));
}

async function walkGlob(dir: string, segments: readonly string[], i: number, out: string[]): Promise<void> {
  const seg = segments[i];
  if (seg === undefined) return;
  const last = i === segments.length - 1;
  if (seg === '**') {
    if (!last) await walkGlob(dir, segments, i + 1, out);
    for (const e of await entries(dir)) {
      if (e.name.startsWith('.')) continue;
      if (e.kind === 'dir') await walkGlob(e.path, segments, i, out);
      else if (last && e.kind === 'file') out.push(e.path);
    }
    return;
  }
  if (!hasGlobMagic(seg)) {
    const path = join(dir, seg);
    const kind = await kindOf(path);
    if (last && kind === 'file') out.push(path);
    else if (!last && kind === 'dir') await walkGlob(path, segments, i + 1, out);
    return;
  }
  for (const e of await entries(dir)) {
    if (!matchSegment(seg, e.name)) continue;
    if (last && e.kind === 'file') out.push(e.path);
    else if (!last && e.kind === 'dir') await walkGlob(e.path, segments, i + 1, out);
  }
}

async function expandOne(input: string, cwd: string): Promise<string[]> {
  const path = isAbsolute(input) ? input : resolve(cwd, input);
  if (hasGlobMagic(input)) {
    const { base, segments } = splitGlob(path);
    const out: string[] = [];
    await walkGlob(base, segments, 0, out);
    if (out.length === 0) throw new UserError(`no file matches ${input}`, { hint: 'check the pattern and the directory it starts from' });
    return out;
  }
  const kind = await kindOf(path);
  if (kind === 'missing') throw inputError(input, Object.assign(new Error('missing'), { code: 'ENOENT' }));
  if (kind === 'other') throw new UserError(`${input}: not a regular file or directory`, { hint: 'pass accounting files, directories or globs' });
  if (kind === 'file') return [path];
  const files = (await entries(path)).filter((e) => e.kind === 'file' && isAccountingFileName(e.name)).map((e) => e.path);
  if (files.length === 0) {
    throw new UserError(`${input}: no accounting files (*.csv, *.csv.N, *.gz) in this directory`, {
      hint: "point at PowerMTA's accounting directory (where <acct-file> writes), or name the files or a glob",
    });
  }
  return files;
}

async function describe(path: string): Promise<InputFile> {
  const handle = await openInput(path);
  try {
    const s = await handle.stat();
    const gzip = await isGzipFile(handle);
    return { path, size: s.size, mtimeMs: s.mtimeMs, gzip, firstTime: await firstRecordTime(handle, path, gzip) };
  } finally {
    await handle.close();
  }
}

/** At most `limit` calls of fn in flight. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function compareInputs(a: InputFile, b: InputFile): number {
  const ta = a.firstTime ?? a.mtimeMs;
  const tb = b.firstTime ?? b.mtimeMs;
  if (ta !== tb) return ta - tb;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Throws UserError naming the input when a path is missing or a glob matches nothing. */
export async function expandInputs(paths: readonly string[], options: ExpandOptions = {}): Promise<InputFile[]> {
  const cwd = options.cwd ?? process.cwd();
  const found = new Set<string>();
  for (const input of paths) for (const p of await expandOne(input, cwd)) found.add(p);
  const files = await mapLimited([...found], 8, describe);
  return files.sort(compareInputs);
}
