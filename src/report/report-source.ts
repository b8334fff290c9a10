/** What buildReport reads: the aggregator's cells, responses and summary, and the provider list. */
import type { Aggregator } from '../aggregate/aggregator.js';
import type { Cell, IngestSummary, ResponseStat } from '../aggregate/types.js';
import type { ProviderInfo } from '../rules/types.js';

export interface ReportSource {
  readonly cells: readonly Cell[];
  readonly responses: readonly ResponseStat[];
  readonly summary: IngestSummary;
  readonly providers: readonly ProviderInfo[];
}

/** Reads an aggregator once; `vmtaIps` (from a config) resolves b rows whose vmta the data never tied to an IP. */
export function reportSourceOf(agg: Aggregator, vmtaIps?: ReadonlyMap<string, readonly string[]>): ReportSource {
  const opts = vmtaIps === undefined ? {} : { vmtaIps };
  return {
    cells: agg.cells(opts),
    responses: agg.responses(opts),
    summary: agg.summary(),
    providers: agg.model.providers.map((p) => ({ id: p.id, name: p.name, domains: p.domains, limits: p.limits })),
  };
}
