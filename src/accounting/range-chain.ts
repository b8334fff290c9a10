/**
 * Joins the units of range-parallel reading back into file order. Pure bookkeeping: results come in
 * any order; each is handed on (emitted) only when it is the next link of its file's chain, and files
 * are emitted one after the other in the order given.
 *
 * A file's chain starts at its unit 0. A unit that landed on the start of a later unit (index `landed`
 * into its `next` list) hands over to that unit; units it read through are skipped (their results are
 * dropped). A unit that read to the end closes its file. A gzip segment that did not land on the next
 * segment cannot read on (it has no more bytes): the chain is broken and the caller must read the file
 * sequentially.
 */
import type { RangeSummary } from './range-types.js';
import type { FileSummary } from './read-types.js';

export type UnitKind = 'whole' | 'range' | 'segment';

export interface UnitResult<P> {
  readonly partial: P;
  readonly summary: RangeSummary | FileSummary;
}

/** One link of a file's chain, as handed to the caller. */
export interface ChainLink<P> extends UnitResult<P> {
  readonly file: string;
  readonly kind: UnitKind;
  /** Offset of the unit's first byte (decompressed offset for gzip segments). */
  readonly start: number;
  /**
   * Line number of the unit's first line, for units that start mid-file (their parser reports no
   * lines; see RangeSummary.malformedLines); null for whole files and units at offset 0.
   */
  readonly firstLine: number | null;
}

interface FileChain<P> {
  readonly file: string;
  readonly kind: UnitKind;
  readonly starts: number[];
  /** Whether every unit of the file is known (a gzip stream is cut into segments as it is read). */
  complete: boolean;
  readonly results: Map<number, UnitResult<P>>;
  cursor: number;
  lineFeeds: number;
}

export function isRangeSummary(s: RangeSummary | FileSummary): s is RangeSummary {
  return 'landed' in s;
}

export class RangeChain<P> {
  readonly #files: FileChain<P>[] = [];
  readonly #emit: (link: ChainLink<P>) => void;
  #current = 0;
  broken: string | null = null;

  constructor(emit: (link: ChainLink<P>) => void) {
    this.#emit = emit;
  }

  /** Adds a file; returns its index. `starts` are its units' starts (more may follow for segments). */
  addFile(file: string, kind: UnitKind, starts: readonly number[], complete: boolean): number {
    this.#files.push({ file, kind, starts: [...starts], complete, results: new Map(), cursor: 0, lineFeeds: 0 });
    return this.#files.length - 1;
  }

  /** A further unit of a file still being cut (gzip segments); `last` closes the list. */
  addUnit(fileIndex: number, start: number, last: boolean): number {
    const f = this.#file(fileIndex);
    f.starts.push(start);
    if (last) f.complete = true;
    this.#advance();
    return f.starts.length - 1;
  }

  /** Whether a unit's result will still be used (false once the chain went past it). */
  wanted(fileIndex: number, unit: number): boolean {
    const f = this.#file(fileIndex);
    return this.broken === null && (fileIndex > this.#current || (fileIndex === this.#current && unit >= f.cursor));
  }

  add(fileIndex: number, unit: number, result: UnitResult<P>): void {
    if (!this.wanted(fileIndex, unit)) return;
    this.#file(fileIndex).results.set(unit, result);
    this.#advance();
  }

  /** Every file was emitted (or the chain broke). */
  get done(): boolean {
    return this.broken !== null || this.#current >= this.#files.length;
  }

  get fileCount(): number {
    return this.#files.length;
  }

  #file(i: number): FileChain<P> {
    const f = this.#files[i];
    if (f === undefined) throw new Error(`no file ${i} in the range chain`);
    return f;
  }

  #advance(): void {
    while (this.broken === null && this.#current < this.#files.length) {
      const f = this.#file(this.#current);
      const r = f.results.get(f.cursor);
      if (r === undefined) return;
      const u = f.cursor;
      f.results.delete(u);
      const start = f.starts[u] ?? 0;
      const ranged = f.kind !== 'whole' && start > 0;
      this.#emit({ ...r, file: f.file, kind: f.kind, start, firstLine: ranged ? 1 + f.lineFeeds : null });
      let closed = true;
      if (isRangeSummary(r.summary)) {
        f.lineFeeds += r.summary.lineFeeds;
        if (r.summary.landed >= 0) {
          f.cursor = u + 1 + r.summary.landed;
          closed = false;
        } else if (f.kind === 'segment' && (!f.complete || u < f.starts.length - 1)) {
          this.broken = `${f.file}: segment at ${start} did not end on the next segment's start`;
          return;
        }
      }
      for (const k of [...f.results.keys()]) if (k < f.cursor) f.results.delete(k);
      if (closed) this.#current++;
    }
  }
}
