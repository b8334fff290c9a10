/**
 * Validates a parsed scenario file. Returns the scenario and a list of `file: path: problem` lines;
 * the scenario is only safe to simulate when the list is empty.
 */
import type { CheckContext, Json } from './json-check.js';
import { asArray, asObject, checkDomainName, fail, join, noExtraKeys, num, oneOf, str } from './json-check.js';
import { parseIsoDate } from '../time-format.js';
import { checkBehaviourOverride } from './validate-behaviour.js';
import { checkSender } from './validate-sender.js';
import type { Audience, CampaignSpec, EpisodeSpec, InvalidDomainSpec, LoadStream, Scenario, SenderSpec } from './scenario-types.js';

export interface ScenarioCheckResult {
  readonly scenario: Scenario;
  readonly errors: readonly string[];
}

export interface ScenarioContext {
  /** Provider ids known to the defaults file. */
  readonly providers: readonly string[];
  /** Audiences defined in the defaults file. */
  readonly audiences: Readonly<Record<string, Audience>>;
  /** Used when the scenario lists no invalid domains of its own. */
  readonly invalidDomains: readonly InvalidDomainSpec[];
}

const TOP_KEYS = [
  'name', 'description', 'days', 'start', 'volume', 'sender', 'audiences', 'invalidDomains', 'load',
  'providers', 'ips', 'episodes', 'plantedConfigProblems',
];

export function checkInvalidDomain(ctx: CheckContext, v: Json, path: string): InvalidDomainSpec {
  const o = asObject(ctx, v, path);
  noExtraKeys(ctx, o, path, ['domain', 'kind', 'weight']);
  const domain = str(ctx, o, 'domain', path).toLowerCase();
  checkDomainName(ctx, domain, join(path, 'domain'));
  return {
    domain,
    kind: oneOf(ctx, o, 'kind', path, ['nxdomain', 'no-mx'] as const),
    weight: num(ctx, o, 'weight', path, { above: 0, default: 1 }),
  };
}

export function validateScenario(json: Json, file: string, known: ScenarioContext): ScenarioCheckResult {
  const ctx: CheckContext = { file, errors: [] };
  const o = asObject(ctx, json, '');
  noExtraKeys(ctx, o, '', TOP_KEYS);
  const start = str(ctx, o, 'start', '', '2026-11-02');
  if (parseIsoDate(start) === null) fail(ctx, 'start', `expected a date YYYY-MM-DD, got ${start}`);
  const sender = checkSender(ctx, o['sender'], 'sender');
  const audiences = { ...known.audiences, ...checkAudiences(ctx, o['audiences'], known.providers) };
  const vmtaNames = sender.vmtas.map((v) => v.name);

  const providers: Record<string, ReturnType<typeof checkBehaviourOverride>> = {};
  for (const [id, b] of Object.entries(asObject(ctx, o['providers'], 'providers'))) {
    if (!known.providers.includes(id)) fail(ctx, join('providers', id), `unknown provider (known: ${known.providers.join(', ')})`);
    providers[id] = checkBehaviourOverride(ctx, b, join('providers', id));
  }
  const ips: Record<string, Record<string, ReturnType<typeof checkBehaviourOverride>>> = {};
  for (const [vmta, byProvider] of Object.entries(asObject(ctx, o['ips'], 'ips'))) {
    const p = join('ips', vmta);
    if (!vmtaNames.includes(vmta)) fail(ctx, p, `unknown virtual MTA ${vmta}`);
    ips[vmta] = {};
    for (const [id, b] of Object.entries(asObject(ctx, byProvider, p))) {
      if (!known.providers.includes(id)) fail(ctx, join(p, id), 'unknown provider');
      ips[vmta][id] = checkBehaviourOverride(ctx, b, join(p, id));
    }
  }

  const planted = asArray(ctx, o['plantedConfigProblems'], 'plantedConfigProblems').map((x, i) => {
    if (typeof x !== 'string') fail(ctx, join('plantedConfigProblems', i), 'expected a lint rule id');
    return String(x);
  });
  const load = asArray(ctx, o['load'], 'load').map((x, i) => checkStream(ctx, x, join('load', i), sender, audiences));
  if (load.length === 0) fail(ctx, 'load', 'needs at least one load stream');
  const scenario: Scenario = {
    name: str(ctx, o, 'name', ''),
    description: str(ctx, o, 'description', '', ''),
    days: num(ctx, o, 'days', '', { min: 1, max: 366, integer: true }),
    start,
    volume: num(ctx, o, 'volume', '', { min: 1, integer: true }),
    sender,
    audiences,
    invalidDomains:
      o['invalidDomains'] === undefined
        ? known.invalidDomains
        : asArray(ctx, o['invalidDomains'], 'invalidDomains').map((x, i) => checkInvalidDomain(ctx, x, join('invalidDomains', i))),
    load,
    providers,
    ips,
    episodes: asArray(ctx, o['episodes'], 'episodes').map((x, i) => checkEpisode(ctx, x, join('episodes', i), known.providers, vmtaNames)),
    plantedConfigProblems: planted,
  };
  const usesInvalid = load.some((s) => (audiences[s.audience]?.['invalid'] ?? 0) > 0);
  if (usesInvalid && scenario.invalidDomains.length === 0) fail(ctx, 'invalidDomains', 'an audience sends a share to "invalid" but no invalid domains are listed');
  return { scenario, errors: ctx.errors };
}

