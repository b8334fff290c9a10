/** Public API of the stats room. */
export { EVIDENCE, MINUTE_MS, HOUR_MS, DAY_MS } from './evidence.js';
export { wilsonInterval } from './wilson.js';
export { medianInterval } from './median-interval.js';
export type { MedianInterval } from './median-interval.js';
export { analysePairs, analysePair } from './pair-analysis.js';
export type { PairAnalysis, AnalysisWindow } from './pair-analysis.js';
export { findInvalidDomains } from './invalid-domains.js';
export type { InvalidDomainFinding } from './invalid-domains.js';
export type { LimitEstimate } from './hourly-limit.js';
export type { Episode } from './episodes.js';
export { classRecord, limitSignals } from './signal-classes.js';
