/**
 * Injection of messages into the simulated PowerMTA every few seconds, following the load plan:
 * recipient domain by the stream's audience, virtual MTA round robin over the stream's pool, and what
 * the recipient will do (unknown user, full mailbox, greylisting) by the provider's behaviour.
 */
import type { Msg, RecipientKind } from './engine-types.js';
import { badDomainBounce } from './invalid-domain-queue.js';
import type { LoadSegment, StreamPlan } from './load-plan.js';
import { localPart } from './recipients.js';
import { emit, scheduleWake } from './sim-context.js';
import type { SimContext } from './sim-context.js';
import type { World } from './world.js';
import { queueOf } from './world.js';

export const INJECT_STEP = 10;

export interface Injector {
  /** Injects messages due in [now, now + INJECT_STEP); returns the next tick time or Infinity. */
  tick(now: number): number;
}

export function createInjector(ctx: SimContext, world: World, segments: LoadSegment[], streams: StreamPlan[]): Injector {
  let next = 0;
  const active: LoadSegment[] = [];
  return {
    tick(now) {
      const until = now + INJECT_STEP;
      while (next < segments.length && (segments[next] as LoadSegment).from < until) active.push(segments[next++] as LoadSegment);
      for (let i = active.length - 1; i >= 0; i -= 1) {
        const seg = active[i] as LoadSegment;
        const overlap = Math.min(until, seg.to) - Math.max(now, seg.from);
        if (overlap > 0) {
          const exact = seg.rate * overlap + seg.carry;
          const n = Math.floor(exact + 1e-9);
          seg.carry = Math.max(0, exact - n);
          const plan = streams[seg.stream];
          if (plan) for (let k = 0; k < n; k += 1) injectOne(ctx, world, plan, seg, now);
        }
        if (seg.to <= until) active.splice(i, 1);
      }
      if (active.length > 0) return until;
      const upcoming = segments[next];
      return upcoming ? Math.max(until, upcoming.from - (upcoming.from % INJECT_STEP)) : Number.POSITIVE_INFINITY;
    },
  };
}

function injectOne(ctx: SimContext, world: World, plan: StreamPlan, seg: LoadSegment, now: number): void {
  const domainIndex = plan.domains[ctx.rng.weighted(plan.cumulative)] ?? 0;
  const vmtaIndex = plan.vmtas[plan.rr++ % plan.vmtas.length] ?? 0;
  const q = queueOf(ctx, world, domainIndex, vmtaIndex, now);
  const id = ctx.nextMsgId++;
  const b = q.pi.behaviour;
  const x = ctx.rng.next();
  const kind: RecipientKind = x < b.unknownUsers ? 'unknown' : x < b.unknownUsers + b.mailboxFull ? 'full' : x < b.unknownUsers + b.mailboxFull + b.greylisting ? 'greylist' : 'ok';
  const msg: Msg = {
    id,
    rcpt: `${localPart(ctx.rng)}@${q.domain.name}`,
    orig: `bounce-${id.toString(36)}@bounces.example.com`,
    queuedAt: now,
    jobId: seg.jobId,
    pool: seg.pool,
    size: 8000 + Math.round(ctx.rng.exponential(30000)),
    kind,
    attempts: 0,
    dueAt: now,
    lastStatus: '',
    lastDiag: '',
    lastMta: '',
  };
  q.messages += 1;
  if (q.domain.invalid === 'nxdomain' || (q.domain.invalid === 'no-mx' && q.settings.bounceUponNoMx)) {
    q.bounced += 1;
    emit(ctx, badDomainBounce(now, q, msg));
    return;
  }
  if (q.domain.invalid === null) q.pi.stats.messages += 1;
  q.ready.push(msg);
  scheduleWake(ctx, q, now);
}
