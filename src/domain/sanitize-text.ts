/**
 * Remote text (dsnDiag, dsnMta) is written by other people's servers: make it safe to show on a
 * terminal or in Markdown. Removes ESC-introduced sequences (CSI, OSC, DCS, APC, PM, SOS and two-byte
 * escapes), C1 controls (including 0x9B CSI), C0 controls except TAB (shown as a space), DEL, and
 * Unicode bidi controls; replaces each removed run with a visible `�` marker only when `mark` is set.
 */
const ESCAPE_SEQUENCE =
  // OSC / DCS / SOS / PM / APC strings up to BEL or ST; CSI sequences; other two-byte escapes; C1 CSI.
  /\u001B[\]PX^_][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|\u001B\[[0-?]*[ -/]*[@-~]?|\u001B[ -/]*[0-~]?|\u009B[0-?]*[ -/]*[@-~]?|[\u0090\u009D-\u009F][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)/g;
// C0 except TAB, DEL, C1, bidi embeddings/overrides/isolates, and the line/paragraph separators.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF]/g;

export interface SanitizeOptions {
  /** Cut the result to this many characters (with a trailing `…`). */
  readonly maxLength?: number;
}

export function sanitizeText(input: string, options: SanitizeOptions = {}): string {
  let out = input.replace(ESCAPE_SEQUENCE, '').replace(/\t/g, ' ').replace(CONTROL, '');
  if (options.maxLength !== undefined && out.length > options.maxLength) {
    out = `${out.slice(0, Math.max(0, options.maxLength - 1))}…`;
  }
  return out;
}

/** Markdown-safe: sanitised, then table pipes, backticks and HTML angle brackets escaped. */
export function sanitizeMarkdown(input: string, options: SanitizeOptions = {}): string {
  return sanitizeText(input, options).replace(/([\\`|*_[\]<>])/g, '\\$1');
}
