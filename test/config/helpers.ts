/** Test helpers: load fixture configs through an in-memory source or from disk. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../src/config/config-model.js';
import { loadConfig } from '../../src/config/load-config.js';
import { memoryConfigSource } from '../../src/config/memory-config-source.js';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/configs');

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/** Every regular file under fixtures/configs (except .gitattributes), sorted. */
export function allFixtureFiles(dir = FIXTURES): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...allFixtureFiles(p));
    else if (name !== '.gitattributes') out.push(p);
  }
  return out;
}

/** Loads a config from a `{path: text}` object (paths absolute, root first). */
export function configFromTexts(files: Record<string, string>, root?: string): Config {
  const map = new Map(Object.entries(files));
  const rootPath = root ?? [...map.keys()][0] ?? '/etc/pmta/config';
  return loadConfig(rootPath, memoryConfigSource(map));
}

export function configFromText(text: string, path = '/etc/pmta/config'): Config {
  return configFromTexts({ [path]: text }, path);
}
