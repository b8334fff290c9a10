/**
 * Reads a PowerMTA config from disk, following includes (with `*` and `?` wildcards). The only module
 * of src/config that touches the file system when loading.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../domain/user-error.js';
import type { Config } from './config-model.js';
import type { ConfigSource } from './load-config.js';
import { loadConfig } from './load-config.js';

export const fileConfigSource: ConfigSource = {
  read(path: string): string | null {
    try {
      if (!statSync(path).isFile()) return null;
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
  glob(pattern: string): readonly string[] {
    return globFiles(pattern);
  },
};

/** Loads `path` and its includes; a missing or unreadable root file is a UserError. */
export function loadConfigFile(path: string, cwd: string): Config {
  const abs = resolve(cwd, path);
  let isFile = false;
  try {
    isFile = statSync(abs).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`, { hint: 'pass the path of your PowerMTA config, e.g. /etc/pmta/config' });
  }
  if (!isFile) throw new UserError(`${path} is not a file`, { hint: 'pass the path of your PowerMTA config file, not a directory' });
  try {
    readFileSync(abs, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { hint: 'check the file permissions' });
  }
  return loadConfig(abs, fileConfigSource);
}

/** Files matching a pattern whose wildcards (`*`, `?`, `[...]`) may be in any path component. */
export function globFiles(pattern: string): string[] {
  const parts = pattern.split('/');
  let bases = [parts[0] === '' ? '/' : (parts[0] ?? '')];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (part === '') continue;
    const next: string[] = [];
    for (const base of bases) {
      if (!/[*?[]/.test(part)) {
        next.push(join(base, part));
        continue;
      }
      const re = globToRegExp(part);
      let names: string[] = [];
      try {
        names = readdirSync(base);
      } catch {
        names = [];
      }
      for (const name of names.sort()) if (re.test(name) && !name.startsWith('.')) next.push(join(base, name));
    }
    bases = next;
  }
  return bases.filter((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

function globToRegExp(part: string): RegExp {
  let src = '';
  for (let i = 0; i < part.length; i++) {
    const ch = part[i] ?? '';
    if (ch === '*') src += '[^/]*';
    else if (ch === '?') src += '[^/]';
    else if (ch === '[') {
      const close = part.indexOf(']', i + 1);
      if (close < 0) src += '\\[';
      else {
        src += `[${part.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else src += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${src}$`);
}

