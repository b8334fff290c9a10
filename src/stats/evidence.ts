/**
 * The minimum-evidence floor and the other fixed thresholds of the estimators (docs/methodology.md
 * "Evidence floor"). Below a floor the answer is "insufficient data", never a number.
 */
export const EVIDENCE = {
  /** IP-relevant attempts a pair needs before its acceptance rate is reported as more than a count. */
  minAttempts: 100,
  /** Hours with attempts a pair needs before any hourly limit (even a censored one) is given. */
  minActiveHours: 3,
  /** Measurement hours (throttled, with enough saturated time) for an uncensored hourly limit. */
  minSaturatedHours: 3,
  /** Saturated minutes an hour must span to count as a measurement hour. */
  minSaturatedSpanMinutes: 15,
  /** Two saturated minutes further apart than this do not measure the refill between them. */
  maxSaturationGapMinutes: 20,
  /** Rate- or reputation-class signals in one hour for the hour to count as throttled. */
  minHourThrottleSignals: 3,
  /** Signals of one throttle class before that class can be called binding (block: see below). */
  minClassSignals: 10,
  /** Block-class signals that mark a pair as blocked. */
  minBlockSignals: 3,
  /** Share of (attempts + refused connections) a throttle class must reach to bind. */
  minClassShare: 0.005,
  /** Occurrences of one response before it is proposed for an smtp-pattern-list. */
  minPatternCount: 3,
  /** Days with attempts before a growth factor is fitted. */
  minTrendDays: 3,
  /** A gap between throttled minutes longer than this ends an episode. */
  episodeGapMinutes: 30,
  /** z for two-sided 95% intervals. */
  z95: 1.959963984540054,
} as const;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
