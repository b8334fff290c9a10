/** A ConfigSource over texts held in memory (for re-reading a config after planned edits, and tests). */
import type { ConfigSource } from './load-config.js';

export function memoryConfigSource(files: ReadonlyMap<string, string>): ConfigSource {
  return {
    read: (path) => files.get(path) ?? null,
    glob: (pattern) => {
      const re = new RegExp(`^${pattern.split('').map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`);
      return [...files.keys()].filter((p) => re.test(p)).sort();
    },
  };
}
