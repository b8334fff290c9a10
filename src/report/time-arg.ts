/**
 * `--since` / `--until` values: an ISO date or time (`2026-11-28`, `2026-11-28T06:00Z`,
 * `2026-11-28 06:00`; no zone means UTC) or a relative span (`90m`, `24h`, `7d`, `2w`) counted back
 * from the last record in the input, so the same files give the same report whenever it is run.
 */
import { UserError } from '../domain/user-error.js';

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseTimeArg(flag: string, text: string, lastRecord: number | null): number {
  const t = text.trim();
  const rel = /^(\d+)(m|h|d|w)$/.exec(t);
  if (rel) {
    if (lastRecord === null) throw new UserError(`--${flag} ${t}: the input has no records to count back from`, { hint: 'give an ISO time such as 2026-11-28T06:00Z', exitCode: 2 });
    return lastRecord - Number(rel[1]) * (UNIT_MS[rel[2]!] ?? 0);
  }
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t) ? `${t.replace(' ', 'T')}Z` : t;
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new UserError(`--${flag} '${t}' is neither an ISO time nor a span like 24h or 7d`, { hint: 'e.g. --since 24h, --since 2026-11-28T06:00Z', exitCode: 2 });
  }
  return ms;
}
