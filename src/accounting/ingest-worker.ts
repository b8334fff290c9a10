/**
 * Worker-thread entry of ingestParallel: loads the reducer, reads the files it is given one by one,
 * and posts the reducer's partial result when told to finish.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadReducer, type BatchReducer } from './batch-reducer.js';
import { readFileBatches } from './read-file-batches.js';
import { serializeError, type FromWorker, type ToWorker, type WorkerSetup } from './worker-protocol.js';

function requirePort(): MessagePort {
  if (parentPort === null) throw new Error('ingest-worker.js runs only as a worker thread');
  return parentPort;
}
const port = requirePort();
const setup = workerData as WorkerSetup;
const post = (message: FromWorker): void => port.postMessage(message);
const readOptions = {
  ...(setup.chunkSize === undefined ? {} : { chunkSize: setup.chunkSize }),
  ...(setup.maxRecordBytes === undefined ? {} : { maxRecordBytes: setup.maxRecordBytes }),
};

async function handle(reducer: BatchReducer<unknown>, message: ToWorker): Promise<void> {
  if (message.type === 'finish') {
    post({ type: 'result', partial: reducer.result() });
    port.close();
    return;
  }
  const summary = await readFileBatches(message.path, readOptions, (batch) => reducer.addBatch(batch));
  post({ type: 'file-done', summary });
}

loadReducer(setup.reducer).then(
  (reducer) => {
    // Messages are handled one at a time, in order.
    let queue = Promise.resolve();
    port.on('message', (message: ToWorker) => {
      queue = queue.then(() => handle(reducer, message)).catch((err: unknown) => {
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
