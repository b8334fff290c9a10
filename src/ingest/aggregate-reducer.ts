/**
 * The reducer the range-parallel workers run for ingest(): one Aggregator per unit (a byte range, a
 * gzip segment or a whole file), records outside the time window left out, handed back packed
 * (packed-snapshot.ts) with what the attribution check needs (tracking-model.ts). Loaded by the worker
 * thread by module URL (see src/accounting/batch-reducer.ts); the model is loaded once per thread.
 */
import { Aggregator } from '../aggregate/aggregator.js';
import type { BatchReducer } from '../accounting/batch-reducer.js';
import { loadDefaultProviderModelSync, loadProviderModelSync } from '../providers/load-provider-model-io.js';
import type { ProviderModel } from '../providers/types.js';
import { inWindow, type TimeWindow } from './aggregate-batches.js';
import { packAggregate, packedTransferables, type PackedAggregate } from './packed-snapshot.js';
import { trackingModel, type TrackedAttribution } from './tracking-model.js';

export interface AggregateReducerOptions extends TimeWindow {
  /** Provider model directories; null = the shipped model. */
  readonly modelDir: string | readonly string[] | null;
}

export interface AggregatePartial {
  /** Read in the caller's thread into the caller's own Aggregator: nothing to merge. */
  readonly local?: boolean;
  readonly packed: PackedAggregate;
  readonly preLearning: readonly string[];
  readonly unmatchedFirst: readonly string[];
}

const models = new Map<string, ProviderModel>();

function modelFor(dir: string | readonly string[] | null): ProviderModel {
  if (dir === null) return loadDefaultProviderModelSync();
  const key = JSON.stringify(dir);
  let model = models.get(key);
  if (model === undefined) {
    model = loadProviderModelSync(dir);
    models.set(key, model);
  }
  return model;
}

export function createAggregateReducer(options: unknown): BatchReducer<AggregatePartial> {
  const o = options as AggregateReducerOptions;
  const { model, tracked } = trackingModel(modelFor(o.modelDir));
  return aggregateReducer(new Aggregator(model), tracked, o, false);
}

/**
 * The reducer over a given Aggregator, whose model is the tracking model of `tracked`. `local`: the
 * Aggregator stays with the caller (its cell arrays are not handed over).
 */
export function aggregateReducer(agg: Aggregator, tracked: TrackedAttribution, o: TimeWindow, local: boolean): BatchReducer<AggregatePartial> {
  const window: TimeWindow = { ...(o.since === undefined ? {} : { since: o.since }), ...(o.until === undefined ? {} : { until: o.until }) };
  return {
    addBatch(batch) {
      agg.add(inWindow(batch.records, window));
      agg.addMalformed(batch.malformed);
      agg.addFile(batch.file, batch.bytes);
    },
    result: () => ({ local, packed: packAggregate(agg), preLearning: [...tracked.preLearning], unmatchedFirst: [...tracked.unmatchedFirst] }),
    transferables: (partial) => (local ? [] : packedTransferables(partial.packed)),
  };
}
