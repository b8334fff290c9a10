/** JSON-safe form of an Aggregator (worker results, checkpoints). */
import type { MalformedReason, RecordType } from '../domain/accounting-record.js';

export interface AggregateSnapshot {
  readonly version: 1;
  readonly providers: readonly string[];
  readonly ips: readonly string[];
  readonly vmtas: readonly string[];
  readonly domains: readonly string[];
  /** Flattened [provider, ip, vmta, domain] id quadruples, one per series. */
  readonly series: readonly number[];
  /** [series, epochMinute, ...STRIDE counters] per cell row. */
  readonly rows: readonly (readonly number[])[];
  readonly responses: readonly {
    readonly provider: number;
    readonly ip: number;
    readonly vmta: number;
    readonly cls: number;
    readonly type: 't' | 'tq' | 'b';
    readonly patternId: string;
    readonly text: string;
    readonly count: number;
    readonly first: number;
    readonly last: number;
  }[];
  /** Rows seen per (provider, ip, vmta) id triple: [provider, ip, vmta, rows]. */
  readonly pairRows: readonly (readonly [number, number, number, number])[];
  readonly domainProvider: readonly (readonly [string, string])[];
  readonly recordsByType: Partial<Record<RecordType, number>>;
  readonly malformedByReason: Partial<Record<MalformedReason, number>>;
  readonly malformedExamples: readonly { readonly reason: MalformedReason; readonly file: string; readonly offset: number; readonly line?: number }[];
  readonly files: readonly string[];
  readonly bytes: number;
  readonly firstTime: number | null;
  readonly lastTime: number | null;
}
