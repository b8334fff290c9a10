/**
 * PowerMTA's queue modes: a reply matching a `mode=backoff` rule of the queue's `<smtp-pattern-list>`
 * puts the queue into backoff (backoff-max-msg-rate, backoff-max-smtp-out, backoff-retry-after apply);
 * it returns to normal on a `mode=normal` rule or `backoff-to-normal-after` after the last backoff match.
 */
import type { Rate } from '../pmta-values.js';
import type { Queue } from './engine-types.js';
import type { SimContext } from './sim-context.js';

export function applyPatternList(ctx: SimContext, q: Queue, text: string, now: number): void {
  const list = q.settings.patternList === null ? undefined : ctx.patternLists.get(q.settings.patternList);
  if (!list) return;
  for (const reply of list) {
    if (!reply.regex.test(text)) continue;
    if (reply.backoff) {
      if (!q.backoff) {
        q.backoff = true;
        q.backoffSince = now;
        q.backoffEntries += 1;
      }
      q.backoffLastMatch = now;
    } else if (q.backoff) {
      leaveBackoff(q, now);
    }
    return;
  }
}

export function updateMode(q: Queue, now: number): void {
  if (q.backoff && now - q.backoffLastMatch >= q.settings.backoffToNormalAfter) leaveBackoff(q, q.backoffLastMatch + q.settings.backoffToNormalAfter);
}

function leaveBackoff(q: Queue, at: number): void {
  q.backoff = false;
  q.backoffSeconds += at - q.backoffSince;
}

export function currentRate(q: Queue): Rate {
  return q.backoff ? q.settings.backoffMaxMsgRate : q.settings.maxMsgRate;
}

export function currentMaxConnections(q: Queue): number {
  return q.backoff ? q.settings.backoffMaxSmtpOut : q.settings.maxSmtpOut;
}

export function retryDelay(q: Queue, index: number): number {
  const list = q.backoff ? q.settings.backoffRetryAfter : q.settings.retryAfter;
  return list[Math.min(index, list.length - 1)] ?? 600;
}
