/**
 * What the first bytes of an accounting file say about it: gzip or plain, where the shared header line
 * ends, where the data starts, and its fingerprint (a hash of the first bytes after the header, so that
 * files with the same header are told apart). Pure functions over bytes.
 */
import { createHash } from 'node:crypto';
import type { FileKind } from './types.js';

/** Bytes read from the start of a file to analyse it (a header line is far shorter). */
export const HEAD_BYTES = 64 * 1024;

const BOM = [0xef, 0xbb, 0xbf] as const;
const TYPE_PREFIX = Buffer.from('type,', 'latin1');

/** 128-bit hex digest (SHA-256, truncated). */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** gzip by magic bytes `1f 8b`; null while the file is too short to tell. */
export function detectKind(first: Uint8Array): FileKind | null {
  if (first.length === 0) return null;
  if (first[0] !== 0x1f) return 'plain';
  if (first.length < 2) return null;
  return first[1] === 0x8b ? 'gzip' : 'plain';
}

export interface HeadInfo {
  /** Where the data starts (after BOM, header line and leading NULs); null while the header line is incomplete or only NULs were seen. */
  readonly dataStart: number | null;
  /** Whether the file starts with a `type,` header line. */
  readonly hasHeader: boolean;
  /** Fingerprint of [dataStart, dataStart + fingerprintBytes); null while fewer bytes exist. */
  readonly fingerprint: string | null;
}

/**
 * Analyses the first bytes of a file (`head`, up to HEAD_BYTES of content). A first line that could still
 * become `type,...` and an unterminated header line leave `dataStart` null: wait for more bytes.
 */
export function analyzeHead(head: Uint8Array, fingerprintBytes: number): HeadInfo {
  let p = 0;
  if (head.length >= 3 && head[0] === BOM[0] && head[1] === BOM[1] && head[2] === BOM[2]) p = 3;
  const prefixLen = Math.min(TYPE_PREFIX.length, head.length - p);
  let startsLikeHeader = true;
  for (let i = 0; i < prefixLen; i++) {
    if (head[p + i] !== TYPE_PREFIX[i]) {
      startsLikeHeader = false;
      break;
    }
  }
  if (startsLikeHeader && prefixLen < TYPE_PREFIX.length) return { dataStart: null, hasHeader: false, fingerprint: null };
  let hasHeader = false;
  if (startsLikeHeader) {
    const nl = head.indexOf(0x0a, p);
    if (nl < 0) return { dataStart: null, hasHeader: true, fingerprint: null };
    p = nl + 1;
    hasHeader = true;
  }
  while (p < head.length && head[p] === 0) p++;
  if (p === head.length && head.length > 0 && head[head.length - 1] === 0) return { dataStart: null, hasHeader, fingerprint: null };
  return { dataStart: p, hasHeader, fingerprint: fingerprintAt(head, p, fingerprintBytes) };
}

export function fingerprintAt(head: Uint8Array, dataStart: number, fingerprintBytes: number): string | null {
  if (head.length < dataStart + fingerprintBytes) return null;
  return hashBytes(head.subarray(dataStart, dataStart + fingerprintBytes));
}

/** Hash of the `length` bytes ending at `offset`, taken from `bytes`, which starts at file offset `base`. */
export function markerOf(bytes: Uint8Array, base: number, offset: number, length: number): string | null {
  const from = offset - length - base;
  const to = offset - base;
  if (from < 0 || to > bytes.length) return null;
  return hashBytes(bytes.subarray(from, to));
}

/** Marker length used at `offset`: `markerBytes`, or less near the start of the file. */
export function markerLengthAt(offset: number, markerBytes: number): number {
  return Math.min(offset, markerBytes);
}
