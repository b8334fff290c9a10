/**
 * The JSON contract of `report --format json` and `watch --format json` (documented in docs/schema.md,
 * validated in tests). Every face (report, dashboard, diff) is built from these values.
 */
import type { ResponseClass } from './response-class.js';

export type BindingKnob = 'connections' | 'per-connection' | 'rate' | 'reputation' | 'block' | 'none' | 'insufficient-data';

export interface HourlyLimitEstimate {
  /** Estimated messages per hour the provider accepts from this IP; null when insufficient data. */
  readonly estimate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** true when the provider never pushed back: the estimate is only a lower bound. */
  readonly censored: boolean;
}

export interface ResponseSample {
  readonly class: ResponseClass;
  /** Sanitised response text (control sequences removed). */
  readonly text: string;
  readonly count: number;
  readonly first: string; // ISO-8601
  readonly last: string;
}

export interface ThrottleEpisode {
  readonly start: string;
  readonly end: string;
  readonly minutes: number;
  readonly class: ResponseClass;
  readonly attempts: number;
  readonly delivered: number;
  readonly deferred: number;
}

export interface PairReport {
  readonly isp: string;
  readonly domains: readonly string[];
  readonly sourceIp: string;
  readonly vmta: string | null;
  readonly attempts: number;
  readonly delivered: number;
  readonly deferred: number;
  readonly bounced: number;
  readonly acceptanceRate: number;
  readonly acceptanceInterval: readonly [number, number];
  readonly deferralsByClass: Partial<Record<ResponseClass, number>>;
  readonly maxHourlyRate: HourlyLimitEstimate;
  readonly binding: BindingKnob;
  readonly status: 'ok' | 'throttled' | 'paused' | 'blocked' | 'insufficient-data';
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly episodes: readonly ThrottleEpisode[];
  readonly topResponses: readonly ResponseSample[];
  // Extensions filled by `report` (optional so other producers need not fill them).
  /** Every vmta that carried the pair, most used first. */
  readonly vmtas?: readonly string[];
  /** Attempts that count against the IP (recipient, auth and invalid-domain outcomes left out). */
  readonly ipAttempts?: number;
  /** tq rows: refused or failed connections. */
  readonly queueFailures?: number;
  readonly queueFailuresByClass?: Partial<Record<ResponseClass, number>>;
  /** How the hourly limit was obtained and from how much evidence. */
  readonly limitDetail?: LimitDetail;
  /** Messages per session the provider accepts (from per-connection refusals). */
  readonly perConnectionCap?: { readonly estimate: number; readonly low: number; readonly high: number; readonly refusals: number } | null;
  readonly trend?: PairTrend;
  /** Number of episodes in the period (the list keeps the last ones). */
  readonly episodeCount?: number;
  readonly daily?: readonly PeriodStat[];
  readonly hourly?: readonly PeriodStat[];
}

export interface LimitDetail {
  readonly method: 'saturated' | 'censored' | 'insufficient';
  readonly measurementHours: number;
  /** Minutes of saturated segments (accepted while refusing) behind the estimate. */
  readonly spanMinutes: number;
  readonly throttledHours: number;
  readonly pausedHours: number;
  /** Coverage of [low, high] for the median of the measurement hours. */
  readonly coverage: number | null;
  readonly windowStart: string | null;
  readonly windowEnd: string | null;
}

export interface PairTrend {
  readonly young: boolean;
  readonly ipFirstSeen: string;
  /** Daily growth factor of accepted volume (log-linear fit) and its r². */
  readonly deliveredGrowth: number | null;
  readonly deliveredGrowthR2: number | null;
  /** Daily growth factor of the measured limit. */
  readonly limitGrowth: number | null;
  readonly limitGrowthR2: number | null;
}

/** Acceptance over one hour or one UTC day. */
export interface PeriodStat {
  readonly start: string;
  readonly attempts: number;
  readonly ipAttempts: number;
  readonly delivered: number;
  readonly acceptanceRate: number | null;
  readonly acceptanceInterval: readonly [number, number];
  /** Rate- and reputation-class refusals. */
  readonly throttled: number;
  readonly queueFailures: number;
}

export interface RecommendationScope {
  /** The PowerMTA `<domain>` name the setting belongs under (`*`, `gmail.com`, `$yahoo`, ...). */
  readonly domain: string;
  /** The virtual MTA it applies to, or null for all. */
  readonly virtualMta: string | null;
}

export interface Recommendation {
  readonly id: string;
  readonly directive: string;
  readonly scope: RecommendationScope;
  /** Current value (from --config, else PowerMTA's default) or null when unknown. */
  readonly current: string | null;
  readonly currentSource: 'config' | 'default' | 'unknown';
  readonly suggested: string;
  readonly confidence: number;
  readonly reason: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  // Extensions filled by `report`.
  /** Provider and sending IPs the recommendation comes from. */
  readonly isp?: string;
  readonly sourceIps?: readonly string[];
  /** For smtp-pattern-list recommendations: the list to add to (null: create one) and the reply parts. */
  readonly patternList?: string | null;
  readonly regex?: string;
  readonly actions?: string;
}

export interface WarmupDay {
  readonly day: number;
  readonly date: string; // YYYY-MM-DD
  readonly maxMessages: number;
  readonly perHour: number;
}

export interface WarmupPlan {
  readonly sourceIp: string;
  readonly vmta: string | null;
  readonly isp: string;
  readonly firstSeen: string;
  readonly days: readonly WarmupDay[];
  // Extensions filled by `report`.
  /** What day 1 starts from and why: grow, hold or step back. */
  readonly basis?: WarmupBasis;
  /** The plan as PowerMTA's cold-VMTA ramp, e.g. `1200/day,1600/day,…`. */
  readonly coldVirtualMtaMsg?: string;
}

export interface WarmupBasis {
  readonly decision: 'grow' | 'hold' | 'step-back';
  /** The last full day the plan starts from. */
  readonly date: string;
  readonly delivered: number;
  readonly acceptanceRate: number | null;
  readonly acceptanceLow: number;
  readonly throttledHours: number;
  /** Daily growth factor used for the following days. */
  readonly growth: number;
  /** Hours a day the IP sends (spreads a day's cap into a per-hour rate). */
  readonly sendingHours: number;
}

export interface InvalidDomain {
  readonly domain: string;
  readonly attempts: number;
  readonly reason: string;
  // Extensions filled by `report`.
  readonly kind?: 'nxdomain' | 'no-mx' | 'no-answer' | 'invalid-domain' | 'typo';
  readonly typoOf?: string | null;
}

export interface ReportInput {
  readonly files: number;
  readonly records: number;
  readonly malformed: number;
  readonly from: string | null;
  readonly to: string | null;
}

export interface ReportJson {
  readonly generatedAt: string;
  readonly input: ReportInput;
  /** The analysed period when --since/--until narrowed it (ISO), and whether a config was read. */
  readonly window?: { readonly since: string | null; readonly until: string | null; readonly config: string | null };
  readonly pairs: readonly PairReport[];
  readonly recommendations: readonly Recommendation[];
  readonly warmup: readonly WarmupPlan[];
  readonly invalidDomains: readonly InvalidDomain[];
}
