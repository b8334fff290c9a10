/** The rule contract: each rule reads the analysed pairs and returns recommendations, pure. */
import type { ResponseStat } from '../aggregate/types.js';
import type { Recommendation } from '../domain/report.js';
import type { InvalidDomainFinding } from '../stats/invalid-domains.js';
import type { PairAnalysis } from '../stats/pair-analysis.js';
import type { ConfigView } from './config-view.js';

export interface ProviderInfo {
  readonly id: string;
  readonly name: string;
  readonly domains: readonly string[];
  /** Published connection / per-session caps, when the provider model knows them. */
  readonly limits: { readonly connections?: number; readonly perConnection?: number };
}

export interface RuleContext {
  readonly pairs: readonly PairAnalysis[];
  readonly responses: readonly ResponseStat[];
  readonly invalidDomains: readonly InvalidDomainFinding[];
  readonly config: ConfigView;
  readonly providers: ReadonlyMap<string, ProviderInfo>;
  /** Time of the last record analysed (epoch ms): warm-up plans start the day after. */
  readonly lastTime: number;
}

export interface Rule {
  readonly id: string;
  evaluate(ctx: RuleContext): Recommendation[];
}

/** Pairs the rules act on: a known provider and a known sending IP. */
export function actionablePairs(ctx: RuleContext): PairAnalysis[] {
  return ctx.pairs.filter((p) => p.series.provider !== 'other' && p.series.sourceIp !== '');
}
