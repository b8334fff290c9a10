/**
 * Text from data (remote responses, but also names from configs and file paths) made safe for one
 * terminal cell: sanitised (no escape sequences, controls or bidi overrides), whitespace collapsed, and
 * unbroken tokens longer than `maxToken` cut so they cannot push a layout apart.
 */
import { sanitizeText } from '../../domain/sanitize-text.js';

export interface CleanTextOptions {
  /** Cut the whole text to this many characters (default 300). */
  readonly maxLength?: number;
  /** Cut any whitespace-free run longer than this (default 60). */
  readonly maxToken?: number;
}

/** Printable ASCII without spaces: nothing to remove, collapse or cut (most names and IPs). */
const PLAIN_TOKEN = /^[\x21-\x7E]*$/;

export function cleanText(text: string, options: CleanTextOptions = {}): string {
  const maxToken = options.maxToken ?? 60;
  if (text.length <= Math.min(maxToken, options.maxLength ?? 300) && PLAIN_TOKEN.test(text)) return text;
  const collapsed = sanitizeText(text).replace(/\s+/g, ' ').trim();
  const cut = collapsed
    .split(' ')
    .map((token) => (codePointLength(token) > maxToken ? `${[...token].slice(0, maxToken - 1).join('')}…` : token))
    .join(' ');
  return sanitizeText(cut, { maxLength: options.maxLength ?? 300 });
}

/** Length in code points (what the layout code counts as columns; Ink does the exact clipping). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
