/**
 * Validates one provider file (`models/providers/<id>.json`) into a Provider. Errors name the file and
 * the entry; entries with errors are left out so the rest of the model still loads for inspection.
 */
import { describeJson, isJsonObject, unknownKeys } from './json-value.js';
import type { ModelError } from './model-error.js';
import { parseResponsePatterns } from './parse-response-patterns.js';
import type { Provider, ProviderLimits } from './types.js';
import { OTHER_PROVIDER } from './domain-index.js';

export const PROVIDER_ID = /^[a-z0-9][a-z0-9-]*$/;
const KEYS = ['id', 'name', 'domains', 'mxPatterns', 'limits', 'responses', 'note'];
const LIMIT_KEYS = ['connections', 'perConnection', 'note'];
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const GLOB_CHARS = /^[a-z0-9.*-]+$/;

export function parseProviderFile(file: string, json: unknown, errors: ModelError[]): Provider | null {
  const push = (entry: string, message: string): void => {
    errors.push({ file, entry, message });
  };
  if (!isJsonObject(json)) {
    push('', `expected a JSON object with id, name, domains, mxPatterns, limits and responses, got ${describeJson(json)}`);
    return null;
  }
  for (const k of unknownKeys(json, KEYS)) push(k, `unknown key (allowed: ${KEYS.join(', ')})`);

  const id = json['id'];
  let idOk = false;
  if (typeof id !== 'string' || !PROVIDER_ID.test(id)) {
    push('id', `expected a lower-case provider id such as "yahoo" (letters, digits, '-'), got ${describeJson(id)}`);
  } else if (id === OTHER_PROVIDER) {
    push('id', `"${OTHER_PROVIDER}" is reserved for receivers no provider claims; choose another id`);
  } else idOk = true;

  const name = json['name'];
  if (typeof name !== 'string' || name.trim() === '') push('name', `expected a non-empty display name, got ${describeJson(name)}`);

  const domains = stringList(json['domains'], 'domains', push).flatMap(({ value, entry }) => {
    const d = value.toLowerCase().replace(/\.$/, '');
    if (!DOMAIN.test(d)) {
      push(entry, `${JSON.stringify(value)} is not a domain name (no wildcards: list each domain, e.g. "yahoo.co.uk")`);
      return [];
    }
    return [d];
  });
  for (const dup of duplicates(domains)) push('domains', `"${dup}" is listed twice`);

  const mxPatterns = stringList(json['mxPatterns'], 'mxPatterns', push).flatMap(({ value, entry }) => {
    const g = value.toLowerCase().replace(/\.$/, '');
    const problem = globProblem(g);
    if (problem !== null) {
      push(entry, `${JSON.stringify(value)} ${problem}`);
      return [];
    }
    return [g];
  });
  for (const dup of duplicates(mxPatterns)) push('mxPatterns', `"${dup}" is listed twice`);

  const note = json['note'];
  if (note !== undefined && typeof note !== 'string') push('note', `expected a string, got ${describeJson(note)}`);

  const limits = parseLimits(json['limits'], push);
  const responses = parseResponsePatterns(file, json['responses'], 'responses', errors);

  if (!idOk || typeof name !== 'string') return null;
  return { id: id as string, name, domains: [...new Set(domains)], mxPatterns: [...new Set(mxPatterns)], limits, responses };
}

function stringList(
  value: unknown,
  entry: string,
  push: (entry: string, message: string) => void,
): { readonly value: string; readonly entry: string }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    push(entry, `expected an array of strings, got ${describeJson(value)}`);
    return [];
  }
  return value.flatMap((v: unknown, i) => {
    if (typeof v === 'string' && v.trim() !== '') return [{ value: v.trim(), entry: `${entry}[${i}]` }];
    push(`${entry}[${i}]`, `expected a non-empty string, got ${describeJson(v)}`);
    return [];
  });
}

/** Why a glob is unusable, or null when fine. */
export function globProblem(glob: string): string | null {
  if (!GLOB_CHARS.test(glob)) return 'has characters other than letters, digits, ".", "-" and "*"';
  if (glob.includes('**')) return 'has "**"; one "*" already matches any run of characters';
  if (glob.split('.').some((label) => label === '')) return 'has an empty label (".." or a leading ".")';
  const tail = glob.slice(glob.lastIndexOf('*') + 1);
  const fixedLabels = tail.split('.').filter((l) => l !== '');
  if (glob.includes('*') && (!tail.startsWith('.') || fixedLabels.length < 2)) {
    return 'is too broad: end it with at least two fixed labels after the last "*", e.g. "*.google.com"';
  }
  if (!glob.includes('*') && fixedLabels.length < 2) return 'is not a host name';
  return null;
}

function parseLimits(value: unknown, push: (entry: string, message: string) => void): ProviderLimits {
  if (value === undefined) return {};
  if (!isJsonObject(value)) {
    push('limits', `expected an object like {"connections": 5, "perConnection": 50}, got ${describeJson(value)}`);
    return {};
  }
  for (const k of unknownKeys(value, LIMIT_KEYS)) push(`limits.${k}`, `unknown key (allowed: ${LIMIT_KEYS.join(', ')})`);
  const read = (key: 'connections' | 'perConnection'): number | undefined => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
    push(`limits.${key}`, `expected a positive whole number, got ${describeJson(v)}`);
    return undefined;
  };
  const connections = read('connections');
  const perConnection = read('perConnection');
  const note = value['note'];
  if (note !== undefined && typeof note !== 'string') push('limits.note', `expected a string, got ${describeJson(note)}`);
  return {
    ...(connections === undefined ? {} : { connections }),
    ...(perConnection === undefined ? {} : { perConnection }),
  };
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) (seen.has(v) ? dups : seen).add(v);
  return [...dups];
}
