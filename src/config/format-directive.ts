/** Writes directive values and pmta-advisor comments the way a person would type them. */
import { sanitizeText } from '../domain/sanitize-text.js';

/** A value as it must appear in the file: quoted when empty or when it holds `#` or `"`. */
export function formatValue(value: string): string {
  if (value === '' || /[#"]/.test(value)) return `"${value.replace(/(["\\])/g, '\\$1')}"`;
  return value;
}

export const ANNOTATION_PREFIX = '# pmta-advisor:';

/** One comment line (no line ending) with the reason for a change, made safe and kept short. */
export function annotation(indent: string, text: string): string {
  const clean = sanitizeText(text).replace(/\s+/g, ' ').trim();
  const short = clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
  return `${indent}${ANNOTATION_PREFIX} ${short}`;
}
