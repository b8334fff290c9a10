/**
 * Applies planned config edits in place (`--write`): refuses when any file changed since it was read
 * (content hash), backs each file up as FILE.pmta-advisor-YYYYmmddTHHMMSS.bak (UTC) first, then
 * replaces it atomically (temporary file + rename) keeping its permissions.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, constants, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { UserError } from '../domain/user-error.js';
import type { PlannedFile } from '../config/plan-changes.js';

export interface WrittenFile {
  readonly path: string;
  readonly backup: string;
}

export interface WriteOptions {
  /** Clock for the backup name (epoch ms). */
  readonly now: () => number;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function backupName(path: string, nowMs: number): string {
  const iso = new Date(nowMs).toISOString(); // 2026-11-29T06:00:00.000Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  return `${path}.pmta-advisor-${stamp}.bak`;
}

export function writeChanges(files: readonly PlannedFile[], options: WriteOptions): WrittenFile[] {
  for (const file of files) {
    let current: string;
    try {
      current = readFileSync(file.path, 'utf8');
    } catch (error) {
      throw new UserError(`cannot read ${file.path} before writing: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (contentHash(current) !== contentHash(file.before)) {
      throw new UserError(`${file.path} changed since it was read; nothing was written`, { hint: 'run the command again on the current file' });
    }
  }
  const written: WrittenFile[] = [];
  for (const file of files) {
    const backup = freeBackupName(backupName(file.path, options.now()));
    copyFileSync(file.path, backup, constants.COPYFILE_EXCL);
    const mode = statSync(file.path).mode & 0o7777;
    const tmp = `${file.path}.pmta-advisor-tmp-${process.pid}`;
    try {
      writeFileSync(tmp, file.after, { encoding: 'utf8', mode });
      chmodSync(tmp, mode);
      renameSync(tmp, file.path);
    } catch (error) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean up
      }
      throw new UserError(`cannot write ${file.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; the original is unchanged (backup ${backup})`);
    }
    written.push({ path: file.path, backup });
  }
  return written;
}

function freeBackupName(name: string): string {
  let candidate = name;
  for (let i = 1; exists(candidate); i++) candidate = name.replace(/\.bak$/, `-${i}.bak`);
  return candidate;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
