/**
 * The state file's bytes: one JSON header line (format, version, body length, SHA-256 of the body), then
 * the body: the tail checkpoint and the aggregate snapshot, saved together. A torn or edited file fails
 * the length or checksum test and is not used. Pure.
 */
import { createHash } from 'node:crypto';
import type { AggregateSnapshot } from '../aggregate/snapshot.js';
import type { FileCheckpoint, StreamCheckpoint, TailCheckpoint } from './types.js';

export const STATE_FORMAT = 'pmta-advisor-state';
export const STATE_VERSION = 1;

/** Everything `watch` needs to resume exactly: offsets and the aggregates that include those rows. */
export interface AdvisorState {
  /** Absolute inputs the state was written for. */
  readonly inputs: readonly string[];
  readonly tail: TailCheckpoint;
  readonly aggregate: AggregateSnapshot | null;
}

interface HeaderLine {
  readonly format: string;
  readonly version: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly savedAt: string;
}

export function encodeState(state: AdvisorState): Buffer {
  const body = Buffer.from(JSON.stringify(state), 'utf8');
  const header: HeaderLine = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    bytes: body.length,
    sha256: sha256(body),
    savedAt: new Date(state.tail.savedAt).toISOString(),
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body, Buffer.from('\n')]);
}

export type DecodeResult = { readonly ok: true; readonly state: AdvisorState } | { readonly ok: false; readonly problem: string };

export function decodeState(bytes: Buffer): DecodeResult {
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) return { ok: false, problem: 'no header line (torn or not a state file)' };
  let header: unknown;
  try {
    header = JSON.parse(bytes.subarray(0, nl).toString('utf8'));
  } catch {
    return { ok: false, problem: 'header line is not JSON (torn or not a state file)' };
  }
  if (!isHeader(header)) return { ok: false, problem: 'not a pmta-advisor state file' };
  if (header.version !== STATE_VERSION) return { ok: false, problem: `state format version ${header.version}, expected ${STATE_VERSION}` };
  const body = bytes.subarray(nl + 1, nl + 1 + header.bytes);
  if (body.length !== header.bytes) return { ok: false, problem: `body is ${body.length} bytes, header says ${header.bytes} (torn write)` };
  if (sha256(body) !== header.sha256) return { ok: false, problem: 'checksum mismatch (torn or edited)' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, problem: 'body is not JSON' };
  }
  const shape = checkState(parsed);
  return shape === null ? { ok: true, state: parsed as AdvisorState } : { ok: false, problem: shape };
}

function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

function isHeader(v: unknown): v is HeaderLine {
  if (!isObject(v)) return false;
  return v['format'] === STATE_FORMAT && typeof v['version'] === 'number' && typeof v['bytes'] === 'number' && typeof v['sha256'] === 'string';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural check of a decoded state; the problem, or null. */
export function checkState(v: unknown): string | null {
  if (!isObject(v)) return 'body is not an object';
  if (!Array.isArray(v['inputs']) || !v['inputs'].every((i) => typeof i === 'string')) return 'inputs missing';
  const agg = v['aggregate'];
  if (agg !== null && (!isObject(agg) || agg['version'] !== 1)) return 'aggregate snapshot of an unknown version';
  const tail = v['tail'];
  if (!isObject(tail) || tail['version'] !== 1 || typeof tail['fingerprintBytes'] !== 'number' || !Array.isArray(tail['streams'])) {
    return 'tail checkpoint missing or of an unknown version';
  }
  for (const s of tail['streams'] as unknown[]) if (!isStream(s)) return 'tail checkpoint has a malformed stream entry';
  return null;
}

function isStream(v: unknown): v is StreamCheckpoint {
  if (!isObject(v)) return false;
  const nullableString = (x: unknown): boolean => x === null || typeof x === 'string';
  const nullableNumber = (x: unknown): boolean => x === null || typeof x === 'number';
  const header = v['header'];
  return (
    nullableString(v['fingerprint']) &&
    nullableNumber(v['dataStart']) &&
    (header === null || (Array.isArray(header) && header.every((h) => typeof h === 'string'))) &&
    typeof v['offset'] === 'number' &&
    typeof v['marker'] === 'string' &&
    typeof v['markerLength'] === 'number' &&
    typeof v['finished'] === 'boolean' &&
    (v['kind'] === 'plain' || v['kind'] === 'gzip') &&
    typeof v['lastSeenAt'] === 'number' &&
    Array.isArray(v['files']) &&
    (v['files'] as unknown[]).every(isFile)
  );
}

function isFile(v: unknown): v is FileCheckpoint {
  if (!isObject(v)) return false;
  return (
    typeof v['dev'] === 'string' &&
    typeof v['ino'] === 'string' &&
    typeof v['path'] === 'string' &&
    (v['kind'] === 'plain' || v['kind'] === 'gzip') &&
    (v['role'] === 'owner' || v['role'] === 'copy') &&
    typeof v['size'] === 'number' &&
    typeof v['mtime'] === 'string'
  );
}
