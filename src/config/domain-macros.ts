/**
 * `domain-macro NAME a,b,c` [UG5 §3.3.1.33.4]: lists used as `$NAME` in `<domain>` tags, anywhere in
 * the name (`<domain yahoo.$tld>`). Items are comma-separated (blanks allowed), may use other macros;
 * loops and undefined macros are reported.
 */
import type { ConfigIssue } from './config-issue.js';
import type { Location, ModelBlock } from './config-model.js';

export interface DomainMacro {
  readonly name: string;
  /** Items as written, macros not expanded. */
  readonly items: readonly string[];
  /** Fully expanded items, in order, duplicates removed. */
  readonly expanded: readonly string[];
  readonly loc: Location;
}

const MACRO_REF = /\$([A-Za-z0-9_]+)/;

export function collectDomainMacros(root: ModelBlock, issues: ConfigIssue[]): ReadonlyMap<string, DomainMacro> {
  const raw = new Map<string, { items: string[]; loc: Location }>();
  for (const s of root.settings) {
    if (s.name !== 'domain-macro') continue;
    const m = /^([A-Za-z0-9_]+)\s+(.*)$/s.exec(s.value);
    if (!m) continue;
    raw.set(m[1] ?? '', { items: splitItems(m[2] ?? ''), loc: s.loc });
  }
  const out = new Map<string, DomainMacro>();
  for (const [name, def] of raw) {
    out.set(name, { name, items: def.items, expanded: expand(name, [], def.loc), loc: def.loc });
  }
  return out;

  function expand(name: string, chain: readonly string[], at: Location): string[] {
    const def = raw.get(name);
    if (!def) return [];
    if (chain.includes(name)) {
      issues.push({ ...at, severity: 'error', code: 'macro-loop', message: `domain-macro ${name} refers to itself through ${[...chain, name].map((n) => `$${n}`).join(' → ')}` });
      return [];
    }
    const result: string[] = [];
    for (const item of def.items) {
      for (const e of expandText(item, (ref) => (raw.has(ref) ? expand(ref, [...chain, name], def.loc) : undefinedRef(ref, def.loc)))) {
        if (!result.includes(e)) result.push(e);
      }
    }
    return result;
  }

  function undefinedRef(ref: string, at: Location): string[] {
    issues.push({ ...at, severity: 'error', code: 'undefined-macro', message: `$${ref} is used but no domain-macro ${ref} is defined` });
    return [];
  }
}

function splitItems(text: string): string[] {
  return text
    .split(',')
    .map((i) => i.trim())
    .filter((i) => i !== '');
}

/** Expands every `$name` in `text` (cartesian product when several occur). */
export function expandText(text: string, lookup: (name: string) => readonly string[]): string[] {
  const m = MACRO_REF.exec(text);
  if (!m) return [text];
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  const out: string[] = [];
  for (const value of lookup(m[1] ?? '')) {
    for (const rest of expandText(after, lookup)) out.push(before + value + rest);
  }
  return out;
}

/** Expands a `<domain>` tag argument with the config's macros. `viaMacro` is true when a `$` was used. */
export function expandDomainArg(arg: string, macros: ReadonlyMap<string, DomainMacro>): { readonly names: readonly string[]; readonly viaMacro: boolean; readonly undefinedMacros: readonly string[] } {
  const missing: string[] = [];
  const names = expandText(arg.trim(), (name) => {
    const m = macros.get(name);
    if (!m) missing.push(name);
    return m?.expanded ?? [];
  });
  return { names, viaMacro: MACRO_REF.test(arg), undefinedMacros: missing };
}
