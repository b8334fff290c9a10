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
}

export interface InvalidDomain {
  readonly domain: string;
  readonly attempts: number;
  readonly reason: string;
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
  readonly pairs: readonly PairReport[];
  readonly recommendations: readonly Recommendation[];
  readonly warmup: readonly WarmupPlan[];
  readonly invalidDomains: readonly InvalidDomain[];
}
