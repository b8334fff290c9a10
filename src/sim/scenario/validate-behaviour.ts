/**
 * Validation of provider behaviour: complete in the defaults file, partial in scenario overrides.
 */
import type { CheckContext, Json } from './json-check.js';
import { asObject, join, noExtraKeys, num, oneOf, optNum } from './json-check.js';
import type { BehaviourOverride, ProviderBehaviour, WarmupBehaviour } from './scenario-types.js';

const BEHAVIOUR_KEYS = [
  'hourlyLimit',
  'burstMinutes',
  'connections',
  'perConnection',
  'throttleAt',
  'warmup',
  'unknownUsers',
  'mailboxFull',
  'greylisting',
  'complaintChancePerDay',
] as const;
const WARMUP_KEYS = ['startHourlyLimit', 'growth', 'stallAbove', 'shrinkAbove', 'shrinkFactor'] as const;
const THROTTLE_AT = ['rcpt', 'greeting'] as const;

const RULES = {
  hourlyLimit: { above: 0 },
  burstMinutes: { min: 0, max: 1440 },
  connections: { min: 1, integer: true },
  perConnection: { min: 1, integer: true },
  unknownUsers: { min: 0, max: 0.5 },
  mailboxFull: { min: 0, max: 0.5 },
  greylisting: { min: 0, max: 1 },
  complaintChancePerDay: { min: 0, max: 1 },
  startHourlyLimit: { above: 0 },
  growth: { min: 1, max: 10 },
  stallAbove: { min: 0, max: 1 },
  shrinkAbove: { min: 0, max: 1 },
  shrinkFactor: { above: 0, max: 1 },
} as const;

export function checkBehaviourOverride(ctx: CheckContext, v: Json, path: string): BehaviourOverride {
  const o = asObject(ctx, v, path);
  noExtraKeys(ctx, o, path, BEHAVIOUR_KEYS);
  const out: Record<string, unknown> = {};
  for (const key of BEHAVIOUR_KEYS) {
    if (o[key] === undefined) continue;
    if (key === 'throttleAt') out[key] = oneOf(ctx, o, key, path, THROTTLE_AT);
    else if (key === 'warmup') out[key] = checkWarmupOverride(ctx, o[key], join(path, key));
    else out[key] = optNum(ctx, o, key, path, RULES[key]);
  }
  return out as BehaviourOverride;
}

function checkWarmupOverride(ctx: CheckContext, v: Json, path: string): Partial<WarmupBehaviour> {
  const o = asObject(ctx, v, path);
  noExtraKeys(ctx, o, path, WARMUP_KEYS);
  const out: Record<string, number> = {};
  for (const key of WARMUP_KEYS) {
    const n = optNum(ctx, o, key, path, RULES[key]);
    if (n !== undefined) out[key] = n;
  }
  return out;
}

/** A complete behaviour (defaults file): every key required. */
export function checkBehaviour(ctx: CheckContext, v: Json, path: string): ProviderBehaviour {
  const o = asObject(ctx, v, path);
  noExtraKeys(ctx, o, path, BEHAVIOUR_KEYS);
  const w = asObject(ctx, o['warmup'], join(path, 'warmup'));
  const wp = join(path, 'warmup');
  noExtraKeys(ctx, w, wp, WARMUP_KEYS);
  return {
    hourlyLimit: num(ctx, o, 'hourlyLimit', path, RULES.hourlyLimit),
    burstMinutes: num(ctx, o, 'burstMinutes', path, RULES.burstMinutes),
    connections: num(ctx, o, 'connections', path, RULES.connections),
    perConnection: num(ctx, o, 'perConnection', path, RULES.perConnection),
    throttleAt: oneOf(ctx, o, 'throttleAt', path, THROTTLE_AT),
    warmup: {
      startHourlyLimit: num(ctx, w, 'startHourlyLimit', wp, RULES.startHourlyLimit),
      growth: num(ctx, w, 'growth', wp, RULES.growth),
      stallAbove: num(ctx, w, 'stallAbove', wp, RULES.stallAbove),
      shrinkAbove: num(ctx, w, 'shrinkAbove', wp, RULES.shrinkAbove),
      shrinkFactor: num(ctx, w, 'shrinkFactor', wp, RULES.shrinkFactor),
    },
    unknownUsers: num(ctx, o, 'unknownUsers', path, RULES.unknownUsers),
    mailboxFull: num(ctx, o, 'mailboxFull', path, RULES.mailboxFull),
    greylisting: num(ctx, o, 'greylisting', path, RULES.greylisting),
    complaintChancePerDay: num(ctx, o, 'complaintChancePerDay', path, RULES.complaintChancePerDay),
  };
}

/** Applies overrides in order over a base behaviour. */
export function mergeBehaviour(base: ProviderBehaviour, ...overrides: readonly (BehaviourOverride | undefined)[]): ProviderBehaviour {
  let out = base;
  for (const o of overrides) {
    if (!o) continue;
    out = { ...out, ...o, warmup: { ...out.warmup, ...(o.warmup ?? {}) } } as ProviderBehaviour;
  }
  return out;
}
