/**
 * The provider model from its files (pure): `generic.json`, `status-codes.json` and one JSON file per
 * provider. Returns the model built from every valid entry plus all errors, each naming its file and
 * entry. Files are taken in name order so the result does not depend on directory listing order.
 */
import { buildProviderModel, type BuildOptions } from './build-provider-model.js';
import { checkExamples, checkFallbackScopes, checkUniqueness, type Located } from './check-model.js';
import { parseJsonText } from './json-value.js';
import type { ModelError } from './model-error.js';
import { parseGenericFile } from './parse-generic-file.js';
import { parseProviderFile } from './parse-provider-file.js';
import { parseStatusCodesFile } from './parse-status-codes-file.js';
import { EMPTY_FALLBACKS, type StatusFallbacks } from './status-fallbacks.js';
import type { Provider, ProviderModel, ResponsePattern } from './types.js';

export const GENERIC_FILE = 'generic.json';
export const STATUS_CODES_FILE = 'status-codes.json';

export interface ModelFile {
  /** The path shown in errors and pattern sources, e.g. `models/providers/yahoo.json`. */
  readonly path: string;
  readonly text: string;
}

export interface ParsedProviderModel {
  readonly model: ProviderModel;
  readonly errors: readonly ModelError[];
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export function parseProviderModel(files: readonly ModelFile[], options: BuildOptions = {}): ParsedProviderModel {
  const errors: ModelError[] = [];
  const sorted = [...files].sort((a, b) => (baseName(a.path) < baseName(b.path) ? -1 : baseName(a.path) > baseName(b.path) ? 1 : 0));
  const located: Located<Provider>[] = [];
  let generic: ResponsePattern[] = [];
  let fallbacks: StatusFallbacks = EMPTY_FALLBACKS;
  let fallbacksFile = '';
  let sawGeneric = false;

  for (const file of sorted) {
    const name = baseName(file.path);
    if (!name.endsWith('.json')) {
      errors.push({ file: file.path, entry: '', message: 'not a .json file; the provider model reads only *.json' });
      continue;
    }
    const parsed = parseJsonText(file.text);
    if (!parsed.ok) {
      errors.push({ file: file.path, entry: '', message: parsed.message });
      continue;
    }
    if (name === GENERIC_FILE) {
      if (sawGeneric) errors.push({ file: file.path, entry: '', message: `a second ${GENERIC_FILE}; only one is allowed` });
      sawGeneric = true;
      generic = [...generic, ...parseGenericFile(file.path, parsed.value, errors)];
    } else if (name === STATUS_CODES_FILE) {
      fallbacks = parseStatusCodesFile(file.path, parsed.value, errors);
      fallbacksFile = file.path;
    } else {
      const provider = parseProviderFile(file.path, parsed.value, errors);
      if (provider !== null) located.push({ file: file.path, value: provider });
    }
  }
  const providers = checkUniqueness(located, generic, errors);
  checkExamples(providers, generic, errors);
  if (fallbacksFile !== '') checkFallbackScopes(fallbacksFile, fallbacks, providers, errors);
  return { model: buildProviderModel({ providers, generic, fallbacks }, options), errors };
}
