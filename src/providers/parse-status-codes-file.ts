/**
 * Validates `status-codes.json`:
 * `{ "statusCodes": [{ "status": "4.2.2", "class": "recipient", "provider"?: "other", "note"? }],
 *    "bounceCategories": [{ "bounceCat": "bad-domain", "class": "invalid-domain", "provider"?, "note"? }] }`.
 * Whether a `provider` names a known provider is checked with the whole model (checkFallbackScopes).
 */
import { RESPONSE_CLASSES, isResponseClass } from '../domain/response-class.js';
import { describeJson, isJsonObject, unknownKeys } from './json-value.js';
import type { ModelError } from './model-error.js';
import { PROVIDER_ID } from './parse-provider-file.js';
import { STATUS_RULE, fallbackPatternId, type FallbackRule, type StatusFallbacks } from './status-fallbacks.js';

const KEYS = ['statusCodes', 'bounceCategories', 'note'];

interface ListSpec {
  readonly listKey: 'statusCodes' | 'bounceCategories';
  readonly key: 'status' | 'bounceCat';
  readonly kind: 'status' | 'bounce-cat';
  readonly check: (value: string) => string | null;
}

const STATUS_SPEC: ListSpec = {
  listKey: 'statusCodes',
  key: 'status',
  kind: 'status',
  check: (v) => (STATUS_RULE.test(v) ? null : `"${v}" is not an enhanced status code like "4.2.2" (use * for any part: "*.2.2", "5.1.*")`),
};
const BOUNCE_CAT_SPEC: ListSpec = {
  listKey: 'bounceCategories',
  key: 'bounceCat',
  kind: 'bounce-cat',
  check: (v) => (/^[a-z0-9][a-z0-9_-]*$/.test(v) ? null : `"${v}" is not a bounce category name like "quota-issues"`),
};

export function parseStatusCodesFile(file: string, json: unknown, errors: ModelError[]): StatusFallbacks {
  const push = (entry: string, message: string): void => {
    errors.push({ file, entry, message });
  };
  if (!isJsonObject(json)) {
    push('', `expected a JSON object with "statusCodes" and "bounceCategories", got ${describeJson(json)}`);
    return { status: [], bounceCat: [] };
  }
  for (const k of unknownKeys(json, KEYS)) push(k, `unknown key (allowed: ${KEYS.join(', ')})`);
  return { status: readList(json, STATUS_SPEC, push), bounceCat: readList(json, BOUNCE_CAT_SPEC, push) };
}

function readList(json: Readonly<Record<string, unknown>>, spec: ListSpec, push: (entry: string, message: string) => void): FallbackRule[] {
  const list = json[spec.listKey];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    push(spec.listKey, `expected an array, got ${describeJson(list)}`);
    return [];
  }
  const seen = new Set<string>();
  const allowed = [spec.key, 'class', 'provider', 'note'];
  return list.flatMap((item: unknown, i): FallbackRule[] => {
    const at = `${spec.listKey}[${i}]`;
    if (!isJsonObject(item)) {
      push(at, `expected an object with "${spec.key}" and "class", got ${describeJson(item)}`);
      return [];
    }
    let bad = false;
    const fail = (entry: string, message: string): void => {
      bad = true;
      push(entry, message);
    };
    for (const k of unknownKeys(item, allowed)) fail(at, `unknown key "${k}" (allowed: ${allowed.join(', ')})`);
    const raw = item[spec.key];
    const key = typeof raw === 'string' ? raw.trim().toLowerCase() : null;
    const problem = key === null ? `expected a string, got ${describeJson(raw)}` : spec.check(key);
    if (problem !== null) fail(`${at}.${spec.key}`, problem);
    const cls = item['class'];
    if (typeof cls !== 'string' || !isResponseClass(cls)) {
      fail(`${at}.class`, `${typeof cls === 'string' ? JSON.stringify(cls) : describeJson(cls)} is not a class (one of ${RESPONSE_CLASSES.join(', ')})`);
    }
    const prov = item['provider'];
    if (prov !== undefined && (typeof prov !== 'string' || !PROVIDER_ID.test(prov))) {
      fail(`${at}.provider`, `expected a provider id such as "other" or "google", got ${describeJson(prov)}`);
    }
    const note = item['note'];
    if (note !== undefined && typeof note !== 'string') fail(`${at}.note`, `expected a string, got ${describeJson(note)}`);
    if (bad || key === null || typeof cls !== 'string' || !isResponseClass(cls)) return [];
    const provider = typeof prov === 'string' ? prov : null;
    const unique = `${provider ?? ''}\u0000${key}`;
    if (seen.has(unique)) {
      push(`${at}.${spec.key}`, `"${key}"${provider === null ? '' : ` for provider "${provider}"`} is listed twice`);
      return [];
    }
    seen.add(unique);
    return [{ key, provider, entry: at, result: { class: cls, patternId: fallbackPatternId(spec.kind, key, provider) } }];
  });
}
