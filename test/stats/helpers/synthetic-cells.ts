/**
 * Synthetic aggregate cells from a small, explicit model of a provider and a sender, for estimator
 * tests: the provider keeps a token bucket per IP (refill `limitPerHour`, capacity `burstMinutes` of
 * it); the sender attempts every message due in a minute; refused messages come back after
 * `retryMinutes` (each retry is an attempt, as max-msg-rate counts it).
 */
import type { Cell } from '../../../src/aggregate/types.js';
import { RESPONSE_CLASSES, RESPONSE_CLASS_INDEX } from '../../../src/domain/response-class.js';
import type { ResponseClass } from '../../../src/domain/response-class.js';

export interface SynthOptions {
  readonly provider?: string;
  readonly sourceIp?: string;
  readonly vmta?: string;
  readonly domain?: string;
  /** Epoch ms of the first minute. */
  readonly start?: number;
  readonly minutes: number;
  /** New messages injected at minute i. */
  readonly inject: (i: number) => number;
  /** Provider refill per hour at minute i. */
  readonly limitPerHour: (i: number) => number;
  readonly burstMinutes?: number;
  readonly retryMinutes?: number;
  /** Class of the refusals. */
  readonly throttleClass?: ResponseClass;
  /** Refusals logged as tq (per refused connection) instead of t rows per recipient. */
  readonly asQueueFailures?: boolean;
  /** Extra recipient-class deferrals per attempt (not the IP's doing). */
  readonly recipientShare?: number;
}

export const T0 = Date.UTC(2026, 10, 20, 0, 0, 0);

export function emptyClasses(): number[] {
  return new Array<number>(RESPONSE_CLASSES.length).fill(0);
}

export function cell(partial: Partial<Cell> & Pick<Cell, 'minute'>): Cell {
  return {
    provider: 'yahoo',
    sourceIp: '203.0.113.14',
    vmta: 'vmta-14',
    domain: 'yahoo.com',
    attempts: 0,
    delivered: 0,
    deferred: 0,
    bounced: 0,
    queueFailures: 0,
    bytes: 0,
    deferredByClass: emptyClasses(),
    queueFailuresByClass: emptyClasses(),
    bouncedByClass: emptyClasses(),
    ...partial,
  };
}

export function synthCells(o: SynthOptions): Cell[] {
  const start = o.start ?? T0;
  const retry = o.retryMinutes ?? 10;
  const burst = o.burstMinutes ?? 10;
  const cls = RESPONSE_CLASS_INDEX[o.throttleClass ?? 'rate'];
  const due = new Map<number, number>();
  let tokens = (o.limitPerHour(0) * burst) / 60;
  const out: Cell[] = [];
  let recipientDebt = 0;
  for (let i = 0; i < o.minutes; i++) {
    const rate = o.limitPerHour(i);
    tokens = Math.min(tokens + rate / 60, (rate * burst) / 60);
    const pending = o.inject(i) + (due.get(i) ?? 0);
    due.delete(i);
    if (pending === 0) continue;
    recipientDebt += pending * (o.recipientShare ?? 0);
    const recipientDeferred = Math.min(pending, Math.floor(recipientDebt));
    recipientDebt -= recipientDeferred;
    const tries = pending - recipientDeferred;
    const accepted = Math.min(tries, Math.floor(tokens));
    tokens -= accepted;
    const refused = tries - accepted;
    if (refused + recipientDeferred > 0) due.set(i + retry, (due.get(i + retry) ?? 0) + refused + recipientDeferred);
    const deferredByClass = emptyClasses();
    const queueFailuresByClass = emptyClasses();
    deferredByClass[RESPONSE_CLASS_INDEX.recipient] = recipientDeferred;
    let deferred = recipientDeferred;
    let attempts = accepted + recipientDeferred;
    let queueFailures = 0;
    if (o.asQueueFailures) {
      // one refused connection per 10 refused messages, messages not attempted
      queueFailures = refused > 0 ? Math.max(1, Math.round(refused / 10)) : 0;
      queueFailuresByClass[cls] = queueFailures;
    } else {
      deferredByClass[cls] = refused;
      deferred += refused;
      attempts += refused;
    }
    out.push(
      cell({
        provider: o.provider ?? 'yahoo',
        sourceIp: o.sourceIp ?? '203.0.113.14',
        vmta: o.vmta ?? 'vmta-14',
        domain: o.domain ?? 'yahoo.com',
        minute: start + i * 60_000,
        attempts,
        delivered: accepted,
        deferred,
        queueFailures,
        deferredByClass,
        queueFailuresByClass,
      }),
    );
  }
  return out;
}

/** Campaign-shaped injection: `perMinute` messages from `fromHour` to `toHour` UTC every day. */
export function dailyCampaign(perMinute: number, fromHour: number, toHour: number): (i: number) => number {
  return (i) => {
    const hourOfDay = Math.floor((i % 1440) / 60);
    return hourOfDay >= fromHour && hourOfDay < toHour ? perMinute : 0;
  };
}
