/**
 * Validates a `responses` array of a model file into compiled ResponsePatterns. Every entry needs an
 * id, a JavaScript regular expression source, a class and a real example text that the pattern
 * matches; `flags` (default "i") and `note` are optional.
 */
import { RESPONSE_CLASSES, isResponseClass } from '../domain/response-class.js';
import { describeJson, isJsonObject, unknownKeys } from './json-value.js';
import { matchText } from './match-text.js';
import type { ModelError } from './model-error.js';
import type { ResponsePattern } from './types.js';

export const PATTERN_ID = /^[a-z0-9][a-z0-9._-]*$/;
const ALLOWED_FLAGS = ['i', 'm', 's', 'u'];
const KEYS = ['id', 'pattern', 'flags', 'class', 'example', 'note'];

export function parseResponsePatterns(file: string, value: unknown, entry: string, errors: ModelError[]): ResponsePattern[] {
  const push = (e: string, message: string): void => {
    errors.push({ file, entry: e, message });
  };
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    push(entry, `expected an array of patterns, got ${describeJson(value)}`);
    return [];
  }
  const out: ResponsePattern[] = [];
  value.forEach((item: unknown, i) => {
    const at = `${entry}[${i}]`;
    const before = errors.length;
    if (!isJsonObject(item)) {
      push(at, `expected an object with id, pattern, class and example, got ${describeJson(item)}`);
      return;
    }
    for (const k of unknownKeys(item, KEYS)) push(at, `unknown key "${k}" (allowed: ${KEYS.join(', ')})`);

    const id = item['id'];
    if (typeof id !== 'string' || !PATTERN_ID.test(id)) {
      push(`${at}.id`, `expected a lower-case id such as "yahoo-tss04" (letters, digits, '.', '_', '-'), got ${describeJson(id)}`);
    }
    const cls = item['class'];
    if (typeof cls !== 'string' || !isResponseClass(cls)) {
      const shown = typeof cls === 'string' ? JSON.stringify(cls) : describeJson(cls);
      push(`${at}.class`, `${shown} is not a class (one of ${RESPONSE_CLASSES.join(', ')})`);
    }
    const flags = item['flags'] ?? 'i';
    const flagsOk =
      typeof flags === 'string' && [...flags].every((f) => ALLOWED_FLAGS.includes(f)) && new Set(flags).size === flags.length;
    if (!flagsOk) push(`${at}.flags`, `expected a string of distinct flags from "imsu" (g and y are not allowed), got ${describeJson(flags)}`);

    const source = item['pattern'];
    let regex: RegExp | null = null;
    if (typeof source !== 'string' || source === '') {
      push(`${at}.pattern`, `expected a non-empty regular expression (JavaScript syntax, as a JSON string), got ${describeJson(source)}`);
    } else if (flagsOk) {
      try {
        regex = new RegExp(source, flags);
      } catch (error) {
        push(`${at}.pattern`, `not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (regex?.test('')) {
        push(`${at}.pattern`, 'matches an empty text, so it would match every response; make it require some text');
        regex = null;
      }
    }
    const example = item['example'];
    if (example === undefined) {
      push(`${at}.example`, 'missing: paste a real response text (dsnDiag without "smtp;") that this pattern matches');
    } else if (typeof example !== 'string' || example.trim() === '') {
      push(`${at}.example`, `expected a non-empty string, got ${describeJson(example)}`);
    } else if (regex !== null && !regex.test(matchText(example))) {
      push(`${at}.example`, 'does not match the pattern (as one line, see docs/providers.md); fix the pattern or the example');
    }
    const note = item['note'];
    if (note !== undefined && typeof note !== 'string') push(`${at}.note`, `expected a string, got ${describeJson(note)}`);

    if (errors.length === before && regex !== null && typeof id === 'string' && typeof cls === 'string' && isResponseClass(cls)) {
      out.push({ id, class: cls, regex, example: typeof example === 'string' ? example : null, source: `${file}#${at}` });
    }
  });
  return out;
}
