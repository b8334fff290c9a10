/**
 * How a pair's status reads on screen: label (with how long the current episode has lasted), tone and
 * the order in which attention is needed.
 */
import type { PairReport } from '../../domain/report.js';
import { formatDuration } from '../format/format-clock.js';
import type { Tone } from './tone.js';

export type PairStatus = PairReport['status'];

/** Smaller first: blocked pairs need attention before throttled ones; "insufficient data" comes last. */
export const STATUS_RANK: Readonly<Record<PairStatus, number>> = {
  blocked: 0,
  throttled: 1,
  paused: 2,
  ok: 3,
  'insufficient-data': 4,
};

export function statusTone(status: PairStatus): Tone {
  switch (status) {
    case 'blocked':
      return 'danger';
    case 'throttled':
      return 'warn';
    case 'paused':
      return 'warn';
    case 'ok':
      return 'ok';
    case 'insufficient-data':
      return 'muted';
    default: {
      const never: never = status;
      return never;
    }
  }
}

/**
 * Start of the episode that is still going on (the newest one, when the pair is throttled, paused or
 * blocked), epoch ms; null otherwise.
 */
export function currentEpisodeStart(pair: PairReport): number | null {
  if (pair.status === 'ok' || pair.status === 'insufficient-data') return null;
  let start: number | null = null;
  for (const episode of pair.episodes) {
    const t = Date.parse(episode.start);
    if (Number.isFinite(t) && (start === null || t > start)) start = t;
  }
  return start;
}

/** Label alternatives, longest first: `THROTTLED 22m`, `THROTTLED`. */
export function statusLabels(status: PairStatus, since: number | null, now: number): readonly string[] {
  const duration = since === null ? '' : formatDuration(now - since);
  const withDuration = (label: string): readonly string[] => (duration === '' ? [label] : [`${label} ${duration}`, label]);
  switch (status) {
    case 'blocked':
      return withDuration('BLOCKED');
    case 'throttled':
      return withDuration('THROTTLED');
    case 'paused':
      return withDuration('paused');
    case 'ok':
      return ['ok'];
    case 'insufficient-data':
      return ['insufficient data', 'insuff. data'];
    default: {
      const never: never = status;
      return never;
    }
  }
}
