/** The accounting reader: PowerMTA accounting files to typed records, counted bad input, checkpoints. */
export type { ParseOutput, ParserFactory, ParserOptions, RecordParser } from './types.js';
export { DEFAULT_MAX_RECORD_BYTES, createRecordParser } from './parse/record-parser.js';
export { parseTime, parseTimeBytes } from './parse/parse-time.js';
export type { FileSummary, InputFile, ReadOptions, RecordBatch } from './read-types.js';
export type { ExpandOptions } from './expand-inputs.js';
export { expandInputs, isAccountingFileName } from './expand-inputs.js';
export { readAccounting, readAccountingFile } from './read-accounting.js';
export { readFileBatches } from './read-file-batches.js';
export type { BatchReducer, ReducerFactory, ReducerSpec } from './batch-reducer.js';
export type { ParallelOptions, ParallelResult } from './ingest-parallel.js';
export { defaultWorkerUrl, ingestParallel } from './ingest-parallel.js';
