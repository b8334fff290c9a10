/**
 * Reads files one after the other into one reducer, in this thread. What each worker of
 * ingestParallel does, and what ingestParallel does itself when threads would not pay.
 */
import type { BatchReducer } from './batch-reducer.js';
import { readFileBatches } from './read-file-batches.js';
import type { FileSummary, ReadOptions } from './read-types.js';

export async function reduceFiles<P>(
  paths: readonly string[],
  reducer: BatchReducer<P>,
  options: ReadOptions = {},
  onFile?: (summary: FileSummary) => void,
): Promise<{ partial: P; files: FileSummary[] }> {
  const files: FileSummary[] = [];
  for (const path of paths) {
    const summary = await readFileBatches(path, options, (batch) => reducer.addBatch(batch));
    files.push(summary);
    onFile?.(summary);
  }
  return { partial: reducer.result(), files };
}
