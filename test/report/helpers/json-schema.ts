/**
 * A small validator for the JSON Schema subset docs/report.schema.json uses: type (one or a list),
 * properties, required, additionalProperties (boolean or schema), propertyNames, items, minItems,
 * maxItems, enum, minimum, maximum, pattern and local $ref (#/$defs/...). Returns the errors as
 * `path: message` lines (empty when valid). Unknown keywords are an error, so the schema cannot use
 * something this validator silently ignores.
 */
type Schema = Readonly<Record<string, unknown>>;

const KNOWN = new Set([
  '$schema', '$id', '$defs', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties',
  'propertyNames', 'items', 'minItems', 'maxItems', 'enum', 'minimum', 'maximum', 'pattern', '$ref',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(actual: string, wanted: string): boolean {
  return actual === wanted || (wanted === 'number' && actual === 'integer');
}

export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const m = /^#\/\$defs\/(.+)$/.exec(ref);
    const defs = root['$defs'] as Record<string, Schema> | undefined;
    const target = m ? defs?.[m[1]!] : undefined;
    if (!target) throw new Error(`unresolvable $ref ${ref}`);
    return target;
  };
  const check = (schema: Schema, v: unknown, path: string): void => {
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`schema keyword ${k} at ${path} is not supported`);
    if (typeof schema['$ref'] === 'string') return check(resolve(schema['$ref']), v, path);
    const t = typeOf(v);
    if (schema['type'] !== undefined) {
      const wanted = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
      if (!wanted.some((w) => typeMatches(t, w))) {
        errors.push(`${path}: expected ${wanted.join('|')}, got ${t}`);
        return;
      }
    }
    if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).includes(v)) errors.push(`${path}: ${JSON.stringify(v)} not in ${JSON.stringify(schema['enum'])}`);
    if (typeof v === 'number') {
      if (typeof schema['minimum'] === 'number' && v < schema['minimum']) errors.push(`${path}: ${v} < ${schema['minimum']}`);
      if (typeof schema['maximum'] === 'number' && v > schema['maximum']) errors.push(`${path}: ${v} > ${schema['maximum']}`);
    }
    if (typeof v === 'string' && typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern']).test(v)) errors.push(`${path}: '${v}' does not match ${schema['pattern']}`);
    if (Array.isArray(v)) {
      if (typeof schema['minItems'] === 'number' && v.length < schema['minItems']) errors.push(`${path}: fewer than ${schema['minItems']} items`);
      if (typeof schema['maxItems'] === 'number' && v.length > schema['maxItems']) errors.push(`${path}: more than ${schema['maxItems']} items`);
      if (schema['items'] !== undefined) v.forEach((item, i) => check(schema['items'] as Schema, item, `${path}[${i}]`));
    }
    if (t === 'object') {
      const o = v as Record<string, unknown>;
      const props = (schema['properties'] ?? {}) as Record<string, Schema>;
      for (const r of (schema['required'] ?? []) as string[]) if (!(r in o)) errors.push(`${path}: missing ${r}`);
      for (const [k, pv] of Object.entries(o)) {
        if (schema['propertyNames'] !== undefined) check(schema['propertyNames'] as Schema, k, `${path}{${k}}`);
        if (props[k] !== undefined) check(props[k], pv, `${path}.${k}`);
        else if (schema['additionalProperties'] === false) errors.push(`${path}: unexpected property ${k}`);
        else if (typeof schema['additionalProperties'] === 'object') check(schema['additionalProperties'] as Schema, pv, `${path}.${k}`);
      }
    }
    return undefined;
  };
  check(root, value, '$');
  return errors;
}
