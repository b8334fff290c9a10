/**
 * Which known content stream a newly seen file holds, if any, and whether it has bytes past that stream's
 * offset. Files are matched by fingerprint (bytes after the header), by their first bytes for files too
 * short to fingerprint, and by the marker hash at the saved offset; (dev, ino) only orders candidates,
 * because an inode can be reused and a copy or gzip has a new one.
 */
import type { HeadInfo } from './file-head.js';
import type { TailStream } from './tail-stream.js';
import type { FileKind } from './types.js';

export interface Candidate {
  readonly key: string;
  readonly kind: FileKind;
  /** Content length (decompressed, for gzip). */
  readonly length: number;
  /** First bytes of the content. */
  readonly head: Buffer;
  readonly info: HeadInfo;
  /** Size and mtime (ns) on disk (for gzip: of the compressed file). */
  readonly diskSize: number;
  readonly mtime: string;
  /** Hash of the `length` content bytes before `offset`; null when they cannot be read cheaply (gzip past its head). */
  readonly markerAt: (offset: number, length: number) => Promise<string | null>;
  /** Whether the candidate and the stream's live owner hold the same bytes where the shorter of them ends; null when unknown. */
  readonly agreesWithOwner: (s: TailStream) => Promise<boolean | null>;
}

export type Decision =
  | { readonly type: 'new'; readonly conflict: boolean }
  /** Holds nothing past the stream's offset (or the stream is read from another file). */
  | { readonly type: 'copy'; readonly stream: TailStream }
  /** Continues the stream at its offset; `verified` false when the marker is checked while reading (gzip). */
  | { readonly type: 'owner'; readonly stream: TailStream; readonly verified: boolean };

type Match = 'yes' | 'no' | 'by-marker';

export async function identify(c: Candidate, streams: Iterable<TailStream>): Promise<Decision> {
  const ordered = [...streams].sort((a, b) => rank(b, c) - rank(a, c) || b.emitted.offset - a.emitted.offset);
  // Saved as a copy and unchanged since (same inode, size and mtime): still that copy. (A short copy of
  // a short content could not be recognised otherwise after a restart: nothing else of it is saved.)
  for (const s of ordered) {
    const hint = s.hints.get(c.key);
    if (hint?.role === 'copy' && hint.size === c.diskSize && hint.mtime === c.mtime) return { type: 'copy', stream: s };
  }
  let conflict = false;
  for (const s of ordered) {
    const m = matchContent(s, c);
    if (m === 'no') continue;
    if (m === 'by-marker') {
      const got = await c.markerAt(s.emitted.offset, s.emitted.markerLength);
      if (got !== s.emitted.marker) continue;
    }
    if (s.owner !== null) {
      // Same first bytes as a file being read: a copy, unless the two differ where the shorter ends
      // (distinct files that start alike, e.g. the same job's first rows).
      const agrees = await c.agreesWithOwner(s);
      if (agrees === false) continue;
      // Longer than the file it is read from (that one was a copy, seen first): it holds more, so it is
      // read from now on, from the same offset.
      const o = s.owner;
      if (agrees === true && o.kind === 'plain' && c.length > o.size && !s.emitted.finished) {
        const marker = await c.markerAt(s.emitted.offset, s.emitted.markerLength);
        if (marker === s.emitted.marker) return { type: 'owner', stream: s, verified: true };
      }
      return { type: 'copy', stream: s };
    }
    const pos = s.emitted.offset;
    if (c.length < pos) {
      // The file this content was read from, now shorter than the offset: truncated while unwatched.
      if (s.hints.get(c.key)?.role === 'owner' && c.kind === 'plain') return { type: 'new', conflict: false };
      // Otherwise a copy taken before the offset was reached (it cannot be told from a distinct file
      // whose first fingerprint bytes are the same; see docs/tailing.md).
      return { type: 'copy', stream: s };
    }
    const marker = m === 'by-marker' ? s.emitted.marker : await c.markerAt(pos, s.emitted.markerLength);
    if (marker === null) return s.emitted.finished ? { type: 'copy', stream: s } : { type: 'owner', stream: s, verified: false };
    if (marker !== s.emitted.marker) {
      conflict = true;
      continue;
    }
    if (s.emitted.finished) return { type: 'copy', stream: s };
    return { type: 'owner', stream: s, verified: true };
  }
  return { type: 'new', conflict };
}

function rank(s: TailStream, c: Candidate): number {
  return s.hints.has(c.key) ? 2 : s.owner !== null ? 1 : 0;
}

/** Whether `c` holds the same content as `s` (as far as both go). */
export function matchContent(s: TailStream, c: Candidate): Match {
  if (s.fingerprint !== null && c.info.fingerprint !== null) return s.fingerprint === c.info.fingerprint ? 'yes' : 'no';
  if (s.prefix !== null) return prefixMatch(s.prefix, s.dataStart, c.head, c.info.dataStart) ? 'yes' : 'no';
  if (s.fingerprint === null && s.hasData && c.length >= s.emitted.offset) return 'by-marker';
  return 'no';
}

/**
 * Two heads are the same content when they agree over their common length and that length covers at
 * least one complete data line (a header line alone proves nothing: every file has the same one).
 */
export function prefixMatch(a: Buffer, aStart: number | null, b: Buffer, bStart: number | null): boolean {
  if (aStart === null || bStart === null) return false;
  const len = Math.min(a.length, b.length);
  const start = Math.max(aStart, bStart);
  if (start >= len) return false;
  const nl = a.indexOf(0x0a, start);
  if (nl < 0 || nl >= len) return false;
  return a.subarray(0, len).equals(b.subarray(0, len));
}
