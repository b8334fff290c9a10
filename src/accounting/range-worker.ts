/**
 * Worker-thread entry of range-parallel reading: makes a fresh reducer per task (a byte range, a gzip
 * segment or a whole file), feeds it the task's batches, and posts its partial back with the task's
 * summary. Tasks are handled one at a time, in the order they come.
 */
import { workerData } from 'node:worker_threads';
import { loadReducerFactory, type BatchReducer } from './batch-reducer.js';
import type { FromRangeWorker, RangeTask, RangeWorkerSetup, ToRangeWorker } from './range-protocol.js';
import { parseSegment, readFileRange } from './range-reader.js';
import type { RangeSummary } from './range-types.js';
import { readFileBatches } from './read-file-batches.js';
import type { FileSummary, RecordBatch } from './read-types.js';
import { readOptionsOf, serveInOrder, workerPort } from './worker-plumbing.js';

const port = workerPort('range-worker.js');
const setup = workerData as RangeWorkerSetup;
const post = (message: FromRangeWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
const readOptions = readOptionsOf(setup);

async function run(reducer: BatchReducer<unknown>, task: RangeTask): Promise<RangeSummary | FileSummary> {
  const onBatch = (batch: RecordBatch): void => {
    reducer.addBatch(batch);
    post({ type: 'progress', bytes: batch.bytes, records: batch.records.length + batch.malformed.length });
  };
  switch (task.type) {
    case 'range':
      return readFileRange(task.unit, readOptions, onBatch);
    case 'segment': {
      const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
      return parseSegment(task.unit, bytes, task.rawBytes, task.truncated, readOptions, onBatch);
    }
    case 'whole':
      return readFileBatches(task.file, readOptions, onBatch);
    default: {
      const never: never = task;
      throw new Error(`unknown task ${JSON.stringify(never)}`);
    }
  }
}

async function handle(make: () => BatchReducer<unknown>, message: ToRangeWorker): Promise<void> {
  if (message.type === 'close') {
    port.close();
    return;
  }
  const reducer = make();
  const summary = await run(reducer, message);
  const partial = reducer.result();
  post({ type: 'done', id: message.id, partial, summary }, reducer.transferables?.(partial) ?? []);
}

serveInOrder(port, loadReducerFactory(setup.reducer), handle, post);
