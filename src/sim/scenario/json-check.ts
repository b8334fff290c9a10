/**
 * Small helpers to validate parsed JSON with precise error locations (`file: path: message`), so a
 * user's scenario file fails with one clear line instead of a crash deep in the simulation.
 */
export interface CheckContext {
  readonly file: string;
  readonly errors: string[];
}

export type Json = unknown;

export function fail(ctx: CheckContext, path: string, message: string): void {
  ctx.errors.push(`${ctx.file}: ${path || '(top level)'}: ${message}`);
}

export function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asObject(ctx: CheckContext, v: Json, path: string): Record<string, Json> {
  if (isObject(v)) return v;
  if (v !== undefined) fail(ctx, path, `expected an object, got ${describe(v)}`);
  return {};
}

export function asArray(ctx: CheckContext, v: Json, path: string): Json[] {
  if (Array.isArray(v)) return v;
  if (v !== undefined) fail(ctx, path, `expected an array, got ${describe(v)}`);
  return [];
}

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Value when the key is absent; without it the key is required. */
  readonly default?: number;
  /** Whether the lower bound is exclusive (e.g. > 0). */
  readonly above?: number;
}

export function num(ctx: CheckContext, o: Record<string, Json>, key: string, path: string, rule: NumberRule): number {
  const v = o[key];
  const where = join(path, key);
  if (v === undefined) {
    if (rule.default !== undefined) return rule.default;
    fail(ctx, where, 'is required');
    return rule.min ?? rule.above ?? 0;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    fail(ctx, where, `expected a number, got ${describe(v)}`);
    return rule.default ?? rule.min ?? 0;
  }
  if (rule.integer === true && !Number.isInteger(v)) fail(ctx, where, `expected a whole number, got ${v}`);
  if (rule.min !== undefined && v < rule.min) fail(ctx, where, `must be at least ${rule.min}, got ${v}`);
  if (rule.above !== undefined && v <= rule.above) fail(ctx, where, `must be above ${rule.above}, got ${v}`);
  if (rule.max !== undefined && v > rule.max) fail(ctx, where, `must be at most ${rule.max}, got ${v}`);
  return v;
}

export function optNum(ctx: CheckContext, o: Record<string, Json>, key: string, path: string, rule: NumberRule): number | undefined {
  return o[key] === undefined ? undefined : num(ctx, o, key, path, rule);
}

export function str(ctx: CheckContext, o: Record<string, Json>, key: string, path: string, def?: string): string {
  const v = o[key];
  if (v === undefined && def !== undefined) return def;
  if (typeof v !== 'string') {
    fail(ctx, join(path, key), v === undefined ? 'is required' : `expected a string, got ${describe(v)}`);
    return def ?? '';
  }
  return v;
}

export function oneOf<T extends string>(ctx: CheckContext, o: Record<string, Json>, key: string, path: string, values: readonly T[], def?: T): T {
  const v = o[key];
  if (v === undefined && def !== undefined) return def;
  if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
  fail(ctx, join(path, key), `expected one of ${values.join(', ')}, got ${describe(v)}`);
  return def ?? (values[0] as T);
}

/** Reports keys not in `known` (catches typos such as `hourlylimit`). */
export function noExtraKeys(ctx: CheckContext, o: Record<string, Json>, path: string, known: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (!known.includes(key)) fail(ctx, join(path, key), `unknown key (expected one of: ${known.join(', ')})`);
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return typeof v === 'object' ? 'an object' : String(v);
}

/** Domain names as the simulator writes them into addresses and queue names (never needing CSV quotes). */
export const DOMAIN_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export function checkDomainName(ctx: CheckContext, name: string, path: string): void {
  if (!DOMAIN_NAME.test(name)) fail(ctx, path, `not a domain name: ${JSON.stringify(name)}`);
}
