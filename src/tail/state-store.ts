/**
 * Saving and loading the state file atomically. Save: write a temp file, fsync it, move the current
 * file to `.prev`, rename the temp file into place, fsync the directory. At every instant one complete,
 * checksummed state exists (`state.json`, or `state.json.prev` with the new one still in its temp
 * file), so a crash or a torn file falls back to the last good one. A fault hook runs between the steps
 * so tests can "crash" at each.
 */
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { decodeState, encodeState, type AdvisorState } from './state-format.js';

export const SAVE_STEPS = ['serialized', 'tmp-written', 'tmp-synced', 'prev-rotated', 'renamed', 'dir-synced'] as const;
export type SaveStep = (typeof SAVE_STEPS)[number];

/** Called after each step; throwing stops the save there (a simulated crash). Synchronous on purpose. */
export type SaveFaultHook = (step: SaveStep) => void;

/** Default `--state`: `$XDG_STATE_HOME/pmta-advisor/state.json`, else `~/.local/state/pmta-advisor/state.json`. */
export function defaultStatePath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const xdg = env['XDG_STATE_HOME'];
  const base = xdg !== undefined && xdg.startsWith('/') ? xdg : join(home, '.local', 'state');
  return join(base, 'pmta-advisor', 'state.json');
}

export function previousPath(path: string): string {
  return `${path}.prev`;
}

let tmpCounter = 0;

export interface SaveOptions {
  readonly fault?: SaveFaultHook;
  /**
   * Move the current file to `.prev` (default). False when the current file is known to be bad (the
   * state was loaded from `.prev`): it is removed instead, so the good `.prev` is kept.
   */
  readonly rotate?: boolean;
}

export async function saveState(path: string, state: AdvisorState, options: SaveOptions = {}): Promise<void> {
  const fault = options.fault ?? (() => undefined);
  const data = encodeState(state);
  fault('serialized');
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await removeStaleTemps(path);
  const tmp = `${path}.tmp-${process.pid}-${++tmpCounter}`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(data);
    fault('tmp-written');
    await fh.sync();
  } finally {
    await fh.close();
  }
  fault('tmp-synced');
  const rotation = options.rotate === false ? unlink(path) : rename(path, previousPath(path));
  await rotation.catch((e: unknown) => {
    if (!isCode(e, 'ENOENT')) throw e;
  });
  fault('prev-rotated');
  await rename(tmp, path);
  fault('renamed');
  await syncDir(dir);
  fault('dir-synced');
}

async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } catch (e) {
    // Some file systems refuse fsync on a directory; the renames are still atomic.
    if (!isCode(e, 'EINVAL') && !isCode(e, 'EISDIR') && !isCode(e, 'EBADF')) throw e;
  } finally {
    await d.close();
  }
}

/** Temp files left by a save that crashed (never read: the state is in `state.json` or `.prev`). */
async function removeStaleTemps(path: string): Promise<void> {
  const prefix = `${basename(path)}.tmp-`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const n of names) if (n.startsWith(prefix)) await unlink(join(dirname(path), n)).catch(() => undefined);
}

export interface LoadedState {
  readonly state: AdvisorState | null;
  /** Which file it came from. */
  readonly source: 'current' | 'previous' | 'none';
  /** Why a file that exists was not used (one line each, naming the file). */
  readonly problems: readonly string[];
}

export async function loadState(path: string): Promise<LoadedState> {
  const problems: string[] = [];
  const candidates: [string, 'current' | 'previous'][] = [
    [path, 'current'],
    [previousPath(path), 'previous'],
  ];
  for (const [p, source] of candidates) {
    let bytes: Buffer;
    try {
      bytes = await readFile(p);
    } catch (e) {
      if (!isCode(e, 'ENOENT')) problems.push(`${p}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const decoded = decodeState(bytes);
    if (decoded.ok) return { state: decoded.state, source, problems };
    problems.push(`${p}: ${decoded.problem}`);
  }
  return { state: null, source: 'none', problems };
}

function isCode(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && e.code === code;
}
