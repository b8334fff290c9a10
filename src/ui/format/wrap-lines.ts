/**
 * Wrap already-cleaned text to a width for the evidence view: breaks at spaces, hard-breaks tokens wider
 * than the line, and stops at `maxLines` (the last line then ends with `…`).
 */
import { codePointLength } from './clean-text.js';

export function wrapLines(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const w = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  let line = '';
  const push = (): void => {
    lines.push(line);
    line = '';
  };
  for (const word of text.split(' ').filter((t) => t !== '')) {
    let rest = [...word];
    const needed = codePointLength(line) + (line === '' ? 0 : 1) + rest.length;
    if (needed <= w) {
      line = line === '' ? word : `${line} ${word}`;
      continue;
    }
    if (line !== '') push();
    while (rest.length > w) {
      line = rest.slice(0, w).join('');
      push();
      rest = rest.slice(w);
    }
    line = rest.join('');
  }
  if (line !== '') push();
  if (lines.length > maxLines) {
    const kept = lines.slice(0, Math.max(1, maxLines));
    const last = kept[kept.length - 1] ?? '';
    kept[kept.length - 1] = `${[...last].slice(0, w - 1).join('')}…`;
    return kept;
  }
  return lines;
}
