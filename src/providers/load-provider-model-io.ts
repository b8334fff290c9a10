/**
 * Reads the provider model from disk (the IO edge of src/providers). The default directory is the
 * package's own `models/providers`, found relative to this module so it works from `dist/` and from
 * `src/` under vitest. Several directories can be layered: a file in a later directory replaces the
 * file of the same name in an earlier one (e.g. the shipped model, then the user's own files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../domain/user-error.js';
import { formatModelError } from './model-error.js';
import { parseProviderModel, type ModelFile } from './parse-provider-model.js';
import type { ProviderModel } from './types.js';

const SHOWN_ERRORS = 3;

export function defaultProviderModelDir(): string {
  return fileURLToPath(new URL('../../models/providers/', import.meta.url));
}

interface Listed {
  readonly name: string;
  readonly fullPath: string;
  readonly shownPath: string;
}

function dirsOf(dir: string | readonly string[] | undefined): { readonly dir: string; readonly shown: string | null }[] {
  if (dir === undefined) return [{ dir: defaultProviderModelDir(), shown: 'models/providers' }];
  return (typeof dir === 'string' ? [dir] : dir).map((d) => ({ dir: d, shown: null }));
}

function layer(listings: readonly { readonly dir: string; readonly shown: string | null; readonly names: readonly string[] }[]): Listed[] {
  const byName = new Map<string, Listed>();
  for (const { dir, shown, names } of listings) {
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      byName.set(name, { name, fullPath: join(dir, name), shownPath: shown === null ? join(dir, name) : `${shown}/${name}` });
    }
  }
  return [...byName.values()];
}

function notFound(dir: string, error: unknown): UserError {
  const code = (error as { code?: string } | null)?.code;
  return new UserError(`cannot read provider model directory ${dir}: ${code === 'ENOENT' ? 'no such directory' : String(error)}`, {
    hint: 'pass a directory of provider *.json files (see docs/providers.md)',
    cause: error,
  });
}

function finish(files: readonly ModelFile[], dirs: readonly { readonly dir: string }[]): ProviderModel {
  if (files.length === 0) {
    throw new UserError(`no provider *.json files in ${dirs.map((d) => d.dir).join(', ')}`, { hint: 'see docs/providers.md for the file format' });
  }
  const { model, errors } = parseProviderModel(files);
  if (errors.length > 0) {
    const shown = errors.slice(0, SHOWN_ERRORS).map(formatModelError).join('; ');
    const more = errors.length > SHOWN_ERRORS ? ` (and ${errors.length - SHOWN_ERRORS} more)` : '';
    throw new UserError(`invalid provider model: ${shown}${more}`, { hint: 'fix these entries; the format is in docs/providers.md' });
  }
  return model;
}

/** Loads and validates the model; throws UserError naming file and entry of the first problems. */
export async function loadProviderModel(dir?: string | readonly string[]): Promise<ProviderModel> {
  const dirs = dirsOf(dir);
  const listings = await Promise.all(
    dirs.map(async (d) => {
      try {
        return { ...d, names: (await readdir(d.dir)).sort() };
      } catch (error) {
        throw notFound(d.dir, error);
      }
    }),
  );
  const listed = layer(listings);
  const files = await Promise.all(listed.map(async (l) => ({ path: l.shownPath, text: await readFile(l.fullPath, 'utf8') })));
  return finish(files, dirs);
}

/** Synchronous variant for worker threads that need the model before their first message. */
export function loadProviderModelSync(dir?: string | readonly string[]): ProviderModel {
  const dirs = dirsOf(dir);
  const listings = dirs.map((d) => {
    try {
      return { ...d, names: readdirSync(d.dir).sort() };
    } catch (error) {
      throw notFound(d.dir, error);
    }
  });
  const files = layer(listings).map((l) => ({ path: l.shownPath, text: readFileSync(l.fullPath, 'utf8') }));
  return finish(files, dirs);
}

let defaultModel: ProviderModel | null = null;

/** The shipped model, loaded once per process. */
export function loadDefaultProviderModelSync(): ProviderModel {
  defaultModel ??= loadProviderModelSync();
  return defaultModel;
}
