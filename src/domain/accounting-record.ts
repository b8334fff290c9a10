/**
 * PowerMTA accounting records as a typed discriminated union on `type`.
 *
 * Times are epoch milliseconds (UTC). `dsnStatus` is the bare enhanced code (`4.7.0`) and
 * `dsnStatusText` the text in parentheses; `dsnDiag` is the remote reply without its `smtp;` prefix.
 * Absent fields are ''. Any column, standard or extra (`header_X-Job`, `userString`, ...), can be read
 * by header name through `field(name)`.
 */
export const RECORD_TYPES = ['d', 'b', 't', 'tq', 'r', 'f', 'rb', 'rs'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export interface RecordLocation {
  /** Path of the file the record was read from. */
  readonly file: string;
  /** Byte offset of the record's first byte in the (decompressed) file. */
  readonly offset: number;
}

interface Common extends RecordLocation {
  readonly timeLogged: number;
  /** Value of any column by its header name ('' when the column is absent or empty). */
  field(name: string): string;
}

/** Fields shared by d, b and t rows. */
export interface DeliveryFields extends Common {
  readonly orig: string;
  readonly rcpt: string;
  readonly dsnAction: string;
  readonly dsnStatus: string;
  readonly dsnStatusText: string;
  readonly dsnDiag: string;
  readonly dsnMta: string;
  readonly bounceCat: string;
  readonly dlvSourceIp: string;
  readonly dlvDestinationIp: string;
  readonly dlvSize: number | null;
  readonly vmta: string;
  readonly vmtaPool: string;
  readonly queue: string;
  readonly jobId: string;
}

export interface DeliveryRecord extends DeliveryFields { readonly type: 'd' }
export interface BounceRecord extends DeliveryFields { readonly type: 'b' }
export interface TransientRecord extends DeliveryFields { readonly type: 't' }

/** Queue-level transient failure (greeting refused, no answer from host, ...): no recipient. */
export interface TransientQueueRecord extends Common {
  readonly type: 'tq';
  readonly queue: string;
  readonly vmta: string;
  readonly dsnStatus: string;
  readonly dsnStatusText: string;
  readonly dsnDiag: string;
  readonly dsnMta: string;
  readonly dlvSourceIp: string;
  readonly dlvDestinationIp: string;
}

export interface ReceiptRecord extends Common {
  readonly type: 'r';
  readonly orig: string;
  readonly rcpt: string;
  readonly vmta: string;
  readonly vmtaPool: string;
  readonly jobId: string;
}

export interface FeedbackRecord extends Common {
  readonly type: 'f';
  readonly rcpt: string;
  readonly feedbackType: string;
  readonly dlvSourceIp: string;
  readonly reportedDomain: string;
}

export interface RemoteBounceRecord extends Common {
  readonly type: 'rb' | 'rs';
  readonly rcpt: string;
  readonly dsnStatus: string;
  readonly dsnStatusText: string;
  readonly dsnDiag: string;
  readonly dsnMta: string;
  readonly bounceCat: string;
}

export type AcctRecord =
  | DeliveryRecord
  | BounceRecord
  | TransientRecord
  | TransientQueueRecord
  | ReceiptRecord
  | FeedbackRecord
  | RemoteBounceRecord;

export const MALFORMED_REASONS = [
  'field-count', // more fields than the header has
  'unterminated-quote', // a quote that never closed before the next record start or the size limit
  'too-large', // record longer than maxRecordBytes
  'invalid-utf8',
  'bad-time', // timeLogged missing or unparseable
  'unknown-type', // first field is not a known record type
  'no-header', // data before any header line
  'truncated', // incomplete last record at end of input (file ended without a record terminator)
] as const;
export type MalformedReason = (typeof MALFORMED_REASONS)[number];

export interface MalformedRecord extends RecordLocation {
  readonly reason: MalformedReason;
  /** 1-based line number in the file where the record starts, when known. */
  readonly line?: number;
}
