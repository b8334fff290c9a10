/**
 * Accounting files as RxJS streams of record batches: one emission per read chunk (a few thousand
 * records), never one per record. Unsubscribing stops the read and closes the file.
 */
import { Observable, concat, defer, from, mergeMap } from 'rxjs';
import { expandInputs } from './expand-inputs.js';
import { readFileBatches } from './read-file-batches.js';
import type { InputFile, ReadOptions, RecordBatch } from './read-types.js';

/** One file's batches; errors are UserError for paths a user can fix (missing, unreadable). */
export function readAccountingFile(file: string | InputFile, options: ReadOptions = {}): Observable<RecordBatch> {
  const path = typeof file === 'string' ? file : file.path;
  return new Observable<RecordBatch>((subscriber) => {
    const controller = new AbortController();
    const outer = options.signal;
    const onAbort = (): void => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    if (outer?.aborted === true) controller.abort(outer.reason);
    readFileBatches(path, { ...options, signal: controller.signal }, (batch) => subscriber.next(batch)).then(
      () => subscriber.complete(),
      (err: unknown) => subscriber.error(err),
    );
    return () => {
      outer?.removeEventListener('abort', onAbort);
      controller.abort();
    };
  });
}

/**
 * The batches of every input in time order (files, directories and globs are expanded first; see
 * expandInputs), one file after the other.
 */
export function readAccounting(inputs: readonly string[] | readonly InputFile[], options: ReadOptions = {}): Observable<RecordBatch> {
  return defer(() => from(resolveInputs(inputs))).pipe(mergeMap((files) => concat(...files.map((f) => readAccountingFile(f, options)))));
}

async function resolveInputs(inputs: readonly string[] | readonly InputFile[]): Promise<readonly InputFile[]> {
  const paths = inputs.filter((i): i is string => typeof i === 'string');
  return paths.length > 0 ? expandInputs(paths) : (inputs as readonly InputFile[]);
}
