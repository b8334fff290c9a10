/**
 * One accounting record as the simulation core produces it: plain data, formatted to CSV by
 * output/format-record.ts. Times are epoch seconds (UTC); empty strings mean an empty column.
 */
export type SimRecordType = 'd' | 'b' | 't' | 'tq';

export interface SimRecord {
  readonly type: SimRecordType;
  readonly time: number;
  /** When the message was queued; null on tq rows. */
  readonly timeQueued: number | null;
  readonly orig: string;
  readonly rcpt: string;
  /** `relayed`, `failed`, `delayed`; '' on tq rows. */
  readonly dsnAction: string;
  /** The full field, e.g. `4.7.0 (other or undefined security status)`. */
  readonly dsnStatus: string;
  /** With its `smtp;` prefix. */
  readonly dsnDiag: string;
  /** `host (ip)` or ''. */
  readonly dsnMta: string;
  readonly bounceCat: string;
  readonly dlvSourceIp: string;
  readonly dlvDestinationIp: string;
  readonly dlvEsmtpAvailable: string;
  readonly dlvSize: number | null;
  readonly vmta: string;
  readonly jobId: string;
  /** `domain/vmta`. */
  readonly queue: string;
  readonly vmtaPool: string;
}

/** A slice of the simulation: its records (in time order) and the simulated time it reaches. */
export interface SimBatch {
  /** Epoch seconds up to which the simulation has run when this batch is handed out. */
  readonly until: number;
  readonly records: readonly SimRecord[];
}