function checkAudiences(ctx: CheckContext, v: Json, providers: readonly string[]): Record<string, Audience> {
  const out: Record<string, Audience> = {};
  for (const [name, shares] of Object.entries(asObject(ctx, v, 'audiences'))) {
    const p = join('audiences', name);
    const o = asObject(ctx, shares, p);
    const a: Record<string, number> = {};
    for (const key of Object.keys(o)) {
      if (key !== 'invalid' && !providers.includes(key)) fail(ctx, join(p, key), 'unknown provider (or "invalid")');
      a[key] = num(ctx, o, key, p, { min: 0 });
    }
    if (Object.values(a).reduce((s, x) => s + x, 0) <= 0) fail(ctx, p, 'shares must add up to more than 0');
    out[name] = a;
  }
  return out;
}

function checkStream(ctx: CheckContext, v: Json, path: string, sender: SenderSpec, audiences: Readonly<Record<string, Audience>>): LoadStream {
  const o = asObject(ctx, v, path);
  noExtraKeys(ctx, o, path, ['pool', 'share', 'audience', 'dayWeights', 'campaigns', 'background']);
  const pool = str(ctx, o, 'pool', path);
  if (pool !== '' && sender.pools[pool] === undefined) fail(ctx, join(path, 'pool'), `no pool ${pool} in sender.pools`);
  const audience = str(ctx, o, 'audience', path);
  if (audience !== '' && audiences[audience] === undefined) fail(ctx, join(path, 'audience'), `no audience ${audience} (known: ${Object.keys(audiences).join(', ')})`);
  const dayWeights = asArray(ctx, o['dayWeights'] ?? [1], join(path, 'dayWeights')).map((w, i) => {
    if (typeof w !== 'number' || !(w >= 0)) fail(ctx, join(join(path, 'dayWeights'), i), 'expected a weight ≥ 0');
    return Number(w);
  });
  const campaigns = asArray(ctx, o['campaigns'], join(path, 'campaigns')).map((c, i): CampaignSpec => {
    const cp = join(join(path, 'campaigns'), i);
    const co = asObject(ctx, c, cp);
    noExtraKeys(ctx, co, cp, ['hour', 'minutes', 'weight']);
    return {
      hour: num(ctx, co, 'hour', cp, { min: 0, max: 23.99 }),
      minutes: num(ctx, co, 'minutes', cp, { min: 1, max: 1440 }),
      weight: num(ctx, co, 'weight', cp, { min: 0 }),
    };
  });
  const background = num(ctx, o, 'background', path, { min: 0, max: 1, default: campaigns.length === 0 ? 1 : 0.1 });
  if (campaigns.length === 0 && background < 1) fail(ctx, join(path, 'background'), 'without campaigns the background must be 1');
  return { pool, share: num(ctx, o, 'share', path, { above: 0 }), audience, dayWeights, campaigns, background };
}

function checkEpisode(ctx: CheckContext, v: Json, path: string, providers: readonly string[], vmtas: readonly string[]): EpisodeSpec {
  const o = asObject(ctx, v, path);
  noExtraKeys(ctx, o, path, ['kind', 'provider', 'vmta', 'day', 'hour', 'hours']);
  const provider = str(ctx, o, 'provider', path);
  if (provider !== '' && !providers.includes(provider)) fail(ctx, join(path, 'provider'), 'unknown provider');
  const vmta = str(ctx, o, 'vmta', path);
  if (vmta !== '' && !vmtas.includes(vmta)) fail(ctx, join(path, 'vmta'), `unknown virtual MTA ${vmta}`);
  return {
    kind: oneOf(ctx, o, 'kind', path, ['block', 'reputation'] as const),
    provider,
    vmta,
    day: num(ctx, o, 'day', path, { min: 1, integer: true }),
    hour: num(ctx, o, 'hour', path, { min: 0, max: 23.99 }),
    hours: num(ctx, o, 'hours', path, { above: 0, max: 72 }),
  };
}
