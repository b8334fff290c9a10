/** Fixed-width text for composed lines: pad to a width, or cut with `…` when longer. */
import { codePointLength } from './clean-text.js';

export function fitText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const w = Math.max(0, Math.floor(width));
  const len = codePointLength(text);
  if (len > w) return w === 0 ? '' : `${[...text].slice(0, w - 1).join('')}…`;
  const pad = ' '.repeat(w - len);
  return align === 'left' ? text + pad : pad + text;
}

/** A pane title drawn as a rule: `─ recommendations (4) ─────────`. */
export function ruleTitle(title: string, width: number): string {
  const head = `─ ${title} `;
  return head + '─'.repeat(Math.max(0, width - codePointLength(head)));
}
