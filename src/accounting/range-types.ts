/**
 * Types of range-parallel reading: a file is read as a chain of units (byte ranges of a plain file,
 * segments of a decompressed gzip stream, or whole files), each parsed on its own, and the units'
 * results are joined in file order only where the parser state at each join is proven equal to what a
 * single sequential read would have had there.
 */
import type { FileSummary } from './read-types.js';

/** Columns in force at a point of a file (null before any header line). */
export type Columns = readonly string[] | null;

/** A unit that starts mid-file (a byte range or a gzip segment). */
export interface RangeStart {
  readonly file: string;
  /** Offset of the unit's first byte (in the decompressed stream for gzip); 0 = the file's start. */
  readonly start: number;
  /** Columns the unit's parser assumes at `start` (ignored when start is 0). */
  readonly header: Columns;
  /**
   * Starts of the units after this one in the same file, ascending. The reader stops at the first of
   * them where its parser lands exactly with `expect` in force; empty = read to the end.
   */
  readonly next: readonly number[];
  /** Columns the later units assume. */
  readonly expect: Columns;
}

/** What reading one range unit gives besides its batches. */
export interface RangeSummary extends FileSummary {
  /** Index into `next` of the start the reader landed on exactly, or -1 when it read to the end. */
  readonly landed: number;
  /** Line feeds in the bytes the unit consumed ([start, landing point or end)). */
  readonly lineFeeds: number;
  /**
   * Malformed records of a unit that starts mid-file get no line from the parser: here are their
   * lines counted from the unit's start (1 = its first line), as [offset, line], the first
   * MALFORMED_LINES_PER_REASON of each reason.
   */
  readonly malformedLines: readonly (readonly [number, number])[];
}

export const MALFORMED_LINES_PER_REASON = 100;
