/**
 * Worker-thread entry of ingestParallel: loads the reducer, reads the files it is given one by one,
 * and posts the reducer's partial result when told to finish.
 */
import { workerData } from 'node:worker_threads';
import { loadReducer, type BatchReducer } from './batch-reducer.js';
import { readFileBatches } from './read-file-batches.js';
import { readOptionsOf, serveInOrder, workerPort } from './worker-plumbing.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol.js';

const port = workerPort('ingest-worker.js');
const setup = workerData as WorkerSetup;
const post = (message: FromWorker): void => port.postMessage(message);
const readOptions = readOptionsOf(setup);

async function handle(reducer: BatchReducer<unknown>, message: ToWorker): Promise<void> {
  if (message.type === 'finish') {
    post({ type: 'result', partial: reducer.result() });
    port.close();
    return;
  }
  const summary = await readFileBatches(message.path, readOptions, (batch) => reducer.addBatch(batch));
  post({ type: 'file-done', summary });
}

// Messages are handled one at a time, in order.
serveInOrder(port, loadReducer(setup.reducer), handle, post);
