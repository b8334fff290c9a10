/** Writes command output to stdout or to --out FILE (the one place commands write result files). */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../domain/user-error.js';
import type { CliIo } from './command.js';

export async function writeOutput(io: CliIo, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, out);
  try {
    await writeFile(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError(`cannot write ${path}: ${code}`, { hint: 'check that the directory exists and is writable' });
  }
}
