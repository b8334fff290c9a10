/**
 * Aggregated evidence: counts per (provider, sending IP, vmta, recipient domain, minute), plus the
 * responses behind the deferrals. Everything the estimators, the report and the dashboard need, in a
 * form that merges (workers, files) and serialises (checkpoint) exactly.
 */
import type { ResponseClass } from '../domain/response-class.js';
import type { MalformedReason, RecordType } from '../domain/accounting-record.js';

/** One aggregate cell. Class arrays are indexed by RESPONSE_CLASS_INDEX. */
export interface Cell {
  readonly provider: string;
  readonly sourceIp: string; // '' when unknown
  readonly vmta: string; // '' when unknown
  readonly domain: string; // recipient domain, or the queue's domain for tq rows
  /** Start of the minute, epoch ms. */
  readonly minute: number;
  /** Recipient attempts as max-msg-rate counts them: d + t + b rows that came from a remote reply. */
  readonly attempts: number;
  readonly delivered: number;
  /** t rows. */
  readonly deferred: number;
  /** b rows (all, including expiries that never reached a server). */
  readonly bounced: number;
  /** tq rows: queue-level failures (refused at greeting, no answer...). */
  readonly queueFailures: number;
  readonly bytes: number;
  /** t rows by class. */
  readonly deferredByClass: readonly number[];
  /** tq rows by class. */
  readonly queueFailuresByClass: readonly number[];
  /** b rows by class. */
  readonly bouncedByClass: readonly number[];
}

export interface ResponseStat {
  readonly provider: string;
  readonly sourceIp: string;
  readonly vmta: string;
  readonly class: ResponseClass;
  readonly recordType: 't' | 'tq' | 'b';
  readonly patternId: string;
  /** Sanitised text, cut to 300 characters. */
  readonly text: string;
  readonly count: number;
  readonly first: number;
  readonly last: number;
}

export interface MalformedSummary {
  readonly byReason: Partial<Record<MalformedReason, number>>;
  /** First few locations per reason. */
  readonly examples: readonly { readonly reason: MalformedReason; readonly file: string; readonly offset: number; readonly line?: number }[];
}

export interface IngestSummary {
  readonly files: readonly string[];
  readonly bytes: number;
  readonly recordsByType: Partial<Record<RecordType, number>>;
  readonly malformed: MalformedSummary;
  readonly firstTime: number | null;
  readonly lastTime: number | null;
  /** vmta -> sending IPs learned from d/t/tq rows. */
  readonly vmtaIps: Readonly<Record<string, readonly string[]>>;
}
