/**
 * Opening an accounting file for reading, with the errors a user can fix turned into UserError.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { UserError } from '../domain/user-error.js';

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : '';
}

/** A UserError for a file-system error on `path`, or the error itself when it is not one a user fixes. */
export function inputError(path: string, err: unknown): unknown {
  switch (errorCode(err)) {
    case 'ENOENT':
      return new UserError(`${path}: no such file or directory`, {
        hint: "check the path; quote a glob ('/var/log/pmta/acct-*.csv') so that the shell does not expand it",
        cause: err,
      });
    case 'EACCES':
    case 'EPERM':
      return new UserError(`${path}: permission denied`, {
        hint: 'run as a user that may read the PowerMTA accounting directory (often the pmta group), or copy the files',
        cause: err,
      });
    case 'EISDIR':
      return new UserError(`${path}: is a directory where a file was expected`, { hint: 'pass the directory itself as an input', cause: err });
    case 'ENOTDIR':
      return new UserError(`${path}: a part of the path is not a directory`, { hint: 'check the path', cause: err });
    default:
      return err;
  }
}

export async function openInput(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (err) {
    throw inputError(path, err);
  }
}
