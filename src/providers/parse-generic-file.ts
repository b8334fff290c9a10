/**
 * Validates `generic.json`: `{ "note"?: string, "responses": [...] }`, the patterns tried for every
 * receiver after its provider's own.
 */
import { describeJson, isJsonObject, unknownKeys } from './json-value.js';
import type { ModelError } from './model-error.js';
import { parseResponsePatterns } from './parse-response-patterns.js';
import type { ResponsePattern } from './types.js';

const KEYS = ['responses', 'note'];

export function parseGenericFile(file: string, json: unknown, errors: ModelError[]): ResponsePattern[] {
  if (!isJsonObject(json)) {
    errors.push({ file, entry: '', message: `expected a JSON object with "responses", got ${describeJson(json)}` });
    return [];
  }
  for (const k of unknownKeys(json, KEYS)) errors.push({ file, entry: k, message: `unknown key (allowed: ${KEYS.join(', ')})` });
  if (json['responses'] === undefined) errors.push({ file, entry: 'responses', message: 'missing: the list of generic patterns' });
  return parseResponsePatterns(file, json['responses'], 'responses', errors);
}
