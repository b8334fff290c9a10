/**
 * One scan of the inputs: every accounting file reachable now, with its (dev, ino), size and mtime.
 * Polling this is the tailer's source of truth. Missing paths and permission errors become root
 * statuses, never exceptions.
 */
import { readdir, stat } from 'node:fs/promises';
import type { BigIntStats, Dirent } from 'node:fs';
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

export interface ScanOptions {
  readonly include: (name: string) => boolean;
  /**
   * Files whose content cannot change any more (complete gzips): while their directory is unchanged,
   * the previous stat is reused instead of a stat per poll. Directories are still listed every poll.
   */
  readonly frozen: (key: string) => boolean;
  /** Every this many scans everything is stat'ed again (covers coarse directory mtimes). */
  readonly fullEvery: number;
}

type Listed = Omit<ScannedFile, 'root'>;

/** Scans the inputs, remembering per directory what it listed (to skip stat'ing frozen files). */
export class Scanner {
  private readonly specs: readonly InputSpec[];
  private readonly options: ScanOptions;
  private readonly dirs = new Map<string, { readonly mtime: string; readonly byName: Map<string, Listed> }>();
  private scans = 0;

  constructor(specs: readonly InputSpec[], options: ScanOptions) {
    this.specs = specs;
    this.options = options;
  }

  async scan(): Promise<ScanResult> {
    const full = this.scans++ % Math.max(1, this.options.fullEvery) === 0;
    const result: ScanResult = { files: new Map(), roots: [], vanished: [], errors: [] };
    for (let i = 0; i < this.specs.length; i++) {
      const spec = this.specs[i]!;
      const before = result.files.size;
      try {
        if (spec.kind === 'path') await this.scanPath(spec.base, i, result, full);
        else await this.walkGlob(spec.base, spec.segments, 0, i, result, 0, full);
        result.roots.push({ state: 'ok', input: spec.input, files: result.files.size - before });
      } catch (e) {
        const code = errorCode(e);
        if (code === 'ENOENT' || code === 'ENOTDIR') result.roots.push({ state: 'waiting-for-path', input: spec.input });
        else result.roots.push({ state: 'error', input: spec.input, code, message: errorMessage(e) });
      }
    }
    return result;
  }

  private async scanPath(path: string, root: number, out: ScanResult, full: boolean): Promise<void> {
    const st = await stat(path, { bigint: true });
    if (st.isFile()) {
      add(out, listed(path, st), root);
      return;
    }
    if (!st.isDirectory()) return;
    const include = this.options.include;
    await this.listFiles(path, st.mtimeNs.toString(), (e) => (e.isFile() || e.isSymbolicLink()) && include(e.name), root, out, full);
  }

  private async walkGlob(dir: string, segments: readonly Segment[], index: number, root: number, out: ScanResult, depth: number, full: boolean): Promise<void> {
    if (depth > MAX_GLOB_DEPTH) return;
    const seg = segments[index];
    if (seg === undefined) return;
    if (index === segments.length - 1 && seg !== '**') {
      await this.listFiles(dir, null, (e) => (e.isFile() || e.isSymbolicLink()) && seg.test(e.name), root, out, full);
      return;
    }
    const entries = await readdir(dir, { withFileTypes: true });
    if (seg === '**') {
      // zero directories
      await this.walkGlob(dir, segments, index + 1, root, out, depth + 1, full).catch(ignoreMissing);
      for (const e of entries) {
        if (e.isDirectory() && !e.name.startsWith('.')) await this.walkGlob(joinPath(dir, e.name), segments, index, root, out, depth + 1, full).catch(ignoreMissing);
      }
      return;
    }
    for (const e of entries) {
      if (seg.test(e.name) && (e.isDirectory() || e.isSymbolicLink())) {
        await this.walkGlob(joinPath(dir, e.name), segments, index + 1, root, out, depth + 1, full).catch(ignoreMissing);
      }
    }
  }

  /** Lists a directory's files; a frozen file keeps its previous stat while the directory's mtime is unchanged. */
  private async listFiles(dir: string, mtime: string | null, accept: (e: Dirent) => boolean, root: number, out: ScanResult, full: boolean): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    const prev = this.dirs.get(dir);
    const trust = !full && mtime !== null && prev !== undefined && prev.mtime === mtime;
    const byName = new Map<string, Listed>();
    for (const e of entries) {
      if (!accept(e)) continue;
      const cached = trust ? prev.byName.get(e.name) : undefined;
      let entry: Listed | null;
      if (cached !== undefined && this.options.frozen(fileKey(cached.dev, cached.ino))) entry = cached;
      else entry = await statEntry(joinPath(dir, e.name), out);
      if (entry === null) continue;
      byName.set(e.name, entry);
      add(out, entry, root);
    }
    if (mtime !== null) this.dirs.set(dir, { mtime, byName });
  }
}

async function statEntry(path: string, out: ScanResult): Promise<Listed | null> {
  try {
    const st = await stat(path, { bigint: true });
    return st.isFile() ? listed(path, st) : null;
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') out.vanished.push(path);
    else out.errors.push({ path, code, message: errorMessage(e) });
    return null;
  }
}

function listed(path: string, st: BigIntStats): Listed {
  return { path, dev: st.dev.toString(), ino: st.ino.toString(), size: Number(st.size), mtime: st.mtimeNs.toString() };
}

function add(out: ScanResult, entry: Listed, root: number): void {
  const key = fileKey(entry.dev, entry.ino);
  if (out.files.has(key)) return;
  out.files.set(key, { ...entry, root });
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
