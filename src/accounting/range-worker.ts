/**
 * Worker-thread entry of range-parallel reading: makes a fresh reducer per task (a byte range, a gzip
 * segment or a whole file), feeds it the task's batches, and posts its partial back with the task's
 * summary. Tasks are handled one at a time, in the order they come.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadReducerFactory, type BatchReducer } from './batch-reducer.js';
import type { FromRangeWorker, RangeTask, RangeWorkerSetup, ToRangeWorker } from './range-protocol.js';
import { parseSegment, readFileRange } from './range-reader.js';
import type { RangeSummary } from './range-types.js';
import { readFileBatches } from './read-file-batches.js';
import type { FileSummary, RecordBatch } from './read-types.js';
import { serializeError } from './worker-protocol.js';

function requirePort(): MessagePort {
  if (parentPort === null) throw new Error('range-worker.js runs only as a worker thread');
  return parentPort;
}
const port = requirePort();
const setup = workerData as RangeWorkerSetup;
const post = (message: FromRangeWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
const readOptions = {
  ...(setup.chunkSize === undefined ? {} : { chunkSize: setup.chunkSize }),
  ...(setup.maxRecordBytes === undefined ? {} : { maxRecordBytes: setup.maxRecordBytes }),
};

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

loadReducerFactory(setup.reducer).then(
  (make) => {
    let queue = Promise.resolve();
    port.on('message', (message: ToRangeWorker) => {
      queue = queue.then(() => handle(make, message)).catch((err: unknown) => {
        post({ type: 'error', error: serializeError(err) });
        port.close();
      });
    });
    post({ type: 'ready' });
  },
  (err: unknown) => {
    post({ type: 'error', error: serializeError(err) });
    port.close();
  },
);
