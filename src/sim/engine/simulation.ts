/**
 * The simulation core: a discrete-event loop over injections, queue wake-ups, SMTP connection steps and
 * day boundaries, handed out as batches of records in time order. Pure: no file system, no clock, all
 * randomness from the seed.
 */
import { createPrng } from '../prng.js';
import type { ResponseCatalog } from '../provider/response-catalog.js';
import type { ResolvedScenario } from '../scenario/resolve-scenario.js';
import type { SimBatch } from '../sim-record.js';
import { buildTruth } from '../truth/build-truth.js';
import type { SimTruth } from '../truth/truth-types.js';
import { createEventHeap } from './event-heap.js';
import { INJECT_STEP, createInjector } from './injector.js';
import { planSegments, planStreams } from './load-plan.js';
import { closeDay, currentDay } from './provider-ip.js';
import { stepConnection, wakeQueue } from './sender-queue.js';
import type { CompiledReply, EngineEvent, SimContext } from './sim-context.js';
import { createWorld, rollComplaint } from './world.js';

export interface SimulationOptions {
  /** Simulated seconds per batch (default 3600). Live runs use small batches. */
  readonly batchSeconds?: number;
}

export interface Simulation {
  /** Batches of records in time order; each non-empty batch is handed out once its slice of time is done. */
  batches(): Generator<SimBatch, void, undefined>;
  /** truth.json for what has been simulated so far (complete after batches() finished). */
  truth(): SimTruth;
}

export function createSimulation(rs: ResolvedScenario, catalog: ResponseCatalog, options: SimulationOptions = {}): Simulation {
  const patternLists = new Map<string, CompiledReply[]>();
  for (const [name, replies] of Object.entries(rs.scenario.sender.patternLists)) {
    patternLists.set(name, replies.map((r) => ({ regex: new RegExp(r.regex, 'i'), backoff: r.actions === 'mode=backoff' })));
  }
  const ctx: SimContext = {
    rs,
    catalog,
    rng: createPrng(rs.seed),
    heap: createEventHeap<EngineEvent>(),
    out: [],
    counts: { d: 0, b: 0, t: 0, tq: 0 },
    nextMsgId: 1,
    patternLists,
  };
  const world = createWorld();
  const injector = createInjector(ctx, world, planSegments(rs), planStreams(rs));
  const batchSeconds = options.batchSeconds ?? 3600;
  let reached = rs.start;
  let complete = false;

  function handle(ev: EngineEvent, now: number): void {
    switch (ev.kind) {
      case 'inject': {
        const next = injector.tick(now);
        if (next < rs.end) ctx.heap.push(next, ev);
        return;
      }
      case 'day':
        for (const pi of world.pairs.values()) {
          const day = currentDay(pi);
          if (pi.episodes.some((e) => e.kind === 'reputation' && e.from < now && e.to > now - 86400)) day.complaint = true;
          closeDay(pi, now);
          rollComplaint(ctx, pi, now);
        }
        if (now + 86400 < rs.end) ctx.heap.push(now + 86400, ev);
        return;
      case 'wake':
        if (ev.queue.wakeAt === now) wakeQueue(ctx, ev.queue, now);
        return;
      case 'step':
        stepConnection(ctx, ev.conn, now);
        return;
      default: {
        const unreachable: never = ev;
        return unreachable;
      }
    }
  }

  return {
    *batches() {
      ctx.heap.push(rs.start - (rs.start % INJECT_STEP), { kind: 'inject' });
      if (rs.start + 86400 < rs.end) ctx.heap.push(rs.start + 86400, { kind: 'day' });
      let batchEnd = rs.start + batchSeconds;
      for (;;) {
        const t = ctx.heap.peekTime();
        if (t >= rs.end) break;
        if (t >= batchEnd) {
          if (ctx.out.length > 0) {
            reached = batchEnd;
            const records = ctx.out;
            ctx.out = [];
            yield { until: batchEnd, records };
          }
          batchEnd = t - ((t - rs.start) % batchSeconds) + batchSeconds;
        }
        const ev = ctx.heap.pop();
        if (ev) handle(ev, t);
      }
      reached = rs.end;
      complete = true;
      const records = ctx.out;
      ctx.out = [];
      yield { until: rs.end, records };
    },
    truth: () =>
      buildTruth({ rs, queues: world.queues.values(), pairs: world.pairs.values(), counts: ctx.counts, messagesInjected: ctx.nextMsgId - 1, complete, reached }),
  };
}


