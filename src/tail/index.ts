/** Tailing PowerMTA accounting files exactly once, with an atomic checkpoint (docs/tailing.md). */
export { Tailer } from './tailer.js';
export { TailIngest } from './tail-ingest.js';
export type { IngestFaultHook, IngestFaultStep, TailIngestOptions } from './tail-ingest.js';
export { defaultStatePath, loadState, saveState, SAVE_STEPS } from './state-store.js';
export type { LoadedState, SaveFaultHook, SaveOptions, SaveStep } from './state-store.js';
export { decodeState, encodeState } from './state-format.js';
export type { AdvisorState } from './state-format.js';
export type {
  Clock,
  FileCheckpoint,
  FileIdentity,
  FileKind,
  RootStatus,
  Scheduler,
  StreamCheckpoint,
  TailBatch,
  TailCheckpoint,
  TailerOptions,
  TailEvent,
  TailFileStatus,
  TailMetrics,
  TailStatus,
  TruncationReason,
} from './types.js';
