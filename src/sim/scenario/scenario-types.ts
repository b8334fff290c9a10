/**
 * The scenario file format (models/scenarios/*.json) and the provider defaults file
 * (models/scenarios/defaults/providers.json), as validated plain data. See docs/simulator.md.
 */

/** Hidden behaviour of a provider towards one sending IP. Every field optional in overrides. */
export interface ProviderBehaviour {
  /** Messages per hour an established IP may deliver (token-bucket refill rate). */
  readonly hourlyLimit: number;
  /** Token-bucket capacity in minutes of the hourly limit (a full bucket allows this burst). */
  readonly burstMinutes: number;
  /** Concurrent connections accepted from one IP; more are refused in the greeting. */
  readonly connections: number;
  /** Messages accepted in one SMTP session; the next one is refused and the session dropped. */
  readonly perConnection: number;
  /** Where the rate limit answers: after RCPT TO (`t` records) or in the greeting (`tq` records). */
  readonly throttleAt: 'rcpt' | 'greeting';
  /** Warm-up of a new IP. */
  readonly warmup: WarmupBehaviour;
  /** Fractions of recipients: unknown users, full mailboxes, greylisting on first attempt. */
  readonly unknownUsers: number;
  readonly mailboxFull: number;
  readonly greylisting: number;
  /** Chance per day of a complaint episode (reputation deferrals for a few hours; the limit shrinks). */
  readonly complaintChancePerDay: number;
}

export interface WarmupBehaviour {
  /** Hourly limit of a new IP on its first day. */
  readonly startHourlyLimit: number;
  /** Factor the limit grows by after a day with little throttling. */
  readonly growth: number;
  /** Share of the day's attempts throttled above which the limit does not grow. */
  readonly stallAbove: number;
  /** Share throttled above which (or after a complaint episode) the limit shrinks. */
  readonly shrinkAbove: number;
  /** Factor applied when the limit shrinks. */
  readonly shrinkFactor: number;
}

export type BehaviourOverride = Partial<Omit<ProviderBehaviour, 'warmup'>> & { readonly warmup?: Partial<WarmupBehaviour> };

export interface MxHost {
  readonly host: string;
  readonly ip: string;
}

/** Built-in data about one provider: where its mail goes and how it answers when all is well. */
export interface ProviderProfile {
  readonly id: string;
  /** Recipient domains with relative weights within the provider. */
  readonly domains: Readonly<Record<string, number>>;
  readonly mx: readonly MxHost[];
  /** 250 reply texts; `{id}` is replaced by a random queue id. */
  readonly accept: readonly string[];
  /** EHLO extensions, written to dlvEsmtpAvailable. */
  readonly esmtp: string;
  /** Used only when the provider model has no response of that kind for the provider. */
  readonly fallback: Readonly<Partial<Record<FallbackKind, string>>>;
  readonly behaviour: ProviderBehaviour;
}

export type FallbackKind = 'unknown-user' | 'mailbox-full' | 'greylisting';

export type InvalidDomainKind = 'nxdomain' | 'no-mx';

export interface InvalidDomainSpec {
  readonly domain: string;
  readonly kind: InvalidDomainKind;
  readonly weight: number;
}

export interface CampaignSpec {
  /** UTC start, e.g. 9.5 = 09:30. */
  readonly hour: number;
  /** Minutes over which the campaign is injected. */
  readonly minutes: number;
  readonly weight: number;
}

export interface LoadStream {
  readonly pool: string;
  /** Share of the scenario's volume carried by this stream. */
  readonly share: number;
  readonly audience: string;
  /** Relative volume per day (the last value repeats). */
  readonly dayWeights: readonly number[];
  readonly campaigns: readonly CampaignSpec[];
  /** Share of the stream's daily volume injected evenly over the day (transactional mail). */
  readonly background: number;
}

/** A provider-id → share map; the key `invalid` is the share going to scenario.invalidDomains. */
export type Audience = Readonly<Record<string, number>>;

export interface VmtaSpec {
  readonly name: string;
  readonly ip: string;
  readonly hostname: string;
  /** A new IP warms up (its limits follow behaviour.warmup); an established one starts at hourlyLimit. */
  readonly new: boolean;
}

/** Directive → value, in PowerMTA syntax (`"max-msg-rate": "350/h"`, `"max-smtp-out": 20`). */
export type DirectiveBlock = Readonly<Record<string, string | number>>;

export interface PatternReply {
  readonly regex: string;
  readonly actions: string;
}

export interface SenderSpec {
  readonly vmtas: readonly VmtaSpec[];
  readonly pools: Readonly<Record<string, readonly string[]>>;
  readonly domainMacros: Readonly<Record<string, readonly string[]>>;
  /** `<domain PATTERN>` blocks: `*`, a domain, or `$macro`. */
  readonly domains: Readonly<Record<string, DirectiveBlock>>;
  /** `<domain>` blocks nested in a `<virtual-mta>`: vmta name → pattern → block. */
  readonly vmtaDomains: Readonly<Record<string, Readonly<Record<string, DirectiveBlock>>>>;
  readonly patternLists: Readonly<Record<string, readonly PatternReply[]>>;
}

export type EpisodeKind = 'block' | 'reputation';

export interface EpisodeSpec {
  readonly kind: EpisodeKind;
  readonly provider: string;
  readonly vmta: string;
  /** 1-based day of the run. */
  readonly day: number;
  readonly hour: number;
  readonly hours: number;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly days: number;
  readonly start: string;
  /** Messages over `days`; the limits are stated for this traffic per day, and scale with a run's traffic per day. */
  readonly volume: number;
  readonly sender: SenderSpec;
  readonly audiences: Readonly<Record<string, Audience>>;
  readonly invalidDomains: readonly InvalidDomainSpec[];
  readonly load: readonly LoadStream[];
  /** Provider id → behaviour overrides for every IP. */
  readonly providers: Readonly<Record<string, BehaviourOverride>>;
  /** vmta name → provider id → behaviour overrides for that IP. */
  readonly ips: Readonly<Record<string, Readonly<Record<string, BehaviourOverride>>>>;
  readonly episodes: readonly EpisodeSpec[];
  /** Lint rule ids of the problems this scenario's config carries on purpose. */
  readonly plantedConfigProblems: readonly string[];
}
