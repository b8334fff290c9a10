/**
 * Reads the provider defaults and a scenario (built-in name or a path to a user's file) from disk and
 * validates them. Every problem becomes one UserError line naming the file and the entry.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../domain/user-error.js';
import { validateDefaults } from '../scenario/validate-defaults.js';
import type { SimDefaults } from '../scenario/validate-defaults.js';
import { validateScenario } from '../scenario/validate-scenario.js';
import type { Scenario } from '../scenario/scenario-types.js';

/** models/scenarios, found from this module (src/sim/io or dist/sim/io). */
export function scenariosDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/scenarios');
}

export function builtInScenarioNames(dir: string = scenariosDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError(`${file}: not valid JSON: ${(error as Error).message}`, { hint: 'fix the JSON syntax', cause: error });
  }
}

function raise(errors: readonly string[], hint: string): never {
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  throw new UserError(`${errors[0] ?? 'invalid file'}${more}`, { hint });
}

export function loadSimDefaults(dir: string = scenariosDir()): SimDefaults {
  const file = join(dir, 'defaults', 'providers.json');
  const { defaults, errors } = validateDefaults(readJson(file), file);
  if (errors.length > 0) raise(errors, 'see docs/simulator.md for the provider defaults format');
  return defaults;
}

/** A built-in scenario name (`warmup`) or a path to a JSON file (`./my.json`). */
export function loadScenario(nameOrFile: string, cwd: string, defaults: SimDefaults, dir: string = scenariosDir()): Scenario {
  const looksLikePath = nameOrFile.endsWith('.json') || nameOrFile.includes('/') || nameOrFile.includes('\\');
  const file = looksLikePath ? (isAbsolute(nameOrFile) ? nameOrFile : resolve(cwd, nameOrFile)) : join(dir, `${nameOrFile}.json`);
  if (!looksLikePath && !existsSync(file)) {
    throw new UserError(`unknown scenario '${nameOrFile}'`, { hint: `built-in scenarios: ${builtInScenarioNames(dir).join(', ')}; or pass a path to your own JSON file` });
  }
  const known = { providers: Object.keys(defaults.providers), audiences: defaults.audiences, invalidDomains: defaults.invalidDomains };
  const { scenario, errors } = validateScenario(readJson(file), file, known);
  if (errors.length > 0) raise(errors, 'see docs/simulator.md for the scenario format');
  return scenario;
}
