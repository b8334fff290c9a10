/**
 * One scan of the inputs: every accounting file reachable now, with its (dev, ino), size and mtime.
 * Polling this is the tailer's source of truth. Missing paths and permission errors become root
 * statuses, never exceptions.
 */
import { readdir, stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { joinPath, type InputSpec, type Segment } from './input-spec.js';
import type { RootStatus } from './types.js';

export interface ScannedFile {
  readonly path: string;
  readonly dev: string;
  readonly ino: string;
  readonly size: number;
  /** mtime in ns, as a decimal string. */
  readonly mtime: string;
  /** Index of the input it was found under. */
  readonly root: number;
}

export interface ScanResult {
  /** By `dev:ino` (a file reachable under several names is listed once, under the first). */
  readonly files: Map<string, ScannedFile>;
  readonly roots: RootStatus[];
  /** Listed names that vanished before they could be stat'ed. */
  readonly vanished: string[];
  /** Files that exist but cannot be stat'ed (permissions). */
  readonly errors: { path: string; code: string; message: string }[];
}

const MAX_GLOB_DEPTH = 16;

export function fileKey(dev: string | bigint, ino: string | bigint): string {
  return `${dev}:${ino}`;
}

export async function scanInputs(specs: readonly InputSpec[], include: (name: string) => boolean): Promise<ScanResult> {
  const result: ScanResult = { files: new Map(), roots: [], vanished: [], errors: [] };
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const before = result.files.size;
    try {
      if (spec.kind === 'path') await scanPath(spec.base, i, include, result);
      else await walkGlob(spec.base, spec.segments, 0, i, result, 0);
      result.roots.push({ state: 'ok', input: spec.input, files: result.files.size - before });
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') result.roots.push({ state: 'waiting-for-path', input: spec.input });
      else result.roots.push({ state: 'error', input: spec.input, code, message: errorMessage(e) });
    }
  }
  return result;
}

async function scanPath(path: string, root: number, include: (name: string) => boolean, out: ScanResult): Promise<void> {
  const st = await stat(path, { bigint: true });
  if (st.isFile()) {
    add(out, path, st, root);
    return;
  }
  if (!st.isDirectory()) return;
  const entries = await readdir(path, { withFileTypes: true });
  for (const e of entries) {
    if (!(e.isFile() || e.isSymbolicLink()) || !include(e.name)) continue;
    await statEntry(joinPath(path, e.name), root, out);
  }
}

async function walkGlob(dir: string, segments: readonly Segment[], index: number, root: number, out: ScanResult, depth: number): Promise<void> {
  if (depth > MAX_GLOB_DEPTH) return;
  const seg = segments[index];
  if (seg === undefined) return;
  const entries = await readdir(dir, { withFileTypes: true });
  const last = index === segments.length - 1;
  if (seg === '**') {
    // zero directories
    await walkGlob(dir, segments, index + 1, root, out, depth + 1).catch(ignoreMissing);
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.')) await walkGlob(joinPath(dir, e.name), segments, index, root, out, depth + 1).catch(ignoreMissing);
    }
    return;
  }
  for (const e of entries) {
    if (!seg.test(e.name)) continue;
    const p = joinPath(dir, e.name);
    if (last) {
      if (e.isFile() || e.isSymbolicLink()) await statEntry(p, root, out);
    } else if (e.isDirectory() || e.isSymbolicLink()) {
      await walkGlob(p, segments, index + 1, root, out, depth + 1).catch(ignoreMissing);
    }
  }
}

async function statEntry(path: string, root: number, out: ScanResult): Promise<void> {
  try {
    const st = await stat(path, { bigint: true });
    if (st.isFile()) add(out, path, st, root);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') out.vanished.push(path);
    else out.errors.push({ path, code, message: errorMessage(e) });
  }
}

function add(out: ScanResult, path: string, st: BigIntStats, root: number): void {
  const key = fileKey(st.dev, st.ino);
  if (out.files.has(key)) return;
  out.files.set(key, { path, dev: st.dev.toString(), ino: st.ino.toString(), size: Number(st.size), mtime: st.mtimeNs.toString(), root });
}

function ignoreMissing(e: unknown): void {
  const code = errorCode(e);
  if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EACCES') throw e;
}

export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : 'EUNKNOWN';
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
