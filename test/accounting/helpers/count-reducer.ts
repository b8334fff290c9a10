/** A simple reducer for parallel-ingest tests: counts records by type, recipient domain and file. */
import type { RecordBatch } from '../../../src/accounting/read-types.js';

export interface Counts {
  label: string;
  records: number;
  bytes: number;
  byType: Record<string, number>;
  byDomain: Record<string, number>;
  malformed: Record<string, number>;
  files: string[];
  /** Smallest and largest timeLogged seen. */
  first: number | null;
  last: number | null;
}

export function createCountReducer(options: unknown): { addBatch(batch: RecordBatch): void; result(): Counts } {
  const counts: Counts = {
    label: (options as { label?: string } | undefined)?.label ?? '',
    records: 0,
    bytes: 0,
    byType: {},
    byDomain: {},
    malformed: {},
    files: [],
    first: null,
    last: null,
  };
  return {
    addBatch(batch) {
      if (!counts.files.includes(batch.file)) counts.files.push(batch.file);
      counts.bytes += batch.bytes;
      for (const r of batch.records) {
        counts.records++;
        counts.byType[r.type] = (counts.byType[r.type] ?? 0) + 1;
        const rcpt = 'rcpt' in r ? r.rcpt : '';
        const domain = rcpt.slice(rcpt.lastIndexOf('@') + 1);
        counts.byDomain[domain] = (counts.byDomain[domain] ?? 0) + 1;
        counts.first = Math.min(counts.first ?? r.timeLogged, r.timeLogged);
        counts.last = Math.max(counts.last ?? r.timeLogged, r.timeLogged);
      }
      for (const m of batch.malformed) counts.malformed[m.reason] = (counts.malformed[m.reason] ?? 0) + 1;
    },
    result: () => counts,
  };
}

/** Merges partials as a caller of ingestParallel would. */
export function mergeCounts(partials: readonly Counts[]): Omit<Counts, 'label' | 'files'> & { files: string[] } {
  const add = (a: Record<string, number>, b: Record<string, number>): Record<string, number> => {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return partials.reduce(
    (m, p) => ({
      records: m.records + p.records,
      bytes: m.bytes + p.bytes,
      byType: add(m.byType, p.byType),
      byDomain: add(m.byDomain, p.byDomain),
      malformed: add(m.malformed, p.malformed),
      files: [...m.files, ...p.files].sort(),
      first: m.first === null ? p.first : p.first === null ? m.first : Math.min(m.first, p.first),
      last: m.last === null ? p.last : p.last === null ? m.last : Math.max(m.last, p.last),
    }),
    { records: 0, bytes: 0, byType: {}, byDomain: {}, malformed: {}, files: [] as string[], first: null as number | null, last: null as number | null },
  );
}
