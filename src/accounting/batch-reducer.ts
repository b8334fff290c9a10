/**
 * The generic reducer contract of parallel ingestion: a worker thread feeds every batch of its files to
 * a reducer and posts the reducer's serialisable partial result back; the caller merges the partials.
 * The aggregator plugs in through a small factory module, e.g.
 *
 *   export function createAggregatorReducer(options) {
 *     const agg = new Aggregator(options);
 *     return { addBatch: (b) => { agg.add(b.records); for (const m of b.malformed) agg.addMalformed(m); },
 *              result: () => agg.toJSON() };
 *   }
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RecordBatch } from './read-types.js';

export interface BatchReducer<P> {
  addBatch(batch: RecordBatch): void;
  /** The partial result: must survive structured cloning (plain data, no functions or classes). */
  result(): P;
  /** Buffers inside the partial to transfer rather than copy to the caller's thread (optional). */
  transferables?(partial: P): ArrayBuffer[];
}

export type ReducerFactory<P> = (options: unknown) => BatchReducer<P>;

/** Where a worker finds the reducer: a module (absolute path, file URL or package name) and export. */
export interface ReducerSpec {
  readonly module: string;
  readonly exportName: string;
  /** Passed to the factory; must survive structured cloning. */
  readonly options?: unknown;
}

export async function loadReducer<P>(spec: ReducerSpec): Promise<BatchReducer<P>> {
  return (await loadReducerFactory<P>(spec))();
}

/** A function that makes a fresh reducer each call (one per unit of range-parallel reading). */
export async function loadReducerFactory<P>(spec: ReducerSpec): Promise<() => BatchReducer<P>> {
  const url = isAbsolute(spec.module) ? pathToFileURL(spec.module).href : spec.module;
  const mod = (await import(url)) as Record<string, unknown>;
  const factory = mod[spec.exportName];
  if (typeof factory !== 'function') throw new Error(`reducer module ${spec.module} has no function export '${spec.exportName}'`);
  const make = (): BatchReducer<P> => {
    const reducer = (factory as ReducerFactory<P>)(spec.options);
    if (typeof reducer?.addBatch !== 'function' || typeof reducer.result !== 'function') {
      throw new Error(`${spec.module}#${spec.exportName} did not return a reducer with addBatch() and result()`);
    }
    return reducer;
  };
  make(); // fail early, in the worker's setup, when the factory is broken
  return make;
}
