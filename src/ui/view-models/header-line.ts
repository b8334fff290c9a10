/**
 * Selector: the header line. `pmta-advisor · watching /var/log/pmta/acct (acct-0011.csv +1,240 rec/s) ·
 * 14:32:07   ? help`, or what the watcher is waiting for. Paths are shortened from the left to fit.
 */
import type { DashboardSnapshot, WatchSource } from '../dashboard-snapshot.js';
import { cleanText, codePointLength } from '../format/clean-text.js';
import { formatClock, formatDuration } from '../format/format-clock.js';
import { formatBytes, formatCount } from '../format/format-number.js';
import { baseName, shortenPath } from '../format/shorten-path.js';
import type { Tone } from './tone.js';

export interface HeaderView {
  readonly text: string;
  /** Right-aligned: the snapshot's clock and the help hint. */
  readonly right: string;
  readonly tone: Tone;
}

/** Lag below this many bytes is just the normal gap between a write and our read. */
const LAG_WORTH_SHOWING = 1024 * 1024;
const APP = 'pmta-advisor';

function watched(source: WatchSource, pathWidth: number): string {
  const first = cleanText(source.paths[0] ?? '(nothing)', { maxLength: 4096, maxToken: 4096 });
  const more = source.paths.length > 1 ? ` +${source.paths.length - 1} more` : '';
  return `${shortenPath(first, pathWidth)}${more}`;
}

function detail(source: WatchSource, now: number, withFile: boolean): string {
  const parts: string[] = [];
  if (source.state === 'reading') {
    const file = withFile && source.currentFile !== null ? `${cleanText(baseName(source.currentFile), { maxLength: 60 })} ` : '';
    parts.push(`${file}+${formatCount(source.recordsPerSecond)} rec/s`);
  } else if (source.state === 'idle') {
    const ago = source.lastRecordTime === null ? '' : `, last record ${formatDuration(now - source.lastRecordTime)} ago`;
    parts.push(`idle${ago}`);
  }
  if (source.lagBytes >= LAG_WORTH_SHOWING) parts.push(`${formatBytes(source.lagBytes)} behind`);
  if (source.malformed > 0) parts.push(`${formatCount(source.malformed)} malformed`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

function describe(source: WatchSource, now: number, pathWidth: number, withFile: boolean): string {
  switch (source.state) {
    case 'waiting-for-path':
      return `${APP} · waiting for ${watched(source, pathWidth)} to appear${detail(source, now, withFile)}`;
    case 'reading':
    case 'idle':
      return `${APP} · watching ${watched(source, pathWidth)}${detail(source, now, withFile)}`;
    default: {
      const never: never = source.state;
      return never;
    }
  }
}

export function selectHeader(snapshot: DashboardSnapshot | null, width: number, timeZone?: string): HeaderView {
  if (snapshot === null) return { text: `${APP} · starting…`, right: '   ? help', tone: 'muted' };
  const right = `  ${formatClock(snapshot.now, timeZone)}   ? help`;
  const room = Math.max(10, width - codePointLength(right));
  const { source } = snapshot;
  const tone: Tone = source.state === 'waiting-for-path' ? 'warn' : source.malformed > 0 || source.lagBytes >= LAG_WORTH_SHOWING ? 'warn' : 'plain';
  // Try the full path and file name, then shorter paths, then without the file name.
  for (const withFile of [true, false]) {
    for (const pathWidth of [4096, 40, 24, 12]) {
      const text = describe(source, snapshot.now, pathWidth, withFile);
      if (codePointLength(text) <= room) return { text, right, tone };
    }
  }
  return { text: describe(source, snapshot.now, 12, false), right, tone };
}
