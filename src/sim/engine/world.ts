/**
 * The simulation's registry of queues (domain/vmta) and provider-IP pairs, created on first use.
 */
import { resolveQueueSettings } from '../scenario/directives.js';
import type { Queue, ProviderIp } from './engine-types.js';
import { createEventHeap } from './event-heap.js';
import { createFifo } from './fifo.js';
import { createProviderIp } from './provider-ip.js';
import type { SimContext } from './sim-context.js';

export interface World {
  readonly queues: Map<number, Queue>;
  readonly pairs: Map<string, ProviderIp>;
}

export function createWorld(): World {
  return { queues: new Map(), pairs: new Map() };
}

export function pairOf(ctx: SimContext, world: World, providerId: string, vmtaIndex: number, now: number): ProviderIp {
  const vmta = ctx.rs.vmtas[vmtaIndex];
  if (!vmta) throw new Error(`no virtual MTA #${vmtaIndex}`);
  const key = `${providerId}/${vmta.name}`;
  let pi = world.pairs.get(key);
  if (!pi) {
    const texts = ctx.catalog;
    pi = createProviderIp(
      providerId,
      vmta,
      ctx.rs.behaviour(providerId, vmta.name),
      {
        connections: texts.texts(providerId, 'connections', 'greeting').length > 0,
        perConnection: texts.texts(providerId, 'per-connection', 'rcpt').length > 0,
        greetingRate: texts.texts(providerId, 'rate', 'greeting').length > 0,
      },
      dayStartOf(ctx, now),
    );
    for (const e of ctx.rs.episodes) {
      if (e.providerId === providerId && e.vmta === vmta.name) pi.episodes.push({ kind: e.kind, from: e.from, to: e.to });
    }
    rollComplaint(ctx, pi, dayStartOf(ctx, now));
    world.pairs.set(key, pi);
  }
  return pi;
}

export function dayStartOf(ctx: SimContext, now: number): number {
  return ctx.rs.start + Math.floor((now - ctx.rs.start) / 86400) * 86400;
}

/** A complaint episode on this day, by chance: a few hours of reputation deferrals. */
export function rollComplaint(ctx: SimContext, pi: ProviderIp, dayStart: number): void {
  const chance = pi.behaviour.complaintChancePerDay;
  if (chance <= 0 || !ctx.rng.chance(chance)) return;
  const from = dayStart + (8 + ctx.rng.int(10)) * 3600;
  pi.episodes.push({ kind: 'reputation', from, to: from + (2 + ctx.rng.int(3)) * 3600 });
}

export function queueOf(ctx: SimContext, world: World, domainIndex: number, vmtaIndex: number, now: number): Queue {
  const key = domainIndex * 4096 + vmtaIndex;
  let q = world.queues.get(key);
  if (!q) {
    const domain = ctx.rs.domains[domainIndex];
    const vmta = ctx.rs.vmtas[vmtaIndex];
    if (!domain || !vmta) throw new Error('queue of an unknown domain or virtual MTA');
    const created = {
      name: `${domain.name}/${vmta.name}`,
      domain,
      vmta,
      pi: pairOf(ctx, world, domain.providerId, vmtaIndex, now),
      settings: resolveQueueSettings(ctx.rs.scenario.sender, domain.name, vmta.name),
      ready: createFifo(),
      deferred: createEventHeap(),
      backoff: false,
      backoffSince: 0,
      backoffLastMatch: 0,
      backoffEntries: 0,
      backoffSeconds: 0,
      active: 0,
      retryUntil: 0,
      retryStep: 0,
      nextConnectAt: 0,
      rateNextAt: 0,
      wakeAt: Number.POSITIVE_INFINITY,
      mxIndex: 0,
      noAnswerAttempts: 0,
      messages: 0,
      bounced: 0,
    } as Omit<Queue, 'wake'> & { wake?: Queue['wake'] };
    created.wake = { kind: 'wake', queue: created as Queue };
    q = created as Queue;
    world.queues.set(key, q);
  }
  return q;
}
