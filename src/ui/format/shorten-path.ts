/** A path cut from the left to fit a width, keeping its last components: `…/pmta/acct`. */
import { codePointLength } from './clean-text.js';

export function shortenPath(path: string, maxWidth: number): string {
  if (codePointLength(path) <= maxWidth) return path;
  const parts = path.split('/').filter((p) => p !== '');
  for (let keep = parts.length - 1; keep >= 1; keep -= 1) {
    const candidate = `…/${parts.slice(parts.length - keep).join('/')}`;
    if (codePointLength(candidate) <= maxWidth) return candidate;
  }
  const lastPart = parts[parts.length - 1] ?? path;
  return `…${[...lastPart].slice(-Math.max(1, maxWidth - 1)).join('')}`;
}

/** The last component of a path (`/var/log/pmta/acct/acct-0011.csv` → `acct-0011.csv`). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}
