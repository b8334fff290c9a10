/**
 * Messages between ingestParallel and its worker threads.
 *
 * main → worker: workerData = WorkerSetup; then `file` messages one at a time, and `finish`.
 * worker → main: `ready` once the reducer is loaded, `file-done` after each file, `result` after
 * `finish`, or `error` (then the worker stops).
 */
import { UserError } from '../domain/user-error.js';
import type { ReducerSpec } from './batch-reducer.js';
import type { FileSummary } from './read-types.js';

export interface WorkerSetup {
  readonly reducer: ReducerSpec;
  readonly chunkSize?: number;
  readonly maxRecordBytes?: number;
}

export type ToWorker = { readonly type: 'file'; readonly path: string } | { readonly type: 'finish' };

export interface SerializedError {
  readonly message: string;
  readonly stack?: string;
  readonly userError: boolean;
  readonly hint?: string;
}

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'file-done'; readonly summary: FileSummary }
  | { readonly type: 'result'; readonly partial: unknown }
  | { readonly type: 'error'; readonly error: SerializedError };

export function serializeError(err: unknown): SerializedError {
  if (err instanceof UserError) return { message: err.message, userError: true, ...(err.hint === undefined ? {} : { hint: err.hint }) };
  if (err instanceof Error) return { message: err.message, userError: false, ...(err.stack === undefined ? {} : { stack: err.stack }) };
  return { message: String(err), userError: false };
}

export function deserializeError(e: SerializedError): Error {
  if (e.userError) return new UserError(e.message, e.hint === undefined ? {} : { hint: e.hint });
  const err = new Error(`ingest worker: ${e.message}`);
  if (e.stack !== undefined) err.stack = `${err.message}\n--- in worker ---\n${e.stack}`;
  return err;
}
