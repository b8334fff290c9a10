/**
 * Small helpers for validating parsed JSON by hand: what a value is (for error messages), and the
 * line and column of a JSON.parse failure.
 */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a string`, `a number`, `an array`, `null`... for "expected X, got Y" messages. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** JSON.parse with the failure turned into `invalid JSON at line L, column C: <reason>`. */
export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    if (position?.[1] === undefined) return { ok: false, message: `invalid JSON: ${reason}` };
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { ok: false, message: `invalid JSON at line ${line}, column ${column}: ${reason}` };
  }
}

/** Keys of `obj` that are not in `allowed`, for "unknown key" errors (typos like `mxPattern`). */
export function unknownKeys(obj: JsonObject, allowed: readonly string[]): string[] {
  return Object.keys(obj).filter((k) => !allowed.includes(k));
}
