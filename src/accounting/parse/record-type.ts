/**
 * Record type codes (`d`, `tq`, ...) and PowerMTA's long aliases (`delivery`, `transient-queue`, ...),
 * recognised from the bytes of the first field.
 */
import { RECORD_TYPES, type RecordType } from '../../domain/accounting-record.js';
import { decodeField } from './decode-field.js';

export const RECORD_TYPE_ALIASES: Readonly<Record<string, RecordType>> = {
  delivery: 'd',
  bounce: 'b',
  transient: 't',
  'transient-queue': 'tq',
  receipt: 'r',
  'feedback-loop': 'f',
  'remote-bounce': 'rb',
  'remote-status': 'rs',
};

const BY_NAME = new Map<string, RecordType>([
  ...RECORD_TYPES.map((t): [string, RecordType] => [t, t]),
  ...Object.entries(RECORD_TYPE_ALIASES),
]);

/** Record type of the field at [s, e), or null when it is not one. */
export function recordTypeAt(b: Buffer, s: number, e: number): RecordType | null {
  const len = e - s;
  if (len === 1) {
    switch (b[s]) {
      case 0x64:
        return 'd';
      case 0x62:
        return 'b';
      case 0x74:
        return 't';
      case 0x72:
        return 'r';
      case 0x66:
        return 'f';
      default:
        return null;
    }
  }
  if (len === 2) {
    const c0 = b[s];
    const c1 = b[s + 1];
    if (c0 === 0x74 && c1 === 0x71) return 'tq';
    if (c0 === 0x72 && c1 === 0x62) return 'rb';
    if (c0 === 0x72 && c1 === 0x73) return 'rs';
    return null;
  }
  if (len > 17 || len < 3) return null;
  return BY_NAME.get(decodeField(b, s, e)) ?? null;
}

/** True when the field at [s, e) is the header marker `type` (plain or quoted). */
export function isHeaderMarker(b: Buffer, s: number, e: number): boolean {
  if (e - s === 4) return b[s] === 0x74 && b[s + 1] === 0x79 && b[s + 2] === 0x70 && b[s + 3] === 0x65;
  return e - s === 6 && b[s] === 0x22 && decodeField(b, s, e) === 'type';
}

/** Every token that can open a record or a header line, as bytes (for record-start sniffing). */
export const RECORD_START_TOKENS: readonly Uint8Array[] = [...BY_NAME.keys(), 'type'].map((t) => Buffer.from(t, 'latin1'));
