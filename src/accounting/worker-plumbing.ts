/**
 * Plumbing the two ingest worker kinds (ingest-worker.ts, range-worker.ts) and their callers
 * (ingest-parallel.ts, ingest-parallel-ranges.ts) share:
 * - in the worker: its parent port, and a loop that handles messages one at a time in arrival order
 *   and reports the first failure as an `error` message;
 * - in the caller: ending the run when a worker fails or stops early, and the unknown-message error;
 * - on both sides: the read options a setup carries.
 */
import { parentPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { ReadOptions } from './read-types.js';
import { serializeError, type SerializedError } from './worker-protocol.js';

export type WorkerReadOptions = Pick<ReadOptions, 'chunkSize' | 'maxRecordBytes'>;

/** `chunkSize` and `maxRecordBytes` of `options`, without keys for the ones not set. */
export function readOptionsOf(options: WorkerReadOptions): WorkerReadOptions {
  return {
    ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
    ...(options.maxRecordBytes === undefined ? {} : { maxRecordBytes: options.maxRecordBytes }),
  };
}

/** The port to the main thread; throws when `entry` is not running as a worker thread. */
export function workerPort(entry: string): MessagePort {
  if (parentPort === null) throw new Error(`${entry} runs only as a worker thread`);
  return parentPort;
}

/** The messages every worker kind posts besides its own: `ready`, and `error` before it stops. */
export type WorkerControlMessage = { readonly type: 'ready' } | { readonly type: 'error'; readonly error: SerializedError };

/**
 * Once `load` resolves, handles each message on `port` with `handle`, one at a time in arrival order,
 * and posts `ready`. A failure (of `load` or of handling a message) is posted as `error` and closes
 * the port.
 */
export function serveInOrder<T, M>(port: MessagePort, load: Promise<T>, handle: (loaded: T, message: M) => Promise<void>, post: (message: WorkerControlMessage) => void): void {
  const fail = (err: unknown): void => {
    post({ type: 'error', error: serializeError(err) });
    port.close();
  };
  load.then((loaded) => {
    let queue = Promise.resolve();
    port.on('message', (message: M) => {
      queue = queue.then(() => handle(loaded, message)).catch(fail);
    });
    post({ type: 'ready' });
  }, fail);
}

/**
 * Ends the run through `finish` when `worker` emits an error, or exits while `isDone()` is false
 * (with the error `${stopped} (exit code N) ${before}`).
 */
export function finishOnWorkerLoss(worker: Worker, isDone: () => boolean, finish: (err: Error) => void, stopped: string, before: string): void {
  worker.on('error', (err) => finish(err));
  worker.on('exit', (code) => {
    if (!isDone()) finish(new Error(`${stopped} (exit code ${code}) ${before}`));
  });
}

/** The error for a worker message that no case of an exhaustive switch handled. */
export function unknownWorkerMessage(message: never): Error {
  return new Error(`unknown worker message ${JSON.stringify(message)}`);
}
