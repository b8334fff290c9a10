/**
 * The provider side for one sending IP: an hourly acceptance limit as a token bucket, a connection cap,
 * a per-connection cap, block and complaint episodes, and the day-by-day reputation that moves the
 * limit (a new IP grows after good days, stalls or shrinks after heavily throttled or complaint days).
 */
import type { ProviderBehaviour, VmtaSpec } from '../scenario/scenario-types.js';
import { isoDate } from '../time-format.js';
import type { PairDay, ProviderIp } from './engine-types.js';

export interface ProviderIpCaps {
  readonly connections: boolean;
  readonly perConnection: boolean;
  readonly greetingRate: boolean;
}

export function createProviderIp(providerId: string, vmta: VmtaSpec, behaviour: ProviderBehaviour, caps: ProviderIpCaps, dayStart: number): ProviderIp {
  const limit = vmta.new ? Math.min(behaviour.warmup.startHourlyLimit, behaviour.hourlyLimit) : behaviour.hourlyLimit;
  return {
    providerId,
    vmta,
    behaviour,
    limitPerHour: limit,
    tokens: bucketSize(limit, behaviour),
    lastRefill: dayStart,
    openConns: 0,
    connCap: caps.connections ? behaviour.connections : Number.POSITIVE_INFINITY,
    perConnCap: caps.perConnection ? behaviour.perConnection : Number.POSITIVE_INFINITY,
    throttleAtGreeting: behaviour.throttleAt === 'greeting' && caps.greetingRate,
    episodes: [],
    days: [newDay(dayStart, limit)],
    stats: {
      messages: 0,
      attempts: 0,
      delivered: 0,
      deferred: 0,
      bounced: 0,
      greetingRefusals: 0,
      rate: 0,
      connections: 0,
      perConnection: 0,
      reputation: 0,
      block: 0,
      recipient: 0,
      peakConnectionsAttempted: 0,
      peakConnectionsOpen: 0,
    },
  };
}

function newDay(dayStart: number, limit: number): PairDay {
  return { date: isoDate(dayStart), hourlyLimit: limit, attempts: 0, delivered: 0, throttled: 0, complaint: false };
}

export function bucketSize(limitPerHour: number, b: ProviderBehaviour): number {
  return Math.max(1, (limitPerHour * b.burstMinutes) / 60);
}

/** Adds the tokens earned since the last refill; returns the tokens available now. */
export function refill(pi: ProviderIp, now: number): number {
  if (now > pi.lastRefill) {
    pi.tokens = Math.min(bucketSize(pi.limitPerHour, pi.behaviour), pi.tokens + ((now - pi.lastRefill) * pi.limitPerHour) / 3600);
    pi.lastRefill = now;
  }
  return pi.tokens;
}

/** The episode in force at `now`, if any (blocks win over complaints). */
export function activeEpisode(pi: ProviderIp, now: number): 'block' | 'reputation' | null {
  let found: 'block' | 'reputation' | null = null;
  for (const e of pi.episodes) {
    if (now >= e.from && now < e.to) {
      if (e.kind === 'block') return 'block';
      found = 'reputation';
    }
  }
  return found;
}

export function currentDay(pi: ProviderIp): PairDay {
  return pi.days[pi.days.length - 1] as PairDay;
}

/** Fewer attempts than this in a day say nothing about reputation: the limit stays. */
const MIN_ATTEMPTS_FOR_REPUTATION = 20;

/**
 * End of a day: decide tomorrow's hourly limit from today's outcome and open tomorrow's record.
 * A new IP grows by `growth` after a good day, stalls above `stallAbove` throttled, shrinks above
 * `shrinkAbove` or after a complaint day. An established IP keeps its limit except after complaints.
 */
export function closeDay(pi: ProviderIp, now: number): void {
  refill(pi, now);
  const day = currentDay(pi);
  const b = pi.behaviour;
  const w = b.warmup;
  const share = day.attempts === 0 ? 0 : day.throttled / day.attempts;
  let next = pi.limitPerHour;
  if (day.complaint || (pi.vmta.new && day.attempts >= MIN_ATTEMPTS_FOR_REPUTATION && share > w.shrinkAbove)) {
    next = Math.max(w.startHourlyLimit * 0.5, next * w.shrinkFactor);
  } else if (pi.vmta.new ? day.attempts >= MIN_ATTEMPTS_FOR_REPUTATION && share <= w.stallAbove : true) {
    next = Math.min(b.hourlyLimit, next * w.growth);
  }
  pi.limitPerHour = next;
  pi.tokens = Math.min(pi.tokens, bucketSize(next, b));
  pi.days.push(newDay(now, next));
}
