/**
 * Validates models/scenarios/defaults/providers.json: the built-in provider profiles (domains, MX hosts,
 * accept texts, hidden behaviour) and audiences that every scenario starts from.
 */
import type { CheckContext, Json } from './json-check.js';
import { asArray, asObject, checkDomainName, fail, join, noExtraKeys, num, str } from './json-check.js';
import { checkBehaviour } from './validate-behaviour.js';
import type { Audience, FallbackKind, InvalidDomainSpec, MxHost, ProviderProfile } from './scenario-types.js';
import { checkInvalidDomain } from './validate-scenario.js';

export interface SimDefaults {
  readonly providers: Readonly<Record<string, ProviderProfile>>;
  readonly audiences: Readonly<Record<string, Audience>>;
  readonly invalidDomains: readonly InvalidDomainSpec[];
}

const FALLBACK_KINDS: readonly FallbackKind[] = ['unknown-user', 'mailbox-full', 'greylisting'];

export function validateDefaults(json: Json, file: string): { defaults: SimDefaults; errors: readonly string[] } {
  const ctx: CheckContext = { file, errors: [] };
  const o = asObject(ctx, json, '');
  noExtraKeys(ctx, o, '', ['providers', 'audiences', 'invalidDomains']);
  const providers: Record<string, ProviderProfile> = {};
  for (const [id, p] of Object.entries(asObject(ctx, o['providers'], 'providers'))) {
    providers[id] = checkProfile(ctx, id, p, join('providers', id));
  }
  if (providers['other'] === undefined) fail(ctx, 'providers', 'needs a provider "other" for unknown domains');
  const audiences: Record<string, Audience> = {};
  for (const [name, a] of Object.entries(asObject(ctx, o['audiences'], 'audiences'))) {
    const ap = join('audiences', name);
    const ao = asObject(ctx, a, ap);
    const shares: Record<string, number> = {};
    for (const key of Object.keys(ao)) {
      if (key !== 'invalid' && providers[key] === undefined) fail(ctx, join(ap, key), 'unknown provider');
      shares[key] = num(ctx, ao, key, ap, { min: 0 });
    }
    audiences[name] = shares;
  }
  const invalidDomains = asArray(ctx, o['invalidDomains'], 'invalidDomains').map((x, i) => checkInvalidDomain(ctx, x, join('invalidDomains', i)));
  return { defaults: { providers, audiences, invalidDomains }, errors: ctx.errors };
}

function checkProfile(ctx: CheckContext, id: string, v: Json, path: string): ProviderProfile {
  const o = asObject(ctx, v, path);
  noExtraKeys(ctx, o, path, ['domains', 'mx', 'accept', 'esmtp', 'fallback', 'behaviour']);
  const domains: Record<string, number> = {};
  const dobj = asObject(ctx, o['domains'], join(path, 'domains'));
  for (const d of Object.keys(dobj)) {
    checkDomainName(ctx, d, join(join(path, 'domains'), d));
    domains[d.toLowerCase()] = num(ctx, dobj, d, join(path, 'domains'), { above: 0 });
  }
  if (Object.keys(domains).length === 0) fail(ctx, join(path, 'domains'), 'needs at least one domain');
  const mx = asArray(ctx, o['mx'], join(path, 'mx')).map((m, i): MxHost => {
    const mp = join(join(path, 'mx'), i);
    const mo = asObject(ctx, m, mp);
    return { host: str(ctx, mo, 'host', mp), ip: str(ctx, mo, 'ip', mp) };
  });
  if (mx.length === 0) fail(ctx, join(path, 'mx'), 'needs at least one MX host');
  const accept = asArray(ctx, o['accept'], join(path, 'accept')).map((a, i) => {
    if (typeof a !== 'string' || !a.startsWith('250')) fail(ctx, join(join(path, 'accept'), i), 'expected a 250 reply text');
    return String(a);
  });
  if (accept.length === 0) fail(ctx, join(path, 'accept'), 'needs at least one 250 reply text');
  const fobj = asObject(ctx, o['fallback'], join(path, 'fallback'));
  noExtraKeys(ctx, fobj, join(path, 'fallback'), FALLBACK_KINDS);
  const fallback: Partial<Record<FallbackKind, string>> = {};
  for (const k of FALLBACK_KINDS) if (fobj[k] !== undefined) fallback[k] = str(ctx, fobj, k, join(path, 'fallback'));
  return {
    id,
    domains,
    mx,
    accept,
    esmtp: str(ctx, o, 'esmtp', path, 'PIPELINING,SIZE,8BITMIME,ENHANCEDSTATUSCODES,STARTTLS'),
    fallback,
    behaviour: checkBehaviour(ctx, o['behaviour'], join(path, 'behaviour')),
  };
}
