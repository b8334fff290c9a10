/**
 * Turns a validated scenario plus run options into what the engine needs: absolute times, the domain
 * list with MX hosts, per-IP provider behaviour scaled to the run's volume, and load segments.
 */
import { parseIsoDate } from '../time-format.js';
import { mergeBehaviour } from './validate-behaviour.js';
import type { SimDefaults } from './validate-defaults.js';
import type { EpisodeKind, InvalidDomainKind, MxHost, ProviderBehaviour, ProviderProfile, Scenario, VmtaSpec } from './scenario-types.js';

export interface RunOptions {
  readonly seed: number;
  /** Messages to inject over the run (default: the scenario's volume per day × days). */
  readonly volume?: number;
  readonly days?: number;
  /** `YYYY-MM-DD` or epoch seconds (live mode starts now). */
  readonly start?: string | number;
}

export interface DomainInfo {
  readonly name: string;
  /** Provider id (`other` for invalid domains). */
  readonly providerId: string;
  readonly invalid: InvalidDomainKind | null;
  readonly mx: readonly MxHost[];
}

export interface ResolvedEpisode {
  readonly kind: EpisodeKind;
  readonly providerId: string;
  readonly vmta: string;
  readonly from: number;
  readonly to: number;
}

export interface ResolvedScenario {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly start: number;
  readonly end: number;
  readonly days: number;
  readonly volume: number;
  /** Messages per day relative to the scenario's: hourly limits are multiplied by it. */
  readonly scale: number;
  readonly vmtas: readonly VmtaSpec[];
  readonly domains: readonly DomainInfo[];
  readonly profiles: Readonly<Record<string, ProviderProfile>>;
  behaviour(providerId: string, vmta: string): ProviderBehaviour;
  readonly episodes: readonly ResolvedEpisode[];
}

export function resolveScenario(scenario: Scenario, defaults: SimDefaults, options: RunOptions): ResolvedScenario {
  const start = typeof options.start === 'number' ? Math.floor(options.start) : (parseIsoDate(options.start ?? scenario.start) ?? 0);
  const days = options.days ?? scenario.days;
  // Without --volume, --days keeps the scenario's daily traffic; limits scale with traffic per day.
  const volume = options.volume ?? Math.round((scenario.volume * days) / scenario.days);
  const scale = volume / days / (scenario.volume / scenario.days);
  const domains: DomainInfo[] = [];
  for (const profile of Object.values(defaults.providers)) {
    for (const name of Object.keys(profile.domains)) {
      domains.push({ name, providerId: profile.id, invalid: null, mx: profile.mx.map((m) => ({ host: m.host.replace('{domain}', name).replace('{dashed}', name.replace(/\./g, '-')), ip: m.ip })) });
    }
  }
  scenario.invalidDomains.forEach((d, i) => {
    if (domains.some((x) => x.name === d.domain)) return;
    domains.push({ name: d.domain, providerId: 'other', invalid: d.kind, mx: [{ host: d.domain, ip: `192.0.2.${200 + (i % 50)}` }] });
  });
  const cache = new Map<string, ProviderBehaviour>();
  const behaviour = (providerId: string, vmta: string): ProviderBehaviour => {
    const key = `${providerId}/${vmta}`;
    let b = cache.get(key);
    if (!b) {
      const base = defaults.providers[providerId]?.behaviour ?? defaults.providers['other']?.behaviour;
      if (!base) throw new Error(`no behaviour for provider ${providerId}`);
      const merged = mergeBehaviour(base, scenario.providers[providerId], scenario.ips[vmta]?.[providerId]);
      b = { ...merged, hourlyLimit: merged.hourlyLimit * scale, warmup: { ...merged.warmup, startHourlyLimit: merged.warmup.startHourlyLimit * scale } };
      cache.set(key, b);
    }
    return b;
  };
  const episodes = scenario.episodes
    .filter((e) => e.day <= days)
    .map((e) => {
      const from = start + (e.day - 1) * 86400 + e.hour * 3600;
      return { kind: e.kind, providerId: e.provider, vmta: e.vmta, from, to: from + e.hours * 3600 };
    });
  return { scenario, seed: options.seed, start, end: start + days * 86400, days, volume, scale, vmtas: scenario.sender.vmtas, domains, profiles: defaults.providers, behaviour, episodes };
}
