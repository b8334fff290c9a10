/**
 * What every engine module shares: the resolved scenario, the response catalog, the seeded random
 * source, the event heap and the records produced since the last batch.
 */
import type { Prng } from '../prng.js';
import type { ResponseCatalog } from '../provider/response-catalog.js';
import type { ResolvedScenario } from '../scenario/resolve-scenario.js';
import type { SimRecord } from '../sim-record.js';
import type { Conn, Queue } from './engine-types.js';
import type { EventHeap } from './event-heap.js';

export type EngineEvent =
  | { readonly kind: 'inject' }
  | { readonly kind: 'day' }
  | { readonly kind: 'wake'; readonly queue: Queue }
  | { readonly kind: 'step'; readonly conn: Conn };

export interface RecordCounts {
  d: number;
  b: number;
  t: number;
  tq: number;
}

export interface SimContext {
  readonly rs: ResolvedScenario;
  readonly catalog: ResponseCatalog;
  readonly rng: Prng;
  readonly heap: EventHeap<EngineEvent>;
  out: SimRecord[];
  readonly counts: RecordCounts;
  /** Message sequence number. */
  nextMsgId: number;
  /** Compiled `<smtp-pattern-list>` replies by list name. */
  readonly patternLists: ReadonlyMap<string, readonly CompiledReply[]>;
}

export interface CompiledReply {
  readonly regex: RegExp;
  readonly backoff: boolean;
}

export function emit(ctx: SimContext, record: SimRecord): void {
  ctx.out.push(record);
  ctx.counts[record.type] += 1;
}

/** Schedules a wake-up for a queue unless an earlier one is already pending. */
export function scheduleWake(ctx: SimContext, queue: Queue, time: number): void {
  if (time >= queue.wakeAt) return;
  queue.wakeAt = time;
  ctx.heap.push(time, queue.wake);
}
