/**
 * The minimum-evidence floor and the other fixed thresholds of the estimators (docs/methodology.md
 * "Evidence floor"). Below a floor the answer is "insufficient data", never a number.
 */
export const EVIDENCE = {
  /** IP-relevant attempts a pair needs before its acceptance rate is reported as more than a count. */
  minAttempts: 100,
  /** Hours with attempts a pair needs before any hourly limit (even a censored one) is given. */
  minActiveHours: 3,
  /** Measurement hours (throttled, with saturated segments) for an uncensored hourly limit. */
  minSaturatedHours: 2,
  /** Saturated segment minutes the measurement hours must add up to. */
  minSaturatedSpanMinutes: 20,
  /** Messages accepted inside the saturated segments: fewer is a count too small to measure a rate. */
  minSaturatedDelivered: 5,
  /** The window grows back in time until its segments add up to this many minutes (or 7 days). */
  targetSpanMinutes: 180,
  /** Two saturated minutes further apart than this do not measure the refill between them: over a
   * longer gap a token bucket may fill up and overflow (providers' burst allowances are ~15 minutes). */
  maxSaturationGapMinutes: 15,
  /** Rate- or reputation-class signals in one hour for the hour to count as throttled. */
  minHourThrottleSignals: 3,
  /** Signals of one throttle class before that class can be called binding (block: see below). */
  minClassSignals: 5,
  /** Block-class signals that mark a pair as blocked. */
  minBlockSignals: 3,
  /** Share of (attempts + refused connections) a throttle class must reach to bind. */
  minClassShare: 0.002,
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
