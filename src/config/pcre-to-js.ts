/**
 * Turns a PowerMTA `/regex/` body into a JavaScript RegExp, so that observed SMTP replies can be
 * tested against the config's patterns. PowerMTA first undoes its own `\\` and `\"` escapes, then
 * hands the text to PCRE, case-insensitively unless it starts with `(?-i)` [UG5 §3.3.15]. PCRE-only
 * syntax is mapped where JavaScript has an equivalent (`\A`, `\Z`, `(?P<n>`, atomic groups,
 * possessive quantifiers); anything else that JavaScript rejects gives `error`.
 */
export interface CompiledPattern {
  readonly regex: RegExp | null;
  readonly error: string | null;
}

export function compilePowerMtaRegex(body: string): CompiledPattern {
  let src = body.replace(/\\(["\\])/g, '$1');
  let flags = 'i';
  for (;;) {
    const m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]+))?\)/.exec(src);
    if (!m) break;
    const on = m[1] ?? '';
    const off = m[2] ?? '';
    for (const f of on) if ('ims'.includes(f) && !flags.includes(f)) flags += f;
    for (const f of off) flags = flags.replace(f, '');
    src = src.slice(m[0].length);
  }
  src = src
    .replace(/\\A/g, '^')
    .replace(/\\[Zz]/g, '$')
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?>/g, '(?:')
    .replace(/([*+?}])\+/g, '$1');
  try {
    return { regex: new RegExp(src, flags), error: null };
  } catch (error) {
    return { regex: null, error: error instanceof Error ? error.message : String(error) };
  }
}
